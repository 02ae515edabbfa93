import type { DetectedIssue, Reference, Resource, RiskAssessment } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import { CHECKUP_RULES } from '@careloop/core/clinical/checkup-rules/index';
import { getScore } from '@careloop/core/clinical/scores/registry';
import { SCORE_SYSTEM, SCORE_VALUE_EXTENSION } from '@careloop/core/clinical/scores/from-record/index';
import type { ScoreFromRecordResult } from '@careloop/core/clinical/scores/from-record/index';
import { EXT, RECOMMENDATION_SYSTEM } from '@careloop/core/engines/checkup/index';
import type {
  EvidenceMethod,
  FindingConclusion,
  RecommendationItem,
  ScoreConclusion,
  SignOffInfo,
} from '@careloop/core/app-api/types';
import { conceptText, extension, extensions } from '../../reports/fhir-text';
import { readFinding } from '../../reports/findings';
import { readScore } from '../../reports/scores';
import { evidenceInput, parseCitation, uniqueCitations } from './evidence';

const RULES = new Map(CHECKUP_RULES.map((r) => [r.id, r]));

function findingMethod(issue: DetectedIssue, locale: Locale): EvidenceMethod {
  const rule = extension(issue, EXT.findingRule)?.valueCoding;
  if (rule?.code) {
    const def = RULES.get(rule.code);
    const version = rule.version ?? def?.version;
    const name = def?.name[locale];
    return { kind: 'rule', id: rule.code, ...(version ? { version } : {}), ...(name ? { name } : {}) };
  }
  const who = issue.author?.display ?? issue.author?.reference;
  return { kind: 'clinician', id: 'clinician-added', ...(who ? { name: who } : {}) };
}

/** The recommendations of a finding with their deadline in days (the engine's extension). */
export function recommendationsOf(issue: DetectedIssue, locale: Locale): RecommendationItem[] {
  return (issue.mitigation ?? []).flatMap((m) => {
    const text = conceptText(m.action, locale);
    if (!text) return [];
    const kind = m.action.coding?.find((c) => c.system === RECOMMENDATION_SYSTEM)?.code ?? 'other';
    const withinDays = extension(m, EXT.recommendationWithinDays)?.valueInteger;
    return [{ kind, text, ...(withinDays !== undefined ? { withinDays } : {}) }];
  });
}

/**
 * A finding with its evidence chain: the Observations it names (values and dates from the stored resources), the
 * rule with its version, the published sources the engine cited, and the report's sign-off.
 */
export function findingConclusion(
  issue: DetectedIssue,
  signOff: SignOffInfo,
  resources: ReadonlyMap<string, Resource>,
  locale: Locale,
): FindingConclusion {
  const view = readFinding(issue, [], locale);
  const method = findingMethod(issue, locale);
  const rule = method.kind === 'rule' ? RULES.get(method.id) : undefined;
  const cited = extensions(issue, EXT.findingSource).flatMap((e) =>
    e.valueString ? [parseCitation(e.valueString)] : [],
  );
  const refs: Reference[] = (issue.evidence ?? []).flatMap((e) => e.detail ?? []);
  const seen = new Set<string>();
  const inputs = refs
    .filter((r) => !r.reference || (seen.has(r.reference) ? false : (seen.add(r.reference), true)))
    .map((r) => evidenceInput(r, resources, locale));
  return {
    id: issue.id ?? '',
    code: view.id,
    title: view.title,
    reason: view.reason,
    severity: view.severity,
    urgent: view.urgent,
    review: view.status,
    ...(view.statusReason ? { reviewReason: view.statusReason } : {}),
    recommendations: recommendationsOf(issue, locale),
    evidence: { inputs, method, sources: uniqueCitations([...(rule?.source ?? []), ...cited]), signOff },
  };
}

function scoreNumber(ra: RiskAssessment): { value?: number; unit?: string } {
  const q = extension(ra.prediction?.[0], SCORE_VALUE_EXTENSION)?.valueQuantity;
  const unit = q?.code ?? q?.unit;
  return { ...(q?.value !== undefined ? { value: q.value } : {}), ...(unit ? { unit } : {}) };
}

/**
 * A RiskAssessment with its evidence chain: `basis` are the inputs, `method` the score (id, version), the
 * sources those of the score's definition (else the ones written on the resource).
 */
export function scoreConclusion(
  ra: RiskAssessment,
  signOff: SignOffInfo,
  resources: ReadonlyMap<string, Resource>,
  locale: Locale,
  extra: { readonly reportId?: string; readonly inputs?: ScoreConclusion['evidence']['inputs'] } = {},
): ScoreConclusion {
  const view = readScore(ra, locale);
  const coding = ra.method?.coding?.find((c) => c.system === SCORE_SYSTEM);
  const def = getScore(view.id);
  const version = coding?.version ?? def?.version;
  const sources = def ? [...def.source] : view.sources.map(parseCitation);
  const method: EvidenceMethod = { kind: 'score', id: view.id, ...(version ? { version } : {}), name: view.name };
  return {
    ...(ra.id ? { id: ra.id } : {}),
    scoreId: view.id,
    name: view.name,
    ...scoreNumber(ra),
    valueText: view.value || (view.category ?? ''),
    ...(view.category ? { category: view.category } : {}),
    ...(view.interpretation ? { interpretation: view.interpretation } : {}),
    ...(ra.occurrenceDateTime ? { date: ra.occurrenceDateTime } : {}),
    ...(extra.reportId ? { reportId: extra.reportId } : {}),
    evidence: {
      inputs: extra.inputs ?? (ra.basis ?? []).map((b) => evidenceInput(b, resources, locale)),
      method,
      sources: uniqueCitations(sources),
      signOff,
    },
  };
}

function rawText(value: unknown): string {
  if (value && typeof value === 'object' && 'value' in value && 'unit' in value)
    return `${String(value.value)} ${String(value.unit)}`;
  return String(value);
}

/** A score computed now from the record (not stored, never signed): inputs are the derivations, each with its basis. */
export function computedScoreConclusion(
  computed: ScoreFromRecordResult,
  resources: ReadonlyMap<string, Resource>,
  locale: Locale,
): ScoreConclusion | undefined {
  const ra = computed.riskAssessment;
  if (!ra || !computed.result?.applicable) return undefined;
  const inputs = computed.derivations.flatMap((d) => {
    const basis: Reference[] = d.basis.length > 0 ? [...d.basis] : [{}];
    return basis.map((b) => ({
      ...evidenceInput(b, resources, locale, `${d.input}: ${d.how}`),
      value: rawText(d.value),
    }));
  });
  return scoreConclusion(ra, { status: 'computed' }, resources, locale, { inputs });
}
