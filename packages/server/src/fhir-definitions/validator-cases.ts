import { REFERENCE_CASES } from './validator-cases-references';
import type { InvalidCase } from './validator-cases-util';
import { at, mutate } from './validator-cases-util';
import { bloodPressure, glucose, immunization } from './validator-fixtures-clinical';
import { patient } from './validator-fixtures-people';
import { imagingStudy } from './validator-fixtures-reports';
import { claim } from './validator-fixtures-workflow';

export type { InvalidCase } from './validator-cases-util';

const DT = 'https://hl7.org/fhir/R4/datatypes.html';
const JSON_SPEC = 'https://hl7.org/fhir/R4/json.html';
const TERM = 'https://hl7.org/fhir/R4/terminologies.html#required';

/** The table of invalid inputs (each built from a valid fixture by one change). */
export const INVALID_CASES: readonly InvalidCase[] = [
  { name: 'not an object', source: JSON_SPEC, resource: 'Patient', expression: '', message: 'Expected a resource' },
  {
    name: 'no resourceType',
    source: JSON_SPEC,
    resource: { id: 'x' },
    expression: 'resourceType',
    message: 'Missing resourceType',
  },
  {
    name: 'unknown resourceType',
    source: JSON_SPEC,
    resource: { resourceType: 'Patients' },
    expression: 'resourceType',
    message: 'Unknown resourceType',
  },
  {
    name: 'abstract type',
    source: 'https://hl7.org/fhir/R4/domainresource.html',
    resource: { resourceType: 'DomainResource' },
    expression: 'resourceType',
    message: 'Unknown resourceType',
  },
  {
    name: 'bad enum Patient.gender "mail"',
    source: TERM,
    resource: mutate(patient, (r) => (r.gender = 'mail')),
    expression: 'Patient.gender',
    message: 'administrative-gender',
  },
  {
    name: 'missing Observation.status',
    source: 'https://hl7.org/fhir/R4/observation.html',
    resource: mutate(glucose, (r) => delete r.status),
    expression: 'Observation.status',
    message: 'Missing required',
  },
  {
    name: 'missing Observation.code',
    source: 'https://hl7.org/fhir/R4/observation.html',
    resource: mutate(glucose, (r) => delete r.code),
    expression: 'Observation.code',
    message: 'Missing required',
  },
  {
    name: 'decimal as string',
    source: DT,
    resource: mutate(glucose, (r) => (at(r, 'valueQuantity').value = '7.4')),
    expression: 'Observation.valueQuantity.value',
    message: 'expected number',
  },
  {
    name: 'two value[x]',
    source: 'https://hl7.org/fhir/R4/formats.html#choice',
    resource: mutate(glucose, (r) => (r.valueString = '7.4')),
    expression: 'Observation.valueString',
    message: 'Only one of value[x]',
  },
  {
    name: 'value[x] with a type not allowed',
    source: 'https://hl7.org/fhir/R4/formats.html#choice',
    resource: mutate(glucose, (r) => {
      delete r.valueQuantity;
      r.valueAddress = { city: 'Boston' };
    }),
    expression: 'Observation.valueAddress',
    message: 'Unknown property',
  },
  {
    name: 'empty string in given',
    source: JSON_SPEC,
    resource: mutate(patient, (r) => (at(r, 'name', 0).given = ['Mei', ''])),
    expression: 'Patient.name[0].given[1]',
    message: 'empty string',
  },
  {
    name: 'whitespace-only string',
    source: `${DT}#string`,
    resource: mutate(patient, (r) => (at(r, 'name', 0).family = '   ')),
    expression: 'Patient.name[0].family',
    message: 'whitespace',
  },
  {
    name: 'unknown property',
    source: JSON_SPEC,
    resource: mutate(patient, (r) => (r.favouriteColour = 'blue')),
    expression: 'Patient.favouriteColour',
    message: 'Unknown property',
  },
  {
    name: 'array for a singleton',
    source: JSON_SPEC,
    resource: mutate(patient, (r) => (r.birthDate = ['1968-03-14'])),
    expression: 'Patient.birthDate',
    message: 'not an array',
  },
  {
    name: 'singleton for an array',
    source: JSON_SPEC,
    resource: mutate(patient, (r) => (r.name = { family: 'Lin' })),
    expression: 'Patient.name',
    message: 'Expected an array',
  },
  {
    name: 'empty array',
    source: JSON_SPEC,
    resource: mutate(patient, (r) => (r.telecom = [])),
    expression: 'Patient.telecom',
    message: 'Empty array',
  },
  {
    name: 'empty object',
    source: JSON_SPEC,
    resource: mutate(patient, (r) => (r.maritalStatus = {})),
    expression: 'Patient.maritalStatus',
    message: 'Empty element',
  },
  {
    name: 'null value',
    source: JSON_SPEC,
    resource: mutate(patient, (r) => (r.gender = null)),
    expression: 'Patient.gender',
    message: 'null',
  },
  {
    name: '2023-02-30 (regex passes, calendar fails)',
    source: `${DT}#date`,
    resource: mutate(patient, (r) => (r.birthDate = '2023-02-30')),
    expression: 'Patient.birthDate',
    message: 'not a calendar date',
  },
  {
    name: 'month 13',
    source: `${DT}#date`,
    resource: mutate(patient, (r) => (r.birthDate = '2023-13-01')),
    expression: 'Patient.birthDate',
    message: 'Invalid date format',
  },
  {
    name: 'dateTime with time but no zone',
    source: `${DT}#dateTime`,
    resource: mutate(glucose, (r) => (r.effectiveDateTime = '2019-05-02T09:12:00')),
    expression: 'Observation.effectiveDateTime',
    message: 'Invalid dateTime format',
  },
  {
    name: 'instant without seconds',
    source: `${DT}#instant`,
    resource: mutate(glucose, (r) => (r.issued = '2019-05-02T09:12+00:00')),
    expression: 'Observation.issued',
    message: 'Invalid instant format',
  },
  {
    name: 'boolean as string',
    source: DT,
    resource: mutate(immunization, (r) => (r.primarySource = 'true')),
    expression: 'Immunization.primarySource',
    message: 'expected boolean',
  },
  {
    name: 'code with trailing space',
    source: `${DT}#code`,
    resource: mutate(glucose, (r) => (r.status = 'final ')),
    expression: 'Observation.status',
    message: 'Invalid code format',
  },
  {
    name: 'unsignedInt above 2^31-1',
    source: `${DT}#unsignedInt`,
    resource: mutate(imagingStudy, (r) => (r.numberOfSeries = 2147483648)),
    expression: 'ImagingStudy.numberOfSeries',
    message: 'outside',
  },
  {
    name: 'positiveInt 0',
    source: `${DT}#positiveInt`,
    resource: mutate(claim, (r) => (at(r, 'item', 0).sequence = 0)),
    expression: 'Claim.item[0].sequence',
    message: 'outside',
  },
  {
    name: 'resource id with a space',
    source: 'https://hl7.org/fhir/R4/resource.html#id',
    resource: mutate(patient, (r) => (r.id = 'bad id')),
    expression: 'Patient.id',
    message: 'Invalid id format',
  },
  {
    name: 'missing required in BackboneElement',
    source: 'https://hl7.org/fhir/R4/observation.html',
    resource: mutate(bloodPressure, (r) => delete at(r, 'component', 1).code),
    expression: 'Observation.component[1].code',
    message: 'Missing required',
  },
  {
    name: 'missing Extension.url',
    source: 'https://hl7.org/fhir/R4/extensibility.html',
    resource: mutate(patient, (r) => delete at(r, 'extension', 2).url),
    expression: 'Patient.extension[2].url',
    message: 'Missing required',
  },
  {
    name: 'ext-1: both value and extensions',
    source: 'https://hl7.org/fhir/R4/extensibility.html#Extension',
    resource: mutate(patient, (r) => (at(r, 'extension', 0).valueString = 'x')),
    expression: 'Patient.extension[0]',
    message: 'ext-1',
  },
  {
    name: 'primitive extension with unknown property',
    source: `${JSON_SPEC}#primitive`,
    resource: mutate(patient, (r) => (at(r, '_birthDate').note = 'x')),
    expression: 'Patient.birthDate.note',
    message: 'Unknown property',
  },
  {
    name: 'primitive extension nested',
    source: `${JSON_SPEC}#primitive`,
    resource: mutate(patient, (r) => (at(r, '_birthDate', 'extension', 0).valueDateTime = 1968)),
    expression: 'Patient.birthDate.extension[0].valueDateTime',
    message: 'expected string',
  },
  {
    name: 'null in primitive array without extension',
    source: `${JSON_SPEC}#primitive`,
    resource: mutate(patient, (r) => {
      at(r, 'name', 0).given = ['Mei', null];
      at(r, 'name', 0)._given = [{ id: 'a', extension: [{ url: 'http://x.org', valueString: 'y' }] }, null];
    }),
    expression: 'Patient.name[0].given[1]',
    message: 'null value',
  },
  {
    name: 'primitive arrays misaligned',
    source: `${JSON_SPEC}#primitive`,
    resource: mutate(
      patient,
      (r) => (at(r, 'name', 0)._given = [null, null, { extension: [{ url: 'http://x.org', valueString: 'y' }] }]),
    ),
    expression: 'Patient.name[0].given',
    message: 'same length',
  },
  ...REFERENCE_CASES,
];
