export { interpretCheckup } from './interpret';
export { CHECKUP_ENGINE, EXT, FINDING_SYSTEM, RULE_SYSTEM, RECOMMENDATION_SYSTEM, REPORT_SYSTEM } from './vocabulary';
export { CHECKUP_SCORES } from './scores';
export { deterministicId } from './ids';
export type {
  CheckupInput,
  CheckupInterpretation,
  Finding,
  FindingEvidence,
  FindingRecommendation,
  FindingSeverity,
} from './types';
export type { ResultInterpretation, ResultFlag, AppliedRange } from '../../clinical/ranges/evaluate';
