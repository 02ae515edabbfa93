import type { DetectedIssue, DetectedIssueMitigation, Observation } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import { EXT, FINDING_SYSTEM, RECOMMENDATION_SYSTEM } from '@careloop/core/engines/checkup/index';
import { conceptText, extension, extensions, formatDate, localized, referenceId } from './fhir-text';
import { msg } from './messages';
import { observationValue } from './observation-value';

/** The engine's vocabulary, re-exported for the renderers and their fixtures. */
export { EXT, FINDING_SYSTEM, RECOMMENDATION_SYSTEM };

export const SEVERITIES = ['critical', 'high', 'moderate', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const RECOMMENDATION_KINDS = ['repeat', 'confirm', 'refer', 'return', 'lifestyle'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number] | 'other';
export type FindingStatus = 'active' | 'rejected' | 'added';

export interface RecommendationView {
  readonly kind: RecommendationKind;
  /** What to do, with its deadline ("Repeat fasting glucose (within 90 days)"). */
  readonly text: string;
  /** What to do, as the engine wrote it (no deadline). */
  readonly action: string;
}
export interface EvidenceView {
  readonly display: string;
  readonly value?: string;
  readonly date?: string;
}
/** One finding, read from its DetectedIssue, in one language. */
export interface FindingView {
  readonly id: string;
  readonly title: string;
  /** The one-line "why", with the values. */
  readonly reason: string;
  readonly severity: Severity;
  readonly urgent: boolean;
  readonly status: FindingStatus;
  /** Why the reviewer rejected or added it. */
  readonly statusReason?: string;
  readonly sources: readonly string[];
  readonly evidence: readonly EvidenceView[];
  readonly recommendations: readonly RecommendationView[];
}

function severityOf(issue: DetectedIssue): Severity {
  const code = extension(issue, EXT.findingSeverity)?.valueCode;
  const found = SEVERITIES.find((s) => s === code);
  return found ?? issue.severity ?? 'info';
}

function statusOf(issue: DetectedIssue): FindingStatus {
  const code = extension(issue, EXT.findingStatus)?.valueCode;
  if (code === 'rejected' || code === 'added') return code;
  // signing marks a rejected finding entered-in-error, for systems that ignore the review extension
  return issue.status === 'entered-in-error' ? 'rejected' : 'active';
}

function recommendation(m: DetectedIssueMitigation, locale: Locale): RecommendationView | undefined {
  const base = conceptText(m.action, locale);
  if (!base) return undefined;
  const days = extension(m, EXT.recommendationWithinDays)?.valueInteger;
  const text = days === undefined ? base : `${base}${msg(locale, days === 0 ? 'today' : 'withinDays', { n: days })}`;
  const code = m.action.coding?.find((c) => c.system === RECOMMENDATION_SYSTEM)?.code;
  return { kind: RECOMMENDATION_KINDS.find((k) => k === code) ?? 'other', text, action: base };
}

function evidenceOf(issue: DetectedIssue, byId: ReadonlyMap<string, Observation>, locale: Locale): EvidenceView[] {
  return (issue.evidence ?? []).flatMap((e) =>
    (e.detail ?? []).map((ref) => {
      // the engine's display already carries the value and date ("LOINC 14771-0 Fasting glucose: 6.5 mmol/L (…)")
      if (ref.display) return { display: ref.display };
      const obs = byId.get(referenceId(ref) ?? '');
      const display = (obs ? conceptText(obs.code, locale) : undefined) ?? ref.reference ?? '';
      const value = obs ? observationValue(obs) : undefined;
      const date = obs ? formatDate(obs.effectiveDateTime ?? obs.effectivePeriod?.start ?? obs.issued) : undefined;
      return { display, ...(value ? { value } : {}), ...(date ? { date } : {}) };
    }),
  );
}

/** Reads a finding's view from its DetectedIssue; evidence values come from the Observations it points to. */
export function readFinding(issue: DetectedIssue, observations: readonly Observation[], locale: Locale): FindingView {
  const byId = new Map(observations.flatMap((o) => (o.id ? [[o.id, o] as const] : [])));
  const coding = issue.code?.coding?.find((c) => c.system === FINDING_SYSTEM);
  const reason = localized(issue, 'detail', locale) ?? '';
  const statusReason = extension(issue, EXT.findingReason)?.valueString;
  const sources = [
    ...extensions(issue, EXT.findingSource).flatMap((e) => (e.valueString ? [e.valueString] : [])),
    ...(issue.reference ? [issue.reference] : []),
  ];
  return {
    id: coding?.code ?? issue.id ?? '',
    title: conceptText(issue.code, locale) ?? coding?.code ?? '',
    reason,
    severity: severityOf(issue),
    urgent: extension(issue, EXT.findingUrgent)?.valueBoolean ?? severityOf(issue) === 'critical',
    status: statusOf(issue),
    ...(statusReason ? { statusReason } : {}),
    sources,
    evidence: evidenceOf(issue, byId, locale),
    recommendations: (issue.mitigation ?? []).flatMap((m) => recommendation(m, locale) ?? []),
  };
}

/** Findings grouped by severity, most severe first, keeping the engine's order within a group. */
export function groupBySeverity(findings: readonly FindingView[]): { severity: Severity; findings: FindingView[] }[] {
  return SEVERITIES.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) })).filter(
    (g) => g.findings.length > 0,
  );
}
