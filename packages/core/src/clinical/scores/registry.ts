import { chinaBmiCategory } from './china-bmi-category';
import { chinaHypertensionGrade } from './china-hypertension-grade';
import { chinaParAscvd10y } from './china-par-ascvd-10y';
import { ckdEpi2009Egfr } from './ckd-epi-2009-egfr';
import { ckdEpi2021Egfr } from './ckd-epi-2021-egfr';
import { framingham2008Cvd10y } from './framingham-2008-cvd-10y';
import { kdigoCkdHeatmap } from './kdigo-ckd-heatmap';
import { pceAscvd10y } from './pce-ascvd-10y';
import { cha2ds2Vasc } from './cha2ds2-vasc';
import { chinaDiabetesRiskScore } from './china-diabetes-risk-score';
import { fib4 } from './fib-4';
import { findrisc } from './findrisc';
import { hasBled } from './has-bled';
import { hospitalScore } from './hospital-score';
import { lace } from './lace';
import { news2 } from './news2';
import { qsofa } from './qsofa';
import type { AnyScoreDefinition } from './types';

/** Every score CareLoop knows, in display order; add a definition here to make it available everywhere. */
const SCORES: readonly AnyScoreDefinition[] = [
  pceAscvd10y,
  chinaParAscvd10y,
  framingham2008Cvd10y,
  ckdEpi2021Egfr,
  ckdEpi2009Egfr,
  kdigoCkdHeatmap,
  fib4,
  news2,
  qsofa,
  cha2ds2Vasc,
  hasBled,
  lace,
  hospitalScore,
  findrisc,
  chinaDiabetesRiskScore,
  chinaBmiCategory,
  chinaHypertensionGrade,
];

/** The scores by id. */
export const scoreRegistry: ReadonlyMap<string, AnyScoreDefinition> = new Map(SCORES.map((s) => [s.id, s]));

/** The score with this id, or undefined. */
export function getScore(id: string): AnyScoreDefinition | undefined {
  return scoreRegistry.get(id);
}
