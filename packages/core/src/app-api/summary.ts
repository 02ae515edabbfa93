/** GET /api/patients/:id/summary?locale= (see ./types.ts for the conventions). */
import type { Locale } from '../i18n';
import type { AppConcept, AppSource } from './common';
import type { PatientListItem } from './patients';
import type { EvidenceMethod, ReportConclusion, ScoreConclusion } from './evidence';

export interface PatientDemographics extends PatientListItem {
  readonly deceased?: boolean;
  /** Phone numbers and e-mail addresses as text. */
  readonly telecom: readonly string[];
  /** First address as one line. */
  readonly address?: string;
}

/** An active Condition of the problem list. */
export interface ProblemItem {
  readonly id: string;
  /** The condition's codes (ICD-10 and/or SNOMED CT) with display. */
  readonly code: AppConcept;
  readonly clinicalStatus?: string;
  readonly verificationStatus?: string;
  readonly onset?: string;
  readonly recordedDate?: string;
}

/** An active MedicationStatement or MedicationRequest. */
export interface MedicationItem {
  readonly id: string;
  readonly resourceType: 'MedicationStatement' | 'MedicationRequest';
  readonly medication: AppConcept;
  readonly status: string;
  /** Dosage as text (`dosage[0].text`, else dose + frequency). */
  readonly dosage?: string;
  /** Since when: effective start / authoredOn / dateAsserted. */
  readonly since?: string;
}

export interface AllergyItem {
  readonly id: string;
  readonly code: AppConcept;
  readonly clinicalStatus?: string;
  readonly criticality?: string;
  readonly category: readonly string[];
  /** Reaction manifestations as text. */
  readonly reactions: readonly string[];
  readonly recordedDate?: string;
}

/** One encounter of the timeline, newest first. */
export interface EncounterItem {
  readonly id: string;
  readonly start?: string;
  readonly end?: string;
  readonly status: string;
  /** Encounter.class code (AMB, IMP, EMER, HH, …) and its display. */
  readonly class?: { readonly code?: string; readonly display?: string };
  readonly type?: string;
  /** Reason codes as text (reasonCode, else reasonReference displays). */
  readonly reason: readonly string[];
  /** The CareLoop checkup report of this encounter, when one exists. */
  readonly reportId?: string;
}

/** A reference band, with where it comes from. */
export interface TrendBand {
  readonly low?: number;
  readonly high?: number;
  /** `careloop`: the default range from core/clinical/ranges (or the report charts) with its source; `lab`: the latest result's own referenceRange. */
  readonly origin: 'careloop' | 'lab';
  /** Present when origin is careloop. */
  readonly source?: AppSource;
}

export interface TrendPoint {
  /** effectiveDateTime (or period start / issued) as stored. */
  readonly date: string;
  /** Epoch ms of `date` (start of the day when it has no time) for plotting. */
  readonly time: number;
  /** In the series' unit. */
  readonly value: number;
  /** The Observation it comes from (`Observation/id`); BP points may share one panel. */
  readonly observation: string;
}

/** Keys of the summary's trend series. */
export type TrendKey =
  | 'systolic'
  | 'diastolic'
  | 'fasting-glucose'
  | 'glucose'
  | 'hba1c'
  | 'total-cholesterol'
  | 'ldl'
  | 'hdl'
  | 'triglycerides'
  | 'egfr'
  | 'creatinine'
  | 'weight'
  | 'bmi';

export interface TrendSeries {
  readonly key: TrendKey;
  readonly label: string;
  /** LOINC codes read (also inside components, e.g. the 85354-9 BP panel). */
  readonly loinc: readonly string[];
  /** UCUM unit every value was converted to. */
  readonly unit: string;
  /** The unit as printed (`mmHg`, `mL/min/1.73 m²`). */
  readonly unitLabel: string;
  /** Oldest first. */
  readonly points: readonly TrendPoint[];
  /** Absent when no published band applies (e.g. body weight). */
  readonly band?: TrendBand;
  /** Set when the points were computed, not measured (eGFR from creatinine when no eGFR is stored). */
  readonly computedFrom?: EvidenceMethod;
}

/** One chart: series sharing a unit (blood pressure holds systolic and diastolic). Only charts with a point. */
export interface TrendChart {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly unitLabel: string;
  readonly decimals: number;
  readonly series: readonly TrendSeries[];
}

export interface PatientSummary {
  /** The server's today the ages were computed on. */
  readonly today: string;
  readonly locale: Locale;
  readonly patient: PatientDemographics;
  readonly problems: readonly ProblemItem[];
  readonly medications: readonly MedicationItem[];
  readonly allergies: readonly AllergyItem[];
  readonly encounters: readonly EncounterItem[];
  readonly trends: readonly TrendChart[];
  /** Current risk: the latest stored RiskAssessment per score, plus scores computed now where none is stored. */
  readonly scores: readonly ScoreConclusion[];
  /** Checkup reports, newest first. */
  readonly reports: readonly ReportConclusion[];
}
