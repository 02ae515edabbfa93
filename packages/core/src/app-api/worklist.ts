/** GET /api/worklist?kind=&sort=&_count=&_offset=&dueWithinDays=&locale= (see ./types.ts for the conventions). */
import type { AppSeverity, AppSource, PatientBrief } from './common';

/** What a worklist row asks the clinician to do. */
export type WorklistKind = 'awaiting-sign-off' | 'urgent-finding' | 'follow-up-due' | 'follow-up-overdue';

/** Row order: `date` newest first, `-date` oldest first; `severity` most severe first; `patient` by name A→Z. */
export type WorklistSort = 'date' | '-date' | 'severity' | 'patient';

/** The counts at a glance, over all rows the user may see (independent of `kind`, `_count`, `_offset`). */
export interface WorklistCounts {
  /** CareLoop checkup DiagnosticReports with status `preliminary`. */
  readonly awaitingSignOff: number;
  /** Findings of severity critical (or flagged urgent) that are not rejected, in reports not yet final. */
  readonly urgentFindings: number;
  /** Open follow-ups whose due date is today or within `dueWithinDays` days. */
  readonly followUpsDue: number;
  /** Open follow-ups whose due date has passed. */
  readonly followUpsOverdue: number;
}

/**
 * Where a follow-up comes from: a stored open Task; a checkup finding's recommendation "within N days" (due = report
 * date + N); or a hospital discharge home (due = discharge + 14 days, closed by a later ambulatory visit).
 */
export type FollowUpOrigin = 'task' | 'recommendation' | 'discharge';

export interface WorklistItem {
  /** Stable row key (unique within the response). */
  readonly key: string;
  readonly kind: WorklistKind;
  readonly patient: PatientBrief;
  /** What: the report title, the finding title, or the follow-up action. */
  readonly what: string;
  /** Severity of the finding (urgent findings, follow-ups from findings); for a report, its most severe finding. */
  readonly severity?: AppSeverity;
  /** When: the report's checkup date, the finding's identified date, or when the follow-up was asked for. */
  readonly date?: string;
  /** Due date (`YYYY-MM-DD`) of a follow-up. */
  readonly due?: string;
  /** Days past due (follow-up-overdue only, > 0). */
  readonly daysOverdue?: number;
  /** Link target: the report to review (`/reports/:reportId`), else the patient (`/patients/:patientId`). */
  readonly link: { readonly patientId: string; readonly reportId?: string };
  /** The DetectedIssue id of an urgent finding or of the finding a follow-up comes from. */
  readonly findingId?: string;
  /** The Task id of a follow-up stored as a Task. */
  readonly taskId?: string;
  /** Follow-ups only: a stored Task or a recommendation of a finding. */
  readonly origin?: FollowUpOrigin;
  /** Follow-ups: the published basis of the due date (recommendation rule or discharge follow-up guidance). */
  readonly source?: AppSource;
  /** Discharge follow-ups: the inpatient Encounter id. */
  readonly encounterId?: string;
  /** Report rows: how many findings it has (not rejected), and how many are urgent. */
  readonly findingCount?: number;
  readonly urgentCount?: number;
}

export interface WorklistResponse {
  /** The server's today (`YYYY-MM-DD`) the due/overdue split was computed on. */
  readonly today: string;
  readonly counts: WorklistCounts;
  /** Rows matching `kind` (all kinds when absent), before paging. */
  readonly total: number;
  readonly offset: number;
  readonly count: number;
  readonly items: readonly WorklistItem[];
}
