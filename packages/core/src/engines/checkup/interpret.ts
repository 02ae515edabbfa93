import type { Observation, Patient, Reference, Resource, RiskAssessment } from '@medplum/fhirtypes';
import { CHECKUP_RULES } from '../../clinical/checkup-rules/index';
import { evaluateRules } from '../../clinical/checkup-rules/evaluate';
import type { Fact } from '../../clinical/checkup-rules/types';
import { evaluateObservation } from '../../clinical/ranges/evaluate';
import type { Person } from '../../clinical/ranges/evaluate';
import { buildContext } from '../../clinical/scores/from-record/context';
import type { ScoreFromRecordResult } from '../../clinical/scores/from-record/types';
import type { Citation } from '../../clinical/source';
import { toComposition } from './composition';
import { toDetectedIssue } from './detected-issues';
import { findingsOf } from './findings';
import { changeFacts, egfrChangeFacts, previousResults } from './history';
import { deterministicId } from './ids';
import { toProvenance } from './provenance';
import { lipidFacts, recordFacts } from './record-facts';
import { toReport } from './report';
import { resultFacts } from './result-facts';
import { scoreFacts } from './score-facts';
import { checkupScores } from './scores';
import { checkupEnd, checkupStart, toInstant } from './timing';
import type { CheckupInput, CheckupInterpretation, Finding } from './types';

const EXCLUDED: ReadonlySet<string> = new Set(['cancelled', 'entered-in-error']);

function withId(r: ScoreFromRecordResult, key: string, encounterId: string | undefined): RiskAssessment | undefined {
  if (!r.riskAssessment || !r.result) return undefined;
  return {
    ...r.riskAssessment,
    id: deterministicId(`${key}|risk|${r.result.score}`),
    ...(encounterId ? { encounter: { reference: `Encounter/${encounterId}` } } : {}),
  };
}

function uniqueCitations(lists: readonly (readonly Citation[])[]): Citation[] {
  const out: Citation[] = [];
  for (const c of lists.flat()) if (!out.some((x) => x.citation === c.citation)) out.push(c);
  return out;
}

function personOf(facts: ReadonlyMap<string, Fact>): Person {
  const sex = facts.get('sex')?.value;
  const age = facts.get('age')?.value;
  return {
    ...(sex === 'male' || sex === 'female' ? { sex } : {}),
    ...(typeof age === 'number' ? { age } : {}),
  };
}

/** Every fact the rules read, from the record, this checkup's results, the scores and the previous checkup. */
function gatherFacts(input: CheckupInput, scoresAsOf: string) {
  const current = input.observations.filter((o) => !EXCLUDED.has(o.status));
  const ids = new Set(current.map((o) => o.id));
  const history = input.history.filter((r) => !(r.resourceType === 'Observation' && ids.has(r.id)));
  const record: Resource[] = [input.patient, ...current, ...history];
  const facts = new Map<string, Fact>();
  recordFacts(buildContext(record, { asOf: scoresAsOf }), facts);
  const person = personOf(facts);
  const results = current.flatMap((o) => evaluateObservation(o, person));
  resultFacts(results, facts);
  const scores = checkupScores(record, scoresAsOf);
  scoreFacts(scores, facts);
  lipidFacts(facts);
  const start = checkupStart(input.encounter, current);
  if (start !== undefined) {
    const earlier = history.filter((r): r is Observation => r.resourceType === 'Observation');
    const previous = previousResults(earlier, start, person);
    changeFacts(results, previous, facts);
    egfrChangeFacts(previous, input.patient, facts);
  }
  return { current, facts, results, scores };
}

/**
 * Interprets one health checkup: each result against its range (the lab's own first, else CareLoop's, with critical
 * limits), every applicable score, the checkup rules (with their sources) and the changes since the previous
 * checkup; returns the findings and their preliminary FHIR resources. Pure: `asOf` is the interpretation time.
 */
export function interpretCheckup(input: CheckupInput): CheckupInterpretation {
  const locale = input.locale ?? 'zh-CN';
  const issued = toInstant(input.asOf);
  const key = `checkup|${input.encounter.id ?? `${input.patient.id ?? '?'}|${input.asOf}`}`;
  const { current, facts, results, scores } = gatherFacts(
    input,
    checkupEnd(input.encounter, input.observations, input.asOf),
  );
  const findings: Finding[] = findingsOf(evaluateRules(CHECKUP_RULES, facts));
  const patient: Reference<Patient> = { reference: `Patient/${input.patient.id ?? ''}` };
  const detectedIssues = findings.map((f) => toDetectedIssue(f, patient, key, input.asOf, locale));
  const scoreList = [...scores.values()];
  const riskAssessments = scoreList.flatMap((s) => withId(s, key, input.encounter.id) ?? []);
  const reportId = deterministicId(`${key}|report`);
  const effective = input.encounter.period?.start ?? input.asOf;
  const common = { patient, encounter: input.encounter, findings, detectedIssues, riskAssessments, locale };
  const report = toReport({ ...common, id: reportId, observations: current, effective, issued });
  const composition = toComposition({
    ...common,
    id: deterministicId(`${key}|composition`),
    reportId,
    date: input.asOf,
    scores: scoreList,
    results,
  });
  const inputs = new Set([
    ...current.flatMap((o) => (o.id ? [`Observation/${o.id}`] : [])),
    ...findings.flatMap((f) => f.evidence.map((e) => e.reference)),
    ...riskAssessments.flatMap((r) => (r.basis ?? []).flatMap((b) => b.reference ?? [])),
  ]);
  const sources = uniqueCitations([
    ...findings.map((f) => f.rule.source),
    ...scoreList.map((s) => s.result?.source ?? []),
  ]);
  const provenance = toProvenance(
    deterministicId(`${key}|provenance`),
    [report, ...detectedIssues, ...riskAssessments, composition],
    issued,
    [...inputs],
    sources,
  );
  return {
    findings,
    scores: scoreList,
    results,
    resources: { report, detectedIssues, riskAssessments, composition, provenance },
  };
}
