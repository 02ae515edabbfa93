import type { Condition, Encounter, Observation, Patient, Resource } from '@medplum/fhirtypes';
import type { CheckupInput } from './types';

/** A lab or vital result for a test checkup: LOINC code, value and UCUM unit, and the lab's range if it sent one. */
export interface ResultSpec {
  readonly loinc: string;
  readonly value: number | 'positive' | 'negative';
  readonly unit?: string;
  readonly low?: number;
  readonly high?: number;
}

/** Lab result. */
export const lab = (loinc: string, value: number, unit: string, low?: number, high?: number): ResultSpec => ({
  loinc,
  value,
  unit,
  ...(low !== undefined ? { low } : {}),
  ...(high !== undefined ? { high } : {}),
});

/** Qualitative result (HBsAg). */
export const qual = (loinc: string, value: 'positive' | 'negative'): ResultSpec => ({ loinc, value });

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const SNOMED = 'http://snomed.info/sct';

function observation(id: string, patientId: string, encounterId: string, date: string, r: ResultSpec): Observation {
  const o: Observation = {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: LOINC, code: r.loinc }] },
    subject: { reference: `Patient/${patientId}` },
    encounter: { reference: `Encounter/${encounterId}` },
    effectiveDateTime: `${date}T08:30:00+08:00`,
  };
  if (typeof r.value === 'number') {
    o.valueQuantity = { value: r.value, unit: r.unit, system: UCUM, code: r.unit };
    if (r.low !== undefined || r.high !== undefined) {
      o.referenceRange = [
        {
          ...(r.low !== undefined ? { low: { value: r.low, unit: r.unit, system: UCUM, code: r.unit } } : {}),
          ...(r.high !== undefined ? { high: { value: r.high, unit: r.unit, system: UCUM, code: r.unit } } : {}),
        },
      ];
    }
  } else {
    const positive = r.value === 'positive';
    o.valueCodeableConcept = {
      coding: [
        { system: SNOMED, code: positive ? '10828004' : '260385009', display: positive ? 'Positive' : 'Negative' },
      ],
    };
  }
  return o;
}

function bpPanel(
  id: string,
  patientId: string,
  encounterId: string,
  date: string,
  sbp: number,
  dbp: number,
): Observation {
  const q = (v: number) => ({ value: v, unit: 'mm[Hg]', system: UCUM, code: 'mm[Hg]' });
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: LOINC, code: '85354-9' }] },
    subject: { reference: `Patient/${patientId}` },
    encounter: { reference: `Encounter/${encounterId}` },
    effectiveDateTime: `${date}T08:20:00+08:00`,
    component: [
      { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: q(sbp) },
      { code: { coding: [{ system: LOINC, code: '8462-4' }] }, valueQuantity: q(dbp) },
    ],
  };
}

/** One checkup visit's resources. */
export interface VisitSpec {
  readonly date: string;
  readonly results: readonly ResultSpec[];
  readonly bp?: readonly [number, number];
}

/** The Encounter and Observations of a visit. */
export function visit(patientId: string, v: VisitSpec): { encounter: Encounter; observations: Observation[] } {
  const encounterId = `${patientId}-c${v.date.replaceAll('-', '')}`;
  const encounter: Encounter = {
    resourceType: 'Encounter',
    id: encounterId,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    subject: { reference: `Patient/${patientId}` },
    period: { start: `${v.date}T08:00:00+08:00`, end: `${v.date}T09:30:00+08:00` },
  };
  const observations = v.results.map((r, i) =>
    observation(`${encounterId}-${String(i)}`, patientId, encounterId, v.date, r),
  );
  if (v.bp) observations.push(bpPanel(`${encounterId}-bp`, patientId, encounterId, v.date, v.bp[0], v.bp[1]));
  return { encounter, observations };
}

/** A type 2 diabetes Condition (ICD-10 E11). */
export function diabetesCondition(patientId: string): Condition {
  return {
    resourceType: 'Condition',
    id: `${patientId}-t2dm`,
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'E11.9' }] },
    subject: { reference: `Patient/${patientId}` },
    onsetDateTime: '2015-01-01',
  };
}

/** A checkup input for a person, with earlier visits and other resources as history. */
export function checkupInput(
  person: { id: string; gender: 'male' | 'female'; birthDate: string },
  now: VisitSpec,
  earlier: readonly VisitSpec[] = [],
  other: readonly Resource[] = [],
): CheckupInput {
  const patient: Patient = {
    resourceType: 'Patient',
    id: person.id,
    gender: person.gender,
    birthDate: person.birthDate,
  };
  const { encounter, observations } = visit(person.id, now);
  const history = [
    ...earlier.flatMap((v) => {
      const x = visit(person.id, v);
      return [x.encounter, ...x.observations];
    }),
    ...other,
  ];
  return { patient, encounter, observations, history, asOf: `${now.date}T12:00:00+08:00` };
}
