import type { Device, Reference } from '@medplum/fhirtypes';
import type { Citation } from '../../clinical/source';

/** The engine's name and version, as Provenance and every output name it. */
export const CHECKUP_ENGINE = { id: 'careloop-checkup-engine', version: '1.0.0' } as const;

/** Code system of checkup findings: the code is the finding id. */
export const FINDING_SYSTEM = 'https://careloop.dev/fhir/CodeSystem/checkup-finding';
/** Code system of checkup rules: the code is the rule id, the version the rule's version. */
export const RULE_SYSTEM = 'https://careloop.dev/fhir/CodeSystem/checkup-rule';
/** Code system of recommendation kinds (repeat, confirm, refer, return, lifestyle). */
export const RECOMMENDATION_SYSTEM = 'https://careloop.dev/fhir/CodeSystem/checkup-recommendation';
/** Code system of CareLoop document and section types. */
export const REPORT_SYSTEM = 'https://careloop.dev/fhir/CodeSystem/checkup-report';

const SD = 'https://careloop.dev/fhir/StructureDefinition';
/** Extensions written on the engine's output. */
export const EXT = {
  /** On DetectedIssue: active | rejected | added (the workflow changes it on review). */
  findingStatus: `${SD}/finding-status`,
  /** On DetectedIssue: why a clinician rejected or added it. */
  findingReason: `${SD}/finding-reason`,
  /** On DetectedIssue: the finding's CareLoop severity (critical…info; DetectedIssue.severity has only three). */
  findingSeverity: `${SD}/finding-severity`,
  findingUrgent: `${SD}/finding-urgent`,
  /** On DetectedIssue: the rule (Coding: id + version). */
  findingRule: `${SD}/finding-rule`,
  /** On DetectedIssue: one published source per extension. */
  findingSource: `${SD}/finding-source`,
  /** On DetectedIssue.mitigation: specialty and deadline of a recommendation. */
  recommendationSpecialty: `${SD}/recommendation-specialty`,
  recommendationWithinDays: `${SD}/recommendation-within-days`,
  /** On DiagnosticReport: each finding and risk assessment of the report. */
  reportFinding: `${SD}/checkup-finding`,
  reportRiskAssessment: `${SD}/checkup-risk-assessment`,
  /** HL7 translation of a string into the other language. */
  translation: 'http://hl7.org/fhir/StructureDefinition/translation',
} as const;

/** The engine as a reference by identifier (Device resources are not stored). */
export const ENGINE_REFERENCE: Reference<Device> = {
  type: 'Device',
  identifier: { system: 'https://careloop.dev/fhir/device', value: CHECKUP_ENGINE.id },
  display: `CareLoop checkup engine ${CHECKUP_ENGINE.version}`,
};

/** One citation as a line: "citation doi:… url". */
export function citationText(c: Citation): string {
  return [c.citation, c.doi ? `doi:${c.doi}` : undefined, c.url].filter(Boolean).join(' ');
}
