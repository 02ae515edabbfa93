export { scoreFromRecord } from './score-from-record';
export { GATHERERS, observation } from './gatherers';
export { OBSERVATION_FINDINGS, LOINC_NAMES, LOINC_SOURCE, SCORE_LOOKBACK_DAYS } from './loinc';
export type { FindingName, ObservationFinding } from './loinc';
export { CONDITION_GROUPS } from './condition-codes';
export type { ConditionGroup, ConditionGroupName } from './condition-codes';
export { MEDICATION_CLASSES } from './medication-codes';
export type { MedicationClass, MedicationClassName } from './medication-codes';
export { SMOKING_ANSWERS, OMB_RACE } from './answer-codes';
export {
  SCORE_SYSTEM,
  SCORE_CATEGORY_SYSTEM,
  SCORE_VALUE_EXTENSION,
  SCORE_SOURCE_EXTENSION,
  toRiskAssessment,
} from './risk-assessment';
export { completedYears } from './patient-inputs';
export type {
  Derivation,
  Found,
  Gathered,
  Gatherer,
  MissingInput,
  NotFound,
  RawValue,
  ScoreFromRecordOptions,
  ScoreFromRecordResult,
} from './types';
