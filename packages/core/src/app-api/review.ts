/** GET /api/reports/:id/review?locale= and GET /api/reports/:id/review/person-preview?locale= (text/html). */
import type { AppSeverity, PatientBrief } from './common';
import type { FindingConclusion, ReportConclusion } from './evidence';

export interface FindingGroup {
  readonly severity: AppSeverity;
  readonly findings: readonly FindingConclusion[];
}

/** The review screen of one checkup report. Actions stay on the existing routes (reject, add, sign, print). */
export interface ReportReview {
  readonly report: ReportConclusion;
  readonly patient: PatientBrief;
  /** Every finding including rejected ones, grouped by severity, most severe first. */
  readonly findingGroups: readonly FindingGroup[];
  /** May the requesting user sign (clinician, report not cancelled)? */
  readonly canSign: boolean;
  /** Paths (under the server root) of the printable versions and of the person-version preview. */
  readonly links: {
    readonly physicianHtml: string;
    readonly physicianPdf: string;
    /** Plain-language person version rendered now, watermarked PRELIMINARY until signed (clinicians only). */
    readonly personPreview: string;
    /** The released person version (403 until signed). */
    readonly personHtml: string;
  };
}
