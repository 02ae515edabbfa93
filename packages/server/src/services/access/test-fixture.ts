import type { CareTeam, DiagnosticReport, Observation, Resource } from '@medplum/fhirtypes';
import type { Repository } from '../../store/repository';
import type { RequestUser } from '../context';

/**
 * A small world for access tests: two organisations, their clinicians, and four patients:
 * pa (org-a), pb (org-b), pc (org-b, with a CareTeam naming pr-a), pd (org-a, CareTeam with pr-a, but a privacy
 * Consent denying org-a). oa2 (pa's) points at pb through hasMember (→ ob) and focus (→ pb), to try leaks.
 */
export const ACCESS = {
  orgA: 'org-a',
  orgB: 'org-b',
  prA: 'pr-a',
  prB: 'pr-b',
  pa: 'pa',
  pb: 'pb',
  pc: 'pc',
  pd: 'pd',
} as const;

export const USERS = {
  clinicianA: { id: 'dr-a', role: 'clinician', organization: 'org-a', practitioner: 'pr-a' },
  clinicianB: { id: 'dr-b', role: 'clinician', organization: 'org-b', practitioner: 'pr-b' },
  nurseA: { id: 'nurse-a', role: 'nurse', organization: 'org-a' },
  admin: { id: 'root', role: 'admin' },
  researcher: { id: 'res', role: 'researcher' },
  patientA: { id: 'pat-a', role: 'patient', patient: 'pa' },
  system: { id: 'system', role: 'system' },
} as const satisfies Record<string, RequestUser>;

const code = { coding: [{ system: 'http://loinc.org', code: '8867-4' }] };
const ref = (type: string, id: string) => ({ reference: `${type}/${id}` });

function patient(id: string, org: string, family: string): Resource {
  return {
    resourceType: 'Patient',
    id,
    name: [{ family }],
    gender: 'female',
    managingOrganization: ref('Organization', org),
  };
}

function observation(id: string, subject: string, extra: Partial<Observation> = {}): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code,
    subject: ref('Patient', subject),
    identifier: [{ system: 'urn:test', value: id }],
    valueQuantity: { value: 70, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
    ...extra,
  };
}

function careTeam(id: string, subject: string, practitioner: string): CareTeam {
  return {
    resourceType: 'CareTeam',
    id,
    status: 'active',
    subject: ref('Patient', subject),
    participant: [{ member: ref('Practitioner', practitioner) }],
  };
}

function report(id: string, subject: string, status: 'preliminary' | 'final'): DiagnosticReport {
  return { resourceType: 'DiagnosticReport', id, status, code, subject: ref('Patient', subject) };
}

export const CONSENT_D: Resource = {
  resourceType: 'Consent',
  id: 'consent-d',
  status: 'active',
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
  category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
  patient: ref('Patient', 'pd'),
  organization: [ref('Organization', 'org-b')],
  provision: {
    type: 'deny',
    actor: [
      {
        role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }] },
        reference: ref('Organization', 'org-a'),
      },
    ],
  },
};

/** The resources of the access world, valid R4. */
export function accessWorld(): Resource[] {
  return [
    { resourceType: 'Organization', id: 'org-a', name: 'Hospital A' },
    { resourceType: 'Organization', id: 'org-b', name: 'Hospital B' },
    { resourceType: 'Practitioner', id: 'pr-a', name: [{ family: 'Alpha' }] },
    { resourceType: 'Practitioner', id: 'pr-b', name: [{ family: 'Beta' }] },
    patient('pa', 'org-a', 'Alpha'),
    patient('pb', 'org-b', 'Bravo'),
    patient('pc', 'org-b', 'Charlie'),
    patient('pd', 'org-a', 'Delta'),
    careTeam('ct-c', 'pc', 'pr-a'),
    careTeam('ct-d', 'pd', 'pr-a'),
    CONSENT_D,
    observation('oa', 'pa'),
    observation('oa2', 'pa', { hasMember: [ref('Observation', 'ob')], focus: [ref('Patient', 'pb')] }),
    observation('ob', 'pb'),
    observation('oc', 'pc'),
    observation('od', 'pd'),
    report('dr-pre', 'pa', 'preliminary'),
    report('dr-final', 'pa', 'final'),
  ];
}

/** Writes the access world through the repository (validated), as the server itself would. */
export async function writeAccessWorld(repo: Repository): Promise<void> {
  for (const r of accessWorld()) await repo.update(r);
}
