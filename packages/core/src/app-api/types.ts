/**
 * The clinician web app's API under `/api` (worklist, patient search, patient summary, report review): response
 * shapes shared by the server (packages/server/src/services/app/) and the React app. Type-only and isomorphic.
 *
 * Conventions: dates are FHIR strings as stored (`YYYY-MM-DD` or an ISO dateTime with offset); references are
 * relative FHIR references (`Observation/abc`); texts are in the locale asked for with `?locale=zh-CN|en`
 * (default: the server's CARELOOP_LOCALE). Errors are OperationOutcomes with the HTTP status.
 */
export type {
  AppSeverity,
  AppGender,
  AppSource,
  AppIdentifier,
  AppConcept,
  AppReference,
  PatientBrief,
} from './common';
export type {
  WorklistKind,
  WorklistSort,
  WorklistCounts,
  FollowUpOrigin,
  WorklistItem,
  WorklistResponse,
} from './worklist';
export type { PatientListItem, PatientListResponse } from './patients';
export type {
  PatientDemographics,
  ProblemItem,
  MedicationItem,
  AllergyItem,
  EncounterItem,
  TrendBand,
  TrendPoint,
  TrendKey,
  TrendSeries,
  TrendChart,
  PatientSummary,
} from './summary';
export type {
  EvidenceInput,
  EvidenceMethod,
  ConclusionStatus,
  SignOffInfo,
  EvidenceChain,
  RecommendationItem,
  FindingConclusion,
  ScoreConclusion,
  ReportConclusion,
} from './evidence';
export type { FindingGroup, ReportReview } from './review';
