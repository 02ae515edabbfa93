import type { DetectedIssue, DiagnosticReport, Encounter, Task } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import { addDays } from '@careloop/core/fhir/dates';
import { CHECKUP_RULES } from '@careloop/core/clinical/checkup-rules/index';
import { EXT } from '@careloop/core/engines/checkup/index';
import type { AppSeverity, AppSource, FollowUpOrigin } from '@careloop/core/app-api/types';
import { conceptText, extension } from '../../reports/fhir-text';
import { readFinding } from '../../reports/findings';
import type { FhirService } from '../fhir-service';
import type { RequestContext } from '../context';
import { reportDate, type CheckupRecord } from './checkup-records';
import { recommendationsOf } from './conclusions';
import { DISCHARGE_FOLLOW_UP } from './follow-up-sources';
import { searchAll } from './search';
import { idOf } from '../references';

/** An open follow-up, before it is split into due and overdue. */
export interface FollowUp {
  readonly key: string;
  readonly patientId: string;
  readonly what: string;
  /** When it was asked for. */
  readonly date?: string;
  /** `YYYY-MM-DD`. */
  readonly due: string;
  readonly origin: FollowUpOrigin;
  readonly severity?: AppSeverity;
  readonly reportId?: string;
  readonly findingId?: string;
  readonly taskId?: string;
  readonly encounterId?: string;
  readonly source?: AppSource;
}

const OPEN_TASK = 'requested,received,accepted,ready,in-progress,on-hold';
const TASK_SEVERITY: Readonly<Record<string, AppSeverity>> = { stat: 'critical', asap: 'high', urgent: 'moderate' };
const RULES = new Map(CHECKUP_RULES.map((r) => [r.id, r]));

/** Open Tasks with a due date (restriction.period.end, else executionPeriod.end) for a patient. */
async function taskFollowUps(fhir: FhirService, ctx: RequestContext, locale: Locale): Promise<FollowUp[]> {
  const tasks = await searchAll<Task>(fhir, ctx, 'Task', { status: OPEN_TASK });
  return tasks.flatMap((t) => {
    const due = (t.restriction?.period?.end ?? t.executionPeriod?.end)?.slice(0, 10);
    const patientId = idOf(t.for?.reference, 'Patient');
    if (!due || !patientId || !t.id) return [];
    const severity = t.priority ? TASK_SEVERITY[t.priority] : undefined;
    return [
      {
        key: `task:${t.id}`,
        patientId,
        what: t.description ?? conceptText(t.code, locale) ?? 'Task',
        ...(t.authoredOn ? { date: t.authoredOn } : {}),
        due,
        origin: 'task' as const,
        ...(severity ? { severity } : {}),
        taskId: t.id,
      },
    ];
  });
}

/** The latest checkup report per patient: a later checkup is the follow-up of an earlier one's recommendations. */
export function latestPerPatient(reports: readonly DiagnosticReport[]): DiagnosticReport[] {
  const latest = new Map<string, DiagnosticReport>();
  for (const r of reports) {
    if (r.status === 'cancelled' || r.status === 'entered-in-error') continue;
    const patient = r.subject?.reference ?? '';
    const current = latest.get(patient);
    if (!current || (reportDate(r) ?? '') > (reportDate(current) ?? '')) latest.set(patient, r);
  }
  return [...latest.values()];
}

function findingFollowUp(issue: DetectedIssue, report: DiagnosticReport, locale: Locale): FollowUp | undefined {
  const view = readFinding(issue, [], locale);
  const date = reportDate(report);
  const patientId = idOf(report.subject?.reference, 'Patient');
  if (view.status === 'rejected' || !date || !patientId || !report.id || !issue.id) return undefined;
  const timed = recommendationsOf(issue, locale).filter((r) => r.withinDays !== undefined);
  const first = timed.sort((a, b) => (a.withinDays ?? 0) - (b.withinDays ?? 0))[0];
  if (!first) return undefined;
  const rule = RULES.get(extension(issue, EXT.findingRule)?.valueCoding?.code ?? '');
  return {
    key: `rec:${issue.id}`,
    patientId,
    what: `${view.title}: ${first.text}`,
    date,
    due: addDays(date.slice(0, 10), first.withinDays ?? 0),
    origin: 'recommendation',
    severity: view.severity,
    reportId: report.id,
    findingId: issue.id,
    ...(rule ? { source: rule.source[0] } : {}),
  };
}

/** Recommendations "within N days" of the findings in each patient's latest checkup report (signed or not). */
function recommendationFollowUps(latest: readonly CheckupRecord[], locale: Locale): FollowUp[] {
  return latest.flatMap((rec) => rec.findings.flatMap((f) => findingFollowUp(f, rec.report, locale) ?? []));
}

const VISIT_CLASSES = 'AMB,HH,VR';
const DISCHARGE_WHAT: Readonly<Record<Locale, string>> = {
  'zh-CN': '出院后随访就诊',
  en: 'Follow-up visit after discharge',
};

/** Discharges home in the look-back with no ambulatory, home or virtual visit since: a visit is due in 14 days. */
async function dischargeFollowUps(
  fhir: FhirService,
  ctx: RequestContext,
  today: string,
  locale: Locale,
): Promise<FollowUp[]> {
  const since = addDays(today, -(DISCHARGE_FOLLOW_UP.lookbackDays + DISCHARGE_FOLLOW_UP.days));
  const stays = await searchAll<Encounter>(fhir, ctx, 'Encounter', {
    class: 'IMP',
    status: 'finished',
    date: `ge${since}`,
  });
  const visits = await searchAll<Encounter>(fhir, ctx, 'Encounter', { class: VISIT_CLASSES, date: `ge${since}` });
  const visitStarts = new Map<string, string[]>();
  for (const v of visits) {
    const p = idOf(v.subject?.reference, 'Patient');
    if (p && v.period?.start) visitStarts.set(p, [...(visitStarts.get(p) ?? []), v.period.start]);
  }
  return stays.flatMap((e) => {
    const end = e.period?.end;
    const patientId = idOf(e.subject?.reference, 'Patient');
    const home = e.hospitalization?.dischargeDisposition?.coding?.some((c) => c.code === 'home');
    if (!end || !patientId || !home || !e.id || end.slice(0, 10) < since) return [];
    if ((visitStarts.get(patientId) ?? []).some((s) => s.slice(0, 10) >= end.slice(0, 10))) return [];
    return [
      {
        key: `discharge:${e.id}`,
        patientId,
        what: DISCHARGE_WHAT[locale],
        date: end,
        due: addDays(end.slice(0, 10), DISCHARGE_FOLLOW_UP.days),
        origin: 'discharge' as const,
        encounterId: e.id,
        source: DISCHARGE_FOLLOW_UP.source,
      },
    ];
  });
}

/**
 * Every open follow-up the user may see: stored Tasks, the recommendations of each patient's latest checkup
 * (`latest`: those reports loaded with their findings) and discharges home.
 */
export async function openFollowUps(
  fhir: FhirService,
  ctx: RequestContext,
  today: string,
  locale: Locale,
  latest: readonly CheckupRecord[],
): Promise<FollowUp[]> {
  return [
    ...(await taskFollowUps(fhir, ctx, locale)),
    ...recommendationFollowUps(latest, locale),
    ...(await dischargeFollowUps(fhir, ctx, today, locale)),
  ];
}
