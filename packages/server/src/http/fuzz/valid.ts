import type { Bundle, Observation, Patient } from '@medplum/fhirtypes';
import type { Random } from '../../synth/random';

/** The organisation the fuzzing clinician works for: generated patients belong to it, so writes can succeed. */
export const FUZZ_ORG = 'org-fuzz';

const FAMILY = ['王', '李', 'Smith', 'García', 'Nguyễn', "O'Brien", 'Müller'];
const GIVEN = ['伟', '芳', 'John', 'Zoë', 'Ana-María', 'Li'];
const LOINC = [
  ['8480-6', 'mm[Hg]', 90, 200],
  ['8462-4', 'mm[Hg]', 50, 120],
  ['1558-6', 'mmol/L', 3, 20],
  ['29463-7', 'kg', 30, 150],
] as const;

const day = (rng: Random) =>
  `${rng.int(1930, 2025)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;

export function validPatient(rng: Random): Patient {
  return {
    resourceType: 'Patient',
    identifier: [{ system: 'urn:fuzz:mrn', value: `MR${rng.int(0, 1e9)}` }],
    name: [{ family: rng.pick(FAMILY), given: [rng.pick(GIVEN)] }],
    gender: rng.pick(['male', 'female', 'other', 'unknown'] as const),
    birthDate: day(rng),
    telecom: [{ system: 'phone', value: `138${rng.int(10_000_000, 99_999_999)}` }],
    managingOrganization: { reference: `Organization/${FUZZ_ORG}` },
  };
}

export function validObservation(rng: Random, subject: string): Observation {
  const [code, unit, lo, hi] = rng.pick(LOINC);
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code }] },
    subject: { reference: subject },
    effectiveDateTime: `${day(rng)}T08:${String(rng.int(10, 59))}:00+08:00`,
    valueQuantity: { value: rng.int(lo, hi), unit, system: 'http://unitsofmeasure.org', code: unit },
  };
}

/** A transaction: a new Patient (urn:uuid) with Observations pointing at it, and sometimes a PUT of a known id. */
export function validTransaction(rng: Random, knownPatient: string | undefined): Bundle {
  const uuid = `urn:uuid:${crypto.randomUUID()}`;
  const entry: NonNullable<Bundle['entry']> = [
    { fullUrl: uuid, resource: validPatient(rng), request: { method: 'POST', url: 'Patient' } },
  ];
  for (let i = rng.int(0, 3); i > 0; i--)
    entry.push({ resource: validObservation(rng, uuid), request: { method: 'POST', url: 'Observation' } });
  if (knownPatient && rng.chance(0.3)) {
    const id = knownPatient.split('/')[1]!;
    entry.push({ resource: { ...validPatient(rng), id }, request: { method: 'PUT', url: knownPatient } });
  }
  return { resourceType: 'Bundle', type: 'transaction', entry };
}
