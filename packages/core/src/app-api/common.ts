/**
 * The clinician web app's API under `/api` (worklist, patient search, patient summary, report review): response
 * shapes shared by the server (packages/server/src/services/app/) and the React app. Type-only and isomorphic.
 *
 * Conventions: dates are FHIR strings as stored (`YYYY-MM-DD` or an ISO dateTime with offset); references are
 * relative FHIR references (`Observation/abc`); texts are in the locale asked for with `?locale=zh-CN|en`
 * (default: the server's CARELOOP_LOCALE). Errors are OperationOutcomes with the HTTP status.
 */
import type { Citation } from '../clinical/source';

/** The checkup engine's five severity levels, most severe first (DetectedIssue.severity keeps only three). */
export type AppSeverity = 'critical' | 'high' | 'moderate' | 'low' | 'info';

/** Administrative sex as FHIR `Patient.gender`. */
export type AppGender = 'male' | 'female' | 'other' | 'unknown';

/** A published source: citation text with DOI and/or URL (`https://doi.org/<doi>` when only a DOI). */
export type AppSource = Citation;

/** A FHIR Identifier, flattened. */
export interface AppIdentifier {
  /** Identifier system URI (e.g. the national ID or medical record number namespace). */
  readonly system?: string;
  /** Human label of the identifier type (`Identifier.type.text` or its first coding's display/code). */
  readonly type?: string;
  readonly value: string;
}

/** A coded concept, flattened to its codings plus one display text in the requested locale. */
export interface AppConcept {
  /** Best display text: `text`, else the first coding's display, else its code. */
  readonly display: string;
  readonly codings: readonly { readonly system?: string; readonly code?: string; readonly display?: string }[];
}

/** A reference with its display, as the app links it. */
export interface AppReference {
  /** Relative reference, `Type/id`. */
  readonly reference?: string;
  readonly display?: string;
}

/** The few patient facts every list row shows. */
export interface PatientBrief {
  /** Patient resource id: the link target `/patients/:id`. */
  readonly id: string;
  /** Formatted name in the requested locale (zh-CN: family+given without space). */
  readonly name: string;
  readonly gender?: AppGender;
  readonly birthDate?: string;
  /** Completed years at the server's today (the clock is injected, so tests fix it). */
  readonly age?: number;
}
