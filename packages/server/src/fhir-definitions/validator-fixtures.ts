import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import {
  allergy,
  bloodPressure,
  condition,
  encounter,
  glucose,
  immunization,
  medicationRequest,
  medicationStatement,
  procedure,
  smokingStatus,
} from './validator-fixtures-clinical';
import { careTeam, device, organization, patient, practitioner, practitionerRole } from './validator-fixtures-people';
import {
  carePlan,
  composition,
  detectedIssue,
  diagnosticReport,
  flag,
  goal,
  imagingStudy,
  riskAssessment,
} from './validator-fixtures-reports';
import { auditEvent, claim, consent, explanationOfBenefit, provenance, task } from './validator-fixtures-workflow';

/** One valid resource of each commonly used type (Synthea's shape), for validator tests and the benchmark. */
export const VALID_RESOURCES: readonly Resource[] = [
  patient,
  practitioner,
  practitionerRole,
  organization,
  device,
  careTeam,
  encounter,
  bloodPressure,
  glucose,
  smokingStatus,
  condition,
  procedure,
  medicationRequest,
  medicationStatement,
  allergy,
  immunization,
  diagnosticReport,
  composition,
  riskAssessment,
  detectedIssue,
  flag,
  imagingStudy,
  goal,
  carePlan,
  task,
  provenance,
  auditEvent,
  consent,
  claim,
  explanationOfBenefit,
];

function entry(resource: Resource): BundleEntry {
  return {
    fullUrl: `urn:uuid:${resource.id ?? ''}`,
    resource,
    request: { method: 'POST', url: resource.resourceType },
  };
}

/**
 * A Synthea-style transaction Bundle of a few fixtures; Encounter.location uses a conditional reference as Synthea
 * 3.x does: valid inside the transaction, invalid in the Encounter on its own without `allowConditionalReferences`.
 */
export const TRANSACTION: Bundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [patient, practitioner, organization, encounter, glucose, condition].map(entry),
};
