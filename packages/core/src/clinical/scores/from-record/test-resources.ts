import type {
  CodeableConcept,
  Condition,
  MedicationRequest,
  MedicationStatement,
  Observation,
  ObservationComponent,
  Patient,
  Quantity,
} from '@medplum/fhirtypes';

/**
 * FHIR resources coded the way real systems code them (Synthea's US Core output: LOINC, UCUM, SNOMED CT, RxNorm;
 * a Chinese hospital laboratory: LOINC with SI units), for the from-record tests.
 */
export const PATIENT_ID = 'f4a1b2c3-0000-4000-8000-000000000001';
const SUBJECT = { reference: `urn:uuid:${PATIENT_ID}` };
const UCUM = 'http://unitsofmeasure.org';
const OMB: Readonly<Record<string, string>> = { '2106-3': 'White', '2054-5': 'Black or African American' };

export function patient(p: { birthDate: string; gender: Patient['gender']; omb?: readonly string[] }): Patient {
  const omb = p.omb ?? [];
  return {
    resourceType: 'Patient',
    id: PATIENT_ID,
    birthDate: p.birthDate,
    gender: p.gender,
    extension: [
      {
        url: 'http://hl7.org/fhir/us-core/StructureDefinition/us-core-race',
        extension: [
          ...omb.map((code) => ({
            url: 'ombCategory',
            valueCoding: { system: 'urn:oid:2.16.840.1.113883.6.238', code, display: OMB[code] ?? code },
          })),
          { url: 'text', valueString: omb.map((c) => OMB[c] ?? c).join(', ') },
        ],
      },
    ],
  };
}

const loinc = (code: string, display: string): CodeableConcept => ({
  coding: [{ system: 'http://loinc.org', code, display }],
  text: display,
});

export function quantity(value: number, unit: string, code = unit): Quantity {
  return { value, unit, system: UCUM, code };
}

interface ObsArgs {
  id: string;
  loinc: string;
  display: string;
  date: string;
  status?: Observation['status'];
  subject?: string;
}

export function lab(a: ObsArgs & { value: Quantity }): Observation {
  return {
    resourceType: 'Observation',
    id: a.id,
    status: a.status ?? 'final',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
    ],
    code: loinc(a.loinc, a.display),
    subject: a.subject ? { reference: a.subject } : SUBJECT,
    effectiveDateTime: a.date,
    issued: a.date,
    valueQuantity: a.value,
  };
}

/** Synthea's blood pressure: a 85354-9 panel with systolic and diastolic components. */
export function bpPanel(a: { id: string; date: string; systolic: number; diastolic: number }): Observation {
  const component = (code: string, display: string, value: number): ObservationComponent => ({
    code: loinc(code, display),
    valueQuantity: quantity(value, 'mm[Hg]'),
  });
  return {
    resourceType: 'Observation',
    id: a.id,
    status: 'final',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] },
    ],
    code: loinc('85354-9', 'Blood pressure panel with all children optional'),
    subject: SUBJECT,
    effectiveDateTime: a.date,
    component: [
      component('8480-6', 'Systolic Blood Pressure', a.systolic),
      component('8462-4', 'Diastolic Blood Pressure', a.diastolic),
    ],
  };
}

export function smokingStatus(a: {
  id: string;
  date: string;
  system: string;
  code: string;
  display: string;
}): Observation {
  return {
    resourceType: 'Observation',
    id: a.id,
    status: 'final',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'social-history' }] },
    ],
    code: loinc('72166-2', 'Tobacco smoking status'),
    subject: SUBJECT,
    effectiveDateTime: a.date,
    valueCodeableConcept: { coding: [{ system: a.system, code: a.code, display: a.display }], text: a.display },
  };
}

export function condition(a: {
  id: string;
  system: string;
  code: string;
  display: string;
  onset: string;
  clinical?: string;
  verification?: string;
}): Condition {
  return {
    resourceType: 'Condition',
    id: a.id,
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: a.clinical ?? 'active' }],
    },
    verificationStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
          code: a.verification ?? 'confirmed',
        },
      ],
    },
    category: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }],
      },
    ],
    code: { coding: [{ system: a.system, code: a.code, display: a.display }], text: a.display },
    subject: SUBJECT,
    onsetDateTime: a.onset,
    recordedDate: a.onset,
  };
}

export function medicationRequest(a: {
  id: string;
  system: string;
  code: string;
  display: string;
  authoredOn: string;
  status?: MedicationRequest['status'];
}): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: a.id,
    status: a.status ?? 'active',
    intent: 'order',
    medicationCodeableConcept: { coding: [{ system: a.system, code: a.code, display: a.display }], text: a.display },
    subject: SUBJECT,
    authoredOn: a.authoredOn,
  };
}

export function medicationStatement(a: {
  id: string;
  system: string;
  code: string;
  display: string;
  start: string;
}): MedicationStatement {
  return {
    resourceType: 'MedicationStatement',
    id: a.id,
    status: 'active',
    medicationCodeableConcept: { coding: [{ system: a.system, code: a.code, display: a.display }], text: a.display },
    subject: SUBJECT,
    effectivePeriod: { start: a.start },
  };
}

export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const SNOMED = 'http://snomed.info/sct';
export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const ATC = 'http://www.whocc.no/atc';
