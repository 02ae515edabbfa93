import type { Patient } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import type {
  PatientBrief,
  WorklistCounts,
  WorklistItem,
  WorklistKind,
  WorklistResponse,
  WorklistSort,
} from '@careloop/core/app-api/types';
import { addDays } from '@careloop/core/fhir/dates';
import { conceptText } from '../../reports/fhir-text';
import { readFinding } from '../../reports/findings';
import type { FhirService } from '../fhir-service';
import type { RequestContext } from '../context';
import { checkupReports, loadCheckupRecords, reportDate, type CheckupRecord } from './checkup-records';
import { latestPerPatient, openFollowUps, type FollowUp } from './follow-ups';
import { compareDatesDesc, patientBrief, severityRank, unknownPatient } from './format';
import { byIds } from './search';
import { idOf } from '../references';

/** What the worklist is asked for (parsed and checked by the route). */
export interface WorklistQuery {
  /** Only these kinds; all when empty. */
  readonly kinds: readonly WorklistKind[];
  readonly sort: WorklistSort;
  readonly count: number;
  readonly offset: number;
  /** Follow-ups due within this many days from today count as due. */
  readonly dueWithinDays: number;
  readonly locale: Locale;
}

type Row = Omit<WorklistItem, 'patient'>;

function reportRows(rec: CheckupRecord, locale: Locale): Row[] {
  const reportId = rec.report.id ?? '';
  const patientId = idOf(rec.report.subject?.reference, 'Patient') ?? '';
  const date = reportDate(rec.report);
  const findings = rec.findings.map((f) => ({ issue: f, view: readFinding(f, [], locale) }));
  const active = findings.filter((f) => f.view.status !== 'rejected');
  const urgent = active.filter((f) => f.view.urgent || f.view.severity === 'critical');
  const worst = active.map((f) => f.view.severity).sort((a, b) => severityRank(a) - severityRank(b))[0];
  const link = { patientId, reportId };
  const report: Row = {
    key: `report:${reportId}`,
    kind: 'awaiting-sign-off',
    what: conceptText(rec.report.code, locale) ?? 'Checkup report',
    ...(worst ? { severity: worst } : {}),
    ...(date ? { date } : {}),
    link,
    findingCount: active.length,
    urgentCount: urgent.length,
  };
  const urgentRows = urgent.map((f): Row => ({
    key: `finding:${f.issue.id ?? ''}`,
    kind: 'urgent-finding',
    what: f.view.title,
    severity: f.view.severity,
    ...((f.issue.identifiedDateTime ?? date) ? { date: f.issue.identifiedDateTime ?? date } : {}),
    link,
    findingId: f.issue.id ?? '',
  }));
  return [report, ...urgentRows];
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function followUpRow(f: FollowUp, today: string, dueWithinDays: number): Row | undefined {
  const overdue = f.due < today;
  if (!overdue && f.due > addDays(today, dueWithinDays)) return undefined;
  return {
    key: f.key,
    kind: overdue ? 'follow-up-overdue' : 'follow-up-due',
    what: f.what,
    ...(f.severity ? { severity: f.severity } : {}),
    ...(f.date ? { date: f.date } : {}),
    due: f.due,
    ...(overdue ? { daysOverdue: daysBetween(f.due, today) } : {}),
    link: { patientId: f.patientId, ...(f.reportId ? { reportId: f.reportId } : {}) },
    ...(f.findingId ? { findingId: f.findingId } : {}),
    ...(f.taskId ? { taskId: f.taskId } : {}),
    ...(f.encounterId ? { encounterId: f.encounterId } : {}),
    origin: f.origin,
    ...(f.source ? { source: f.source } : {}),
  };
}

function countsOf(rows: readonly Row[]): WorklistCounts {
  const n = (kind: WorklistKind) => rows.filter((r) => r.kind === kind).length;
  return {
    awaitingSignOff: n('awaiting-sign-off'),
    urgentFindings: n('urgent-finding'),
    followUpsDue: n('follow-up-due'),
    followUpsOverdue: n('follow-up-overdue'),
  };
}

function comparator(sort: WorklistSort): (a: WorklistItem, b: WorklistItem) => number {
  const byDate = (a: WorklistItem, b: WorklistItem) => compareDatesDesc(a.due ?? a.date, b.due ?? b.date);
  const tie = (a: WorklistItem, b: WorklistItem) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  switch (sort) {
    case 'date':
      return (a, b) => byDate(a, b) || tie(a, b);
    case '-date':
      return (a, b) => byDate(b, a) || tie(a, b);
    case 'severity':
      return (a, b) => severityRank(a.severity) - severityRank(b.severity) || byDate(a, b) || tie(a, b);
    case 'patient':
      return (a, b) => a.patient.name.localeCompare(b.patient.name) || byDate(a, b) || tie(a, b);
  }
}

async function briefs(
  fhir: FhirService,
  ctx: RequestContext,
  ids: Iterable<string>,
  locale: Locale,
  today: string,
): Promise<Map<string, PatientBrief>> {
  const patients = await byIds<Patient>(fhir, ctx, 'Patient', ids);
  return new Map([...patients].map(([id, p]) => [id, patientBrief(p, locale, today)]));
}

/**
 * The clinician's worklist: preliminary checkup reports to sign, urgent findings in them, and follow-ups due
 * (within `dueWithinDays`) or overdue. Everything is read through the FHIR service, so a user sees only the
 * rows of patients they may see, and the reads are audited.
 */
export async function buildWorklist(
  fhir: FhirService,
  ctx: RequestContext,
  today: string,
  query: WorklistQuery,
): Promise<WorklistResponse> {
  // One load of every report and its findings serves both the sign-off rows and the recommendation follow-ups.
  const reports = await checkupReports(fhir, ctx, {});
  const latest = new Set(latestPerPatient(reports));
  const wanted = reports.filter((r) => r.status === 'preliminary' || latest.has(r));
  const records = await loadCheckupRecords(fhir, ctx, wanted, { provenance: false, risks: false });
  const followUps = await openFollowUps(
    fhir,
    ctx,
    today,
    query.locale,
    records.filter((r) => latest.has(r.report)),
  );
  const rows: Row[] = [
    ...records.filter((r) => r.report.status === 'preliminary').flatMap((r) => reportRows(r, query.locale)),
    ...followUps.flatMap((f) => followUpRow(f, today, query.dueWithinDays) ?? []),
  ];
  const selected = query.kinds.length > 0 ? rows.filter((r) => query.kinds.includes(r.kind)) : rows;
  const people = await briefs(
    fhir,
    ctx,
    selected.map((r) => r.link.patientId),
    query.locale,
    today,
  );
  const items = selected
    .map((r): WorklistItem => ({ ...r, patient: people.get(r.link.patientId) ?? unknownPatient(r.link.patientId) }))
    .sort(comparator(query.sort));
  return {
    today,
    counts: countsOf(rows),
    total: items.length,
    offset: query.offset,
    count: query.count,
    items: items.slice(query.offset, query.offset + query.count),
  };
}
