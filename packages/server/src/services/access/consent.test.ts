import type { Consent } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { consentDenies } from './consent';

const NOW = new Date('2025-06-01T00:00:00Z');
const base: Consent = {
  resourceType: 'Consent',
  status: 'active',
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
  category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
  patient: { reference: 'Patient/p1' },
  organization: [{ reference: 'Organization/custodian' }],
};
const actor = (org: string) => ({
  role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }] },
  reference: { reference: `Organization/${org}` },
});

// case: [description, consent, organisation asking, denied?]
const cases: [string, Consent, string, boolean][] = [
  ['deny naming the organisation', { ...base, provision: { type: 'deny', actor: [actor('org-b')] } }, 'org-b', true],
  [
    'deny naming another organisation',
    { ...base, provision: { type: 'deny', actor: [actor('org-b')] } },
    'org-a',
    false,
  ],
  ['deny without actors: everyone but the custodian', { ...base, provision: { type: 'deny' } }, 'org-a', true],
  ['deny without actors spares the custodian', { ...base, provision: { type: 'deny' } }, 'custodian', false],
  ['inactive consent', { ...base, status: 'inactive', provision: { type: 'deny' } }, 'org-a', false],
  [
    'not a privacy consent',
    { ...base, scope: { coding: [{ code: 'research' }] }, provision: { type: 'deny' } },
    'org-a',
    false,
  ],
  [
    'nested deny under a permit',
    { ...base, provision: { type: 'permit', provision: [{ type: 'deny', actor: [actor('org-b')] }] } },
    'org-b',
    true,
  ],
  [
    'permit exception inside a deny',
    { ...base, provision: { type: 'deny', provision: [{ type: 'permit', actor: [actor('org-a')] }] } },
    'org-a',
    false,
  ],
  [
    'deny period over',
    { ...base, provision: { type: 'deny', period: { end: '2025-01-01' }, actor: [actor('org-b')] } },
    'org-b',
    false,
  ],
  [
    'deny period current',
    { ...base, provision: { type: 'deny', period: { start: '2025-01-01' }, actor: [actor('org-b')] } },
    'org-b',
    true,
  ],
  [
    'a permit alone denies nothing',
    { ...base, provision: { type: 'permit', actor: [actor('org-b')] } },
    'org-b',
    false,
  ],
];

describe('consent decisions (https://hl7.org/fhir/R4/consent.html)', () => {
  it.each(cases)('%s', (_name, consent, org, denied) => {
    expect(consentDenies(consent, org, NOW)).toBe(denied);
  });
});
