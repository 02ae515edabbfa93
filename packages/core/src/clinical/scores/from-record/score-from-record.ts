import type { Reference, Resource } from '@medplum/fhirtypes';
import { notFound, OperationOutcomeError } from '../../../fhir/outcomes';
import { getScore } from '../registry';
import { runScore, ScoreInputError } from '../run';
import type { InputSpec } from '../types';
import { buildContext, referenceTo } from './context';
import { GATHERERS } from './gatherers';
import { SCORE_LOOKBACK_DAYS } from './loinc';
import { toRiskAssessment } from './risk-assessment';
import type { Derivation, MissingInput, ScoreFromRecordOptions, ScoreFromRecordResult } from './types';

interface Collected {
  readonly raw: Record<string, unknown>;
  readonly derivations: Derivation[];
  readonly missing: MissingInput[];
  readonly used: Reference[];
}

function addUsed(used: Reference[], resources: readonly Resource[]): Reference[] {
  const refs = resources.map(referenceTo);
  for (const ref of refs) {
    if (!used.some((u) => u.reference !== undefined && u.reference === ref.reference)) used.push(ref);
  }
  return refs;
}

function collect(
  inputs: Readonly<Record<string, InputSpec>>,
  resources: readonly Resource[],
  scoreId: string,
  options: ScoreFromRecordOptions,
): Collected & { patient: ReturnType<typeof buildContext>['patient'] } {
  const ctx = buildContext(resources, {
    asOf: options.asOf,
    lookbackDays: { ...SCORE_LOOKBACK_DAYS[scoreId], ...options.lookbackDays },
  });
  const out: Collected = { raw: {}, derivations: [], missing: [], used: [] };
  const extra = options.extraInputs ?? {};
  for (const [input, spec] of Object.entries(inputs)) {
    if (extra[input] !== undefined) {
      out.raw[input] = extra[input];
      continue;
    }
    const gatherer = GATHERERS[input];
    const g = gatherer ? gatherer(ctx) : { missing: 'not derivable from coded FHIR resources; give it in extraInputs' };
    if ('missing' in g) {
      if (!spec.optional) out.missing.push({ input, reason: g.missing });
    } else if (g.assumedAbsent && options.requireEvidence) {
      out.missing.push({ input, reason: `${g.how} (evidence required)` });
    } else {
      out.raw[input] = g.value;
      const basis = addUsed(out.used, g.basis);
      out.derivations.push({ input, value: g.value, basis, how: g.how, assumedAbsent: g.assumedAbsent ?? false });
    }
  }
  return { ...out, patient: ctx.patient };
}

/**
 * Computes a score from a patient's FHIR resources: each input is read from the record (latest LOINC-coded
 * Observation within its look-back, Conditions, medications, the Patient) or from `extraInputs`; whatever is
 * missing is listed with the reason and nothing is computed. Throws OperationOutcomeError for an unknown score.
 */
export function scoreFromRecord(
  scoreId: string,
  resources: readonly Resource[],
  options: ScoreFromRecordOptions,
): ScoreFromRecordResult {
  const def = getScore(scoreId);
  if (!def) throw new OperationOutcomeError(notFound(`Score "${scoreId}"`));
  const inputs = def.inputs as Readonly<Record<string, InputSpec>>;
  const { raw, derivations, missing, used, patient } = collect(inputs, resources, scoreId, options);
  if (missing.length > 0) return { result: undefined, used, missing, derivations };
  let result;
  try {
    result = runScore(def, raw);
  } catch (err) {
    if (!(err instanceof ScoreInputError)) throw err;
    const unusable = err.problems.map((p) => {
      const how = derivations.find((d) => d.input === p.input)?.how;
      return { input: p.input, reason: how ? `${how}: ${p.message}` : p.message };
    });
    return { result: undefined, used, missing: unusable, derivations };
  }
  if (!result.applicable || !patient) return { result, used, missing, derivations };
  const riskAssessment = toRiskAssessment(def, result, patient, options.asOf, used, derivations);
  return { result, riskAssessment, used, missing, derivations };
}
