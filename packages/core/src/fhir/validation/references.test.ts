import { describe, expect, it } from 'vitest';
import { referenceFormatError } from './references';

const R = 'https://hl7.org/fhir/R4/references.html#literal';
const types = new Set(['Patient', 'Practitioner', 'Observation']);

/** [reference, valid without conditional, valid with conditional, source]. */
const CASES: readonly (readonly [string, boolean, boolean, string])[] = [
  ['Patient/123', true, true, R],
  ['Patient/123/_history/2', true, true, `${R} (version-specific)`],
  ['#med1', true, true, 'https://hl7.org/fhir/R4/references.html#contained'],
  ['urn:uuid:5f0a8f1e-6c2b-4d1a-9b8e-2f4c7d3a1b01', true, true, 'https://hl7.org/fhir/R4/bundle.html#references'],
  ['urn:oid:1.2.840.113619.6.197', true, true, 'https://hl7.org/fhir/R4/bundle.html#references'],
  ['http://example.org/fhir/Patient/123', true, true, `${R} (absolute URL)`],
  [
    'Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999977751',
    false,
    true,
    'https://hl7.org/fhir/R4/http.html#trules',
  ],
  ['Widget/1', false, false, `${R} (not a resource type)`],
  ['Widget?name=x', false, false, 'https://hl7.org/fhir/R4/http.html#trules (not a resource type)'],
  ['Patient/', false, false, R],
  ['Patient/a_b', false, false, `${R} (id regex)`],
  ['Patient 123', false, false, R],
  ['urn:uuid:1234', false, false, 'https://hl7.org/fhir/R4/datatypes.html#uuid'],
  ['ftp://example.org/x', false, false, 'CareLoop accepts only http(s) absolute references'],
];

describe('referenceFormatError', () => {
  it.each(CASES)('%s (plain %s, conditional %s; %s)', (ref, plain, conditional) => {
    expect(referenceFormatError(ref, { resourceTypes: types, allowConditional: false }) === undefined).toBe(plain);
    expect(referenceFormatError(ref, { resourceTypes: types, allowConditional: true }) === undefined).toBe(conditional);
  });
});
