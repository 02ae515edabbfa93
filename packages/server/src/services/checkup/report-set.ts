import type {
  Composition,
  DetectedIssue,
  DiagnosticReport,
  Provenance,
  Resource,
  RiskAssessment,
} from '@medplum/fhirtypes';
import type { Repository } from '../../store/repository';
import { searchAll } from './search-all';
import { CHECKUP_URI } from './systems';

/** A checkup report and everything that belongs to it. */
export interface ReportSet {
  readonly report: DiagnosticReport;
  readonly findings: readonly DetectedIssue[];
  readonly risks: readonly RiskAssessment[];
  readonly composition: Composition | undefined;
  /** The engine's Provenance and every sign-off, oldest first. */
  readonly provenances: readonly Provenance[];
}

const MEMBER_TYPES = new Set(['DetectedIssue', 'RiskAssessment', 'Composition']);
const REF = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/** `Type/id` of every literal reference to a report member inside a value (extensions, contained, sections). */
export function memberKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) memberKeys(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'reference' && typeof v === 'string') {
        const m = REF.exec(v);
        if (m && MEMBER_TYPES.has(m[1]!)) into.add(`${m[1]!}/${m[2]!}`);
      } else memberKeys(v, into);
    }
  }
  return into;
}

/** The finding id of a DetectedIssue (its code in the checkup-finding system), else its resource id. */
export function findingIdOf(issue: DetectedIssue): string {
  return issue.code?.coding?.find((c) => c.system === CHECKUP_URI.finding)?.code ?? issue.id ?? '';
}

function recordedOrder(a: Provenance, b: Provenance): number {
  return a.recorded < b.recorded ? -1 : a.recorded > b.recorded ? 1 : 0;
}

/**
 * Loads a report and its members: what the report references and what the Provenances of the report target
 * (the engine's Provenance lists every resource it wrote; sign-offs list what they signed).
 */
export async function loadReportSet(repo: Repository, reportId: string): Promise<ReportSet> {
  const report = await repo.read<DiagnosticReport>('DiagnosticReport', reportId);
  const provenances = (
    await searchAll<Provenance>(repo, 'Provenance', { target: `DiagnosticReport/${reportId}` })
  ).sort(recordedOrder);
  const keys = memberKeys(report);
  for (const p of provenances) memberKeys(p.target, keys);
  const members: Resource[] = [];
  for (const key of keys) {
    const [type = '', id = ''] = key.split('/');
    const member = await repo.read(type, id).catch(() => undefined);
    if (member) members.push(member);
  }
  return {
    report,
    findings: members.filter((r): r is DetectedIssue => r.resourceType === 'DetectedIssue'),
    risks: members.filter((r): r is RiskAssessment => r.resourceType === 'RiskAssessment'),
    composition: members.find((r): r is Composition => r.resourceType === 'Composition'),
    provenances,
  };
}

/** The members and the report, as one list (what a sign-off signs). */
export function setResources(set: ReportSet): Resource[] {
  return [set.report, ...set.findings, ...set.risks, ...(set.composition ? [set.composition] : [])];
}
