import { EXT, FINDING_SYSTEM } from '@careloop/core/engines/checkup/index';

/** URIs the checkup workflow writes (CodeSystems, NamingSystems, extensions), in one place. */
export const CHECKUP_URI = {
  /** Default identifier system of the person id in a checkup CSV (a centre passes its own). */
  personId: 'https://careloop.dev/fhir/NamingSystem/checkup-person-id',
  /** Identifier of a checkup visit imported from CSV: `<person id>/<date>`. */
  visit: 'https://careloop.dev/fhir/NamingSystem/checkup-visit',
  /** Local item codes of a checkup/lab system that the mapping file does not know. */
  localItem: 'https://careloop.dev/fhir/CodeSystem/checkup-local-item',
  /** DetectedIssue.code: the finding id. */
  finding: FINDING_SYSTEM,
  /** DetectedIssue review status: active | rejected | added. */
  findingStatus: EXT.findingStatus,
  /** Why a finding was rejected or added. */
  findingReason: EXT.findingReason,
  /** The clinician's sign-off signature type: author's signature (ASTM E1762). */
  signatureType: 'urn:iso-astm:E1762-95:2013',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  provenanceParticipant: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
  provenanceActivity: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
} as const;

/** Author's signature, ASTM E1762 (FHIR Signature.type). */
export const AUTHOR_SIGNATURE = {
  system: CHECKUP_URI.signatureType,
  code: '1.2.840.10065.1.12.1.1',
  display: "Author's Signature",
} as const;

/** Links of a report to its findings and the five-level severity: the engine's own extensions. */
export const REPORT_FINDING_EXTENSION = {
  /** On DiagnosticReport: valueReference → one DetectedIssue of the report. */
  finding: EXT.reportFinding,
  /** On DetectedIssue: valueCode critical | high | moderate | low | info. */
  severity: EXT.findingSeverity,
} as const;
