import type {
  Composition,
  DetectedIssue,
  DiagnosticReport,
  Observation,
  Patient,
  Provenance,
  RiskAssessment,
} from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';

/**
 * Everything a printed checkup report shows, as the checkup engine and the sign-off write it to the store.
 * Plain resources, so the renderers do not depend on the store: the checkup service loads them.
 */
export interface ReportData {
  /** The checkup's DiagnosticReport: its status decides PRELIMINARY vs signed; `result` → this checkup's results. */
  readonly report: DiagnosticReport;
  readonly patient: Patient;
  /** One DetectedIssue per finding, with the finding-status / finding-reason extensions written on review. */
  readonly findings: readonly DetectedIssue[];
  readonly riskAssessments: readonly RiskAssessment[];
  /** Physician and plain-language sections, each in zh-CN and en. */
  readonly composition?: Composition;
  /** The engine's Provenance and, once signed, the clinician's (attester with a signature). */
  readonly provenance?: Provenance | readonly Provenance[];
  /** The person's Observations, this checkup's and earlier ones: results table and trend charts. */
  readonly observations: readonly Observation[];
}

/** Who reads the report: the physician sees everything, the person a plain-language version without rejections. */
export type Audience = 'physician' | 'person';

export interface ReportOptions {
  /** Who the report is for. */
  readonly audience: Audience;
  /** Language of every fixed string and of the localized clinical text. */
  readonly locale: Locale;
}
