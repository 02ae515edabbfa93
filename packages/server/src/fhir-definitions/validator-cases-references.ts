import { condition, encounter, glucose } from './validator-fixtures-clinical';
import { REF, patient } from './validator-fixtures-people';
import { composition } from './validator-fixtures-reports';
import { explanationOfBenefit } from './validator-fixtures-workflow';
import type { InvalidCase } from './validator-cases-util';
import { at, mutate } from './validator-cases-util';

const REFS = 'https://hl7.org/fhir/R4/references.html';
const TERM = 'https://hl7.org/fhir/R4/terminologies.html#required';

function nestedExtensions(depth: number): Record<string, unknown> {
  let ext: Record<string, unknown> = { url: 'http://example.org/leaf', valueString: 'x' };
  for (let i = 0; i < depth; i++) ext = { url: 'http://example.org/n', extension: [ext] };
  return { resourceType: 'Patient', extension: [ext] };
}

/** Invalid references, contained resources, bindings, Bundle entries and nesting (see validator-cases.ts). */
export const REFERENCE_CASES: readonly InvalidCase[] = [
  {
    name: 'reference with a space',
    source: REFS,
    resource: mutate(glucose, (r) => (at(r, 'subject').reference = 'Patient 123')),
    expression: 'Observation.subject.reference',
    message: 'Invalid reference',
  },
  {
    name: 'reference to an unknown type',
    source: REFS,
    resource: mutate(glucose, (r) => (at(r, 'subject').reference = 'Patients/123')),
    expression: 'Observation.subject.reference',
    message: 'unknown resource type',
  },
  {
    name: 'reference with a bad id',
    source: REFS,
    resource: mutate(glucose, (r) => (at(r, 'subject').reference = 'Patient/a_b')),
    expression: 'Observation.subject.reference',
    message: 'Invalid reference',
  },
  {
    name: 'conditional reference outside a transaction',
    source: 'https://hl7.org/fhir/R4/http.html#trules',
    resource: encounter,
    expression: 'Encounter.location[0].location.reference',
    message: 'Conditional reference',
  },
  {
    name: 'bad urn:uuid',
    source: REFS,
    resource: mutate(glucose, (r) => (at(r, 'subject').reference = 'urn:uuid:1234')),
    expression: 'Observation.subject.reference',
    message: 'Invalid reference',
  },
  {
    name: 'ref-1: local reference to nothing',
    source: REFS,
    resource: mutate(explanationOfBenefit, (r) => (at(r, 'referral').reference = '#nope')),
    expression: 'ExplanationOfBenefit.referral.reference',
    message: 'ref-1',
  },
  {
    name: 'error inside a contained resource',
    source: 'https://hl7.org/fhir/R4/references.html#contained',
    resource: mutate(explanationOfBenefit, (r) => (at(r, 'contained', 1).status = 'on')),
    expression: 'ExplanationOfBenefit.contained[1].status',
    message: 'fm-status',
  },
  {
    name: 'dom-2: contained in contained',
    source: 'https://hl7.org/fhir/R4/domainresource.html#invs',
    resource: mutate(
      explanationOfBenefit,
      (r) => (at(r, 'contained', 0).contained = [{ resourceType: 'Basic', id: 'b', code: { text: 'x' } }]),
    ),
    expression: 'ExplanationOfBenefit.contained[0].contained',
    message: 'dom-2',
  },
  {
    name: 'required CodeableConcept binding',
    source: TERM,
    resource: mutate(condition, (r) => (at(r, 'clinicalStatus', 'coding', 0).code = 'cured')),
    expression: 'Condition.clinicalStatus',
    message: 'condition-clinical',
  },
  {
    name: 'required binding from v3-codesystems.json',
    source: TERM,
    resource: mutate(composition, (r) => (r.confidentiality = 'X')),
    expression: 'Composition.confidentiality',
    message: 'v3-ConfidentialityClassification',
  },
  {
    name: 'error in a Bundle entry',
    source: 'https://hl7.org/fhir/R4/bundle.html',
    resource: {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: patient }, { resource: mutate(glucose, (r) => (r.subject = REF.patient)) }],
    },
    expression: 'Bundle.entry[1].resource.subject',
    message: 'Expected an object',
  },
  {
    name: 'nesting deeper than maxDepth',
    source: 'CareLoop guard against hostile input',
    resource: nestedExtensions(40),
    options: { maxDepth: 32 },
    expression: `Patient${'.extension[0]'.repeat(32)}`,
    message: 'Nesting deeper',
  },
];
