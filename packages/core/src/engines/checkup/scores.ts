import type { Resource } from '@medplum/fhirtypes';
import { scoreFromRecord } from '../../clinical/scores/from-record/score-from-record';
import type { ScoreFromRecordResult } from '../../clinical/scores/from-record/types';

/** Scores a checkup can feed, in report order; each is kept only when its inputs are in the record and it applies. */
export const CHECKUP_SCORES = [
  'china-hypertension-grade',
  'china-bmi-category',
  'ckd-epi-2021-egfr',
  'kdigo-ckd-heatmap',
  'fib-4',
  'china-par-ascvd-10y',
  'pce-ascvd-10y',
  'framingham-2008-cvd-10y',
  'china-diabetes-risk-score',
] as const;

/** Every applicable checkup score, by id, computed as of the checkup (not the interpretation date). */
export function checkupScores(resources: readonly Resource[], asOf: string): Map<string, ScoreFromRecordResult> {
  const out = new Map<string, ScoreFromRecordResult>();
  for (const id of CHECKUP_SCORES) {
    const r = scoreFromRecord(id, resources, { asOf });
    if (r.result?.applicable) out.set(id, r);
  }
  return out;
}
