import type {
  Composition,
  DetectedIssue,
  DiagnosticReport,
  Encounter,
  Observation,
  Patient,
  Provenance,
  Resource,
  RiskAssessment,
} from '@medplum/fhirtypes';
import type { FindingSeverity, RecommendationKind } from '../../clinical/checkup-rules/types';
import type { ResultInterpretation } from '../../clinical/ranges/evaluate';
import type { ScoreFromRecordResult } from '../../clinical/scores/from-record/types';
import type { Citation } from '../../clinical/source';
import type { Locale, LocalizedText } from '../../i18n';

export type { FindingSeverity };

/** One checkup to interpret, with the person's earlier record. */
export interface CheckupInput {
  readonly patient: Patient;
  /** The checkup visit: its Observations are the results interpreted. */
  readonly encounter: Encounter;
  /** This checkup's results (Observation.encounter → encounter). */
  readonly observations: readonly Observation[];
  /** Earlier Observations, Conditions, MedicationRequests/Statements… of the person. */
  readonly history: readonly Resource[];
  /** ISO date-time of interpretation (injected; engines have no clock). */
  readonly asOf: string;
  /** The language written first in single-language fields (DetectedIssue.detail, titles); default zh-CN. */
  readonly locale?: Locale;
}

/** One thing to do about a finding. */
export interface FindingRecommendation {
  readonly kind: RecommendationKind;
  readonly text: LocalizedText;
  readonly specialty?: string;
  readonly withinDays?: number;
}

/** One input a finding rests on: the resource, what it said and when. */
export interface FindingEvidence {
  readonly reference: string;
  readonly display: string;
  readonly value?: string;
  readonly date?: string;
}

/** A conclusion of the engine, with its evidence chain. */
export interface Finding {
  /** Stable within the report, e.g. 'glucose-ifg'. */
  readonly id: string;
  readonly rule: { id: string; version: string; source: readonly Citation[] };
  readonly severity: FindingSeverity;
  /** Critical values. */
  readonly urgent: boolean;
  readonly title: LocalizedText;
  /** The one-line "why", with the values. */
  readonly reason: LocalizedText;
  readonly evidence: readonly FindingEvidence[];
  readonly recommendations: readonly FindingRecommendation[];
}

/** The engine's answer for one checkup. */
export interface CheckupInterpretation {
  readonly findings: readonly Finding[];
  /** From scoreFromRecord, the applicable ones. */
  readonly scores: readonly ScoreFromRecordResult[];
  /** Each result of this checkup against its range (lab's own first, else CareLoop's), in input order. */
  readonly results: readonly ResultInterpretation[];
  /** FHIR output, all status preliminary, ids assigned (uuid-like, deterministic from the encounter id). */
  readonly resources: {
    readonly report: DiagnosticReport;
    readonly detectedIssues: readonly DetectedIssue[];
    readonly riskAssessments: readonly RiskAssessment[];
    readonly composition: Composition;
    readonly provenance: Provenance;
  };
}
