import { runScore } from './run';
import type { RawInputs } from './run';
import type { AnyScoreDefinition } from './types';

/**
 * The unrounded value of a score for raw inputs (checked and converted as `runScore` does). For tests that compare
 * with published figures at their printed precision, and for callers that must not round twice.
 */
export function exactValue(def: AnyScoreDefinition, raw: RawInputs): number {
  const r = runScore(def, raw);
  if (!r.applicable) throw new Error(`${def.id} is not applicable: ${r.reason.en}`);
  return def.compute(r.inputs).value;
}
