export { runScore, ScoreInputError, categoryOf } from './run';
export type { QuantityInput, RawInputs, InputProblem, ScoreValue, ScoreNotApplicable, ScoreResult } from './run';
export { defineScore } from './types';
export type {
  AnyScoreDefinition,
  BooleanInput,
  Category,
  Computed,
  EnumInput,
  InputSchema,
  InputSpec,
  InputsOf,
  NumberInput,
  ScoreDefinition,
} from './types';
export { exactValue } from './exact-value';
export { scoreRegistry, getScore } from './registry';
export { MOLAR_MASS } from './common-inputs';
export { GFR_CATEGORIES, gfrCategory, albuminuriaCategory } from './kdigo-categories';
export type { GfrCategory, AlbuminuriaCategory } from './kdigo-categories';
export { pceAscvd10y } from './pce-ascvd-10y';
export { chinaParAscvd10y } from './china-par-ascvd-10y';
export { framingham2008Cvd10y } from './framingham-2008-cvd-10y';
export { ckdEpi2021Egfr } from './ckd-epi-2021-egfr';
export { ckdEpi2009Egfr } from './ckd-epi-2009-egfr';
export { kdigoCkdHeatmap } from './kdigo-ckd-heatmap';
export { fib4 } from './fib-4';
export { news2 } from './news2';
export { qsofa } from './qsofa';
export { cha2ds2Vasc } from './cha2ds2-vasc';
export { hasBled } from './has-bled';
export { lace } from './lace';
export { hospitalScore } from './hospital-score';
export { findrisc } from './findrisc';
export { chinaDiabetesRiskScore } from './china-diabetes-risk-score';
export { chinaBmiCategory } from './china-bmi-category';
export { chinaHypertensionGrade } from './china-hypertension-grade';
export { scoreFromRecord } from './from-record/index';
