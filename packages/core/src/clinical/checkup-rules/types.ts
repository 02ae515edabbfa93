import type { LocalizedText } from '../../i18n';
import type { Citation } from '../source';

/** How much a finding matters; `critical` is for values that must reach a clinician today. */
export type FindingSeverity = 'critical' | 'high' | 'moderate' | 'low' | 'info';

export type RecommendationKind = 'repeat' | 'confirm' | 'refer' | 'return' | 'lifestyle';

/** What to do about a finding. */
export interface Recommendation {
  readonly kind: RecommendationKind;
  readonly text: LocalizedText;
  /** The specialist to see, for `refer` (free text, English: "nephrology"). */
  readonly specialty?: string;
  /** Within how many days of the checkup. */
  readonly withinDays?: number;
}

/** One input that supports a fact: an Observation (or Patient, Condition…) with what it said and when. */
export interface Evidence {
  readonly reference: string;
  readonly display: string;
  readonly value?: string;
  readonly date?: string;
}

export type FactValue = number | string | boolean;

/** A named value the rules test: a result, a score, a category, a flag from the record. */
export interface Fact {
  readonly value: FactValue;
  /** How it reads in a sentence ("6.5 mmol/L", "2 级高血压"); `{name}` in a template is replaced by it. */
  readonly display: LocalizedText;
  readonly evidence: readonly Evidence[];
  /** Sources behind the fact itself (the range a result was judged by, the equation an eGFR came from). */
  readonly sources?: readonly Citation[];
}
export type Facts = ReadonlyMap<string, Fact>;

/** A test on one fact: numeric bounds (`min` ≤ v < `max`, v > `gt`, v ≤ `atMost`) or membership (`in`). */
export interface Condition {
  readonly fact: string;
  readonly min?: number;
  readonly max?: number;
  readonly gt?: number;
  readonly atMost?: number;
  readonly in?: readonly FactValue[];
}

/** A finding a rule can make: it applies when every condition of any one group holds. */
export interface FindingSpec {
  readonly id: string;
  readonly severity: FindingSeverity;
  readonly urgent?: boolean;
  /** Any of these groups; a group holds when all its conditions hold. */
  readonly when: readonly (readonly Condition[])[];
  /** Templates: `{fact}` is replaced by that fact's display in the same language. */
  readonly title: LocalizedText;
  readonly reason: LocalizedText;
  readonly recommendations: readonly Recommendation[];
}

/** A checkup rule as data: its findings are tried in order and the first that applies is made. */
export interface CheckupRule {
  readonly id: string;
  readonly version: string;
  readonly name: LocalizedText;
  /** Published source(s); the first is the primary one. */
  readonly source: readonly [Citation, ...Citation[]];
  readonly findings: readonly FindingSpec[];
  /** Decisions taken where the source leaves room, with the reason. */
  readonly notes?: string;
}

/** A finding a rule made, with the facts that made it. */
export interface RuleMatch {
  readonly rule: CheckupRule;
  readonly spec: FindingSpec;
  readonly title: LocalizedText;
  readonly reason: LocalizedText;
  readonly evidence: readonly Evidence[];
  /** The rule's sources, then those of the facts that made the finding. */
  readonly sources: readonly Citation[];
}
