import { bloodPressureRule } from './blood-pressure';
import { bmiRule, waistRule } from './body';
import { NEW_ABNORMALITY_RULES, egfrDeclineRule } from './changes';
import { CRITICAL_RULES } from './critical';
import { glucoseRule } from './glucose';
import { hepatitisBRule } from './hepatitis-b';
import { kidneyRule } from './kidney';
import { lipidRule } from './lipids';
import { liverRule } from './liver';
import { RANGE_RULES } from './ranges';
import type { CheckupRule } from './types';
import { uricAcidRule } from './uric-acid';

/** Every checkup rule, in report order: critical values first, then clinical rules, changes, plain range checks. */
export const CHECKUP_RULES: readonly CheckupRule[] = [
  ...CRITICAL_RULES,
  glucoseRule,
  bloodPressureRule,
  bmiRule,
  waistRule,
  lipidRule,
  kidneyRule,
  liverRule,
  uricAcidRule,
  hepatitisBRule,
  egfrDeclineRule,
  ...NEW_ABNORMALITY_RULES,
  ...RANGE_RULES,
];

export { evaluateRules, render } from './evaluate';
export { lipidRiskLevel, LIPID_RISK_LEVELS } from './lipid-risk';
export type { LipidRiskInputs, LipidRiskLevel } from './lipid-risk';
export { RULE_SOURCES } from './sources';
export { WORSENING_THRESHOLDS } from './changes';
export type {
  CheckupRule,
  Condition,
  Evidence,
  Fact,
  FactValue,
  Facts,
  FindingSeverity,
  FindingSpec,
  Recommendation,
  RecommendationKind,
  RuleMatch,
} from './types';
