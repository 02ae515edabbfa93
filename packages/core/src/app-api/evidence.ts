/** Conclusions and their evidence chains, as the summary and the review screen show them. */
import type { AppSeverity, AppSource } from './common';

/** One input of a conclusion: the value as used, when, and the resource it was read from. */
export interface EvidenceInput {
  /** `Observation/id`, `Condition/id`, `Patient/id`, … (absent when the input was not a stored resource). */
  readonly reference?: string;
  /** What it is, e.g. `Fasting glucose`, or the engine's own display (`LOINC 14771-0 Fasting glucose: 7.2 mmol/L`). */
  readonly display: string;
  /** Value with unit as text. */
  readonly value?: string;
  readonly date?: string;
}

/** The rule or score a conclusion applied. */
export interface EvidenceMethod {
  /** `clinician`: a finding a clinician added by hand (id `clinician-added`, name = who). */
  readonly kind: 'rule' | 'score' | 'clinician';
  /** Rule id (clinical/checkup-rules) or score id (clinical/scores registry). */
  readonly id: string;
  readonly version?: string;
  readonly name?: string;
}

/** Review state of an AI conclusion: `computed` = computed for this response, not stored, never signed. */
export type ConclusionStatus = 'preliminary' | 'final' | 'amended' | 'computed';

/** Who made a conclusion and who signed it (from the Provenance resources that target it). */
export interface SignOffInfo {
  readonly status: ConclusionStatus;
  /** The engine that drafted it (`CareLoop checkup engine 1.2.0`). */
  readonly engine?: string;
  readonly producedAt?: string;
  /** The signing clinician (display, else `Practitioner/id`). */
  readonly signedBy?: string;
  readonly signedAt?: string;
}

/** Everything a clinician needs to check a conclusion: inputs → method → published source → review state. */
export interface EvidenceChain {
  readonly inputs: readonly EvidenceInput[];
  readonly method: EvidenceMethod;
  readonly sources: readonly AppSource[];
  readonly signOff: SignOffInfo;
}

export interface RecommendationItem {
  /** repeat | confirm | refer | return | lifestyle | other. */
  readonly kind: string;
  readonly text: string;
  readonly withinDays?: number;
}

/** A checkup finding (DetectedIssue) with its evidence. */
export interface FindingConclusion {
  /** DetectedIssue id (what the reject route takes as `findingId`, as does the finding code). */
  readonly id: string;
  /** The finding code of the checkup engine (`fasting-glucose-diabetic`) or `added-N`. */
  readonly code: string;
  readonly title: string;
  /** The one-line why, with values. */
  readonly reason: string;
  readonly severity: AppSeverity;
  readonly urgent: boolean;
  readonly review: 'active' | 'rejected' | 'added';
  /** The clinician's reason for rejecting or adding it. */
  readonly reviewReason?: string;
  readonly recommendations: readonly RecommendationItem[];
  readonly evidence: EvidenceChain;
}

/** A risk score: a stored RiskAssessment, or computed now from the record (status `computed`). */
export interface ScoreConclusion {
  /** RiskAssessment id (stored only). */
  readonly id?: string;
  readonly scoreId: string;
  readonly name: string;
  readonly value?: number;
  readonly unit?: string;
  /** Value as printed (`12.3%`, `7 points`). */
  readonly valueText: string;
  readonly category?: string;
  readonly interpretation?: string;
  readonly date?: string;
  /** The report it belongs to, when written by a checkup. */
  readonly reportId?: string;
  readonly evidence: EvidenceChain;
}

/** A checkup report with its conclusions. */
export interface ReportConclusion {
  readonly reportId: string;
  readonly title: string;
  /** DiagnosticReport.status as stored. */
  readonly status: string;
  readonly date?: string;
  readonly signOff: SignOffInfo;
  /** Not rejected findings, most severe first (the review screen shows rejected ones too). */
  readonly findings: readonly FindingConclusion[];
  readonly scores: readonly ScoreConclusion[];
}
