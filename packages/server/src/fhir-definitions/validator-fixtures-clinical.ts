import type {
  AllergyIntolerance,
  Condition,
  Encounter,
  Immunization,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Procedure,
} from '@medplum/fhirtypes';
import { LOINC, REF, RXNORM, SNOMED, UCUM } from './validator-fixtures-people';

/* Clinical fixtures in Synthea's shape (see validator-fixtures-people.ts). */

const vitalSigns = [
  {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/observation-category',
        code: 'vital-signs',
        display: 'vital-signs',
      },
    ],
  },
];

export const encounter: Encounter = {
  resourceType: 'Encounter',
  id: '5f0a8f1e-6c2b-4d1a-9b8e-2f4c7d3a1b04',
  identifier: [{ use: 'official', system: 'https://github.com/synthetichealth/synthea', value: 'e2c1d3b4-0001' }],
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
  type: [{ coding: [{ system: SNOMED, code: '185349003', display: 'Encounter for check up (procedure)' }] }],
  subject: { reference: REF.patient, display: 'Mrs. Mei Hua Lin' },
  participant: [
    {
      type: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
              code: 'PPRF',
              display: 'primary performer',
            },
          ],
        },
      ],
      period: { start: '2019-05-02T09:12:00+00:00', end: '2019-05-02T09:27:00+00:00' },
      individual: { reference: REF.practitioner, display: 'Dr. Ada Okafor' },
    },
  ],
  period: { start: '2019-05-02T09:12:00+00:00', end: '2019-05-02T09:27:00+00:00' },
  location: [{ location: { reference: 'Location?identifier=https://github.com/synthetichealth/synthea|loc-1' } }],
  serviceProvider: { reference: REF.organization, display: 'HARBOR COMMUNITY HEALTH CENTER' },
};

export const bloodPressure: Observation = {
  resourceType: 'Observation',
  id: '5f0a8f1e-6c2b-4d1a-9b8e-2f4c7d3a1b06',
  meta: { profile: ['http://hl7.org/fhir/StructureDefinition/bp'] },
  status: 'final',
  category: vitalSigns,
  code: { coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel with all children optional' }] },
  subject: { reference: REF.patient },
  encounter: { reference: REF.encounter },
  effectiveDateTime: '2019-05-02T09:12:00+00:00',
  issued: '2019-05-02T09:12:00.714+00:00',
  component: [
    {
      code: { coding: [{ system: LOINC, code: '8462-4', display: 'Diastolic Blood Pressure' }] },
      valueQuantity: { value: 82, unit: 'mm[Hg]', system: UCUM, code: 'mm[Hg]' },
    },
    {
      code: { coding: [{ system: LOINC, code: '8480-6', display: 'Systolic Blood Pressure' }] },
      valueQuantity: { value: 131, unit: 'mm[Hg]', system: UCUM, code: 'mm[Hg]' },
    },
  ],
};

export const glucose: Observation = {
  resourceType: 'Observation',
  id: '8c1f2e3d-4b5a-4c6d-8e7f-9a0b1c2d3e41',
  status: 'final',
  category: [
    { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
  ],
  code: { coding: [{ system: LOINC, code: '2339-0', display: 'Glucose' }], text: 'Glucose' },
  subject: { reference: REF.patient },
  encounter: { reference: REF.encounter },
  effectiveDateTime: '2019-05-02T09:12:00+00:00',
  issued: '2019-05-02T09:12:00.714+00:00',
  valueQuantity: { value: 7.4, unit: 'mmol/L', system: UCUM, code: 'mmol/L' },
  interpretation: [
    { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'H' }] },
  ],
  referenceRange: [{ low: { value: 3.9, unit: 'mmol/L', system: UCUM, code: 'mmol/L' }, high: { value: 6.1 } }],
};

export const smokingStatus: Observation = {
  resourceType: 'Observation',
  id: '8c1f2e3d-4b5a-4c6d-8e7f-9a0b1c2d3e42',
  status: 'final',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
  code: { coding: [{ system: LOINC, code: '72166-2', display: 'Tobacco smoking status' }] },
  subject: { reference: REF.patient },
  effectiveDateTime: '2019-05-02T09:12:00+00:00',
  valueCodeableConcept: { coding: [{ system: SNOMED, code: '266919005', display: 'Never smoked tobacco (finding)' }] },
};

export const condition: Condition = {
  resourceType: 'Condition',
  id: '5f0a8f1e-6c2b-4d1a-9b8e-2f4c7d3a1b05',
  clinicalStatus: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
  },
  verificationStatus: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
  },
  category: [
    {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }],
    },
  ],
  code: {
    coding: [{ system: SNOMED, code: '44054006', display: 'Diabetes mellitus type 2 (disorder)' }],
    text: 'Diabetes',
  },
  subject: { reference: REF.patient },
  encounter: { reference: REF.encounter },
  onsetDateTime: '2012-11-20T09:12:00+00:00',
  recordedDate: '2012-11-20T09:12:00+00:00',
};

export const procedure: Procedure = {
  resourceType: 'Procedure',
  id: '8c1f2e3d-4b5a-4c6d-8e7f-9a0b1c2d3e43',
  status: 'completed',
  code: { coding: [{ system: SNOMED, code: '430193006', display: 'Medication Reconciliation (procedure)' }] },
  subject: { reference: REF.patient },
  encounter: { reference: REF.encounter },
  performedPeriod: { start: '2019-05-02T09:12:00+00:00', end: '2019-05-02T09:27:00+00:00' },
  reasonReference: [{ reference: REF.condition, display: 'Diabetes' }],
};

export const medicationRequest: MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: '5f0a8f1e-6c2b-4d1a-9b8e-2f4c7d3a1b07',
  status: 'active',
  intent: 'order',
  medicationCodeableConcept: {
    coding: [
      { system: RXNORM, code: '860975', display: '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet' },
    ],
    text: '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet',
  },
  subject: { reference: REF.patient },
  encounter: { reference: REF.encounter },
  authoredOn: '2019-05-02T09:12:00+00:00',
  requester: { reference: REF.practitioner, display: 'Dr. Ada Okafor' },
  reasonReference: [{ reference: REF.condition }],
  dosageInstruction: [
    {
      sequence: 1,
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
      asNeededBoolean: false,
      doseAndRate: [
        {
          type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/dose-rate-type', code: 'ordered' }] },
          doseQuantity: { value: 1 },
        },
      ],
    },
  ],
};

export const medicationStatement: MedicationStatement = {
  resourceType: 'MedicationStatement',
  id: '8c1f2e3d-4b5a-4c6d-8e7f-9a0b1c2d3e44',
  status: 'active',
  medicationCodeableConcept: { coding: [{ system: RXNORM, code: '314076', display: 'lisinopril 10 MG Oral Tablet' }] },
  subject: { reference: REF.patient },
  effectivePeriod: { start: '2016-01-10T09:12:00+00:00' },
  dateAsserted: '2019-05-02T09:12:00+00:00',
  informationSource: { reference: REF.patient },
  dosage: [{ text: '10 mg once daily', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } }],
};

export const allergy: AllergyIntolerance = {
  resourceType: 'AllergyIntolerance',
  id: '8c1f2e3d-4b5a-4c6d-8e7f-9a0b1c2d3e45',
  clinicalStatus: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }],
  },
  verificationStatus: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }],
  },
  type: 'allergy',
  category: ['food'],
  criticality: 'low',
  code: { coding: [{ system: SNOMED, code: '91935009', display: 'Allergy to peanuts' }], text: 'Allergy to peanuts' },
  patient: { reference: REF.patient },
  recordedDate: '1975-06-01T09:12:00+00:00',
  reaction: [
    {
      manifestation: [{ coding: [{ system: SNOMED, code: '247472004', display: 'Wheal (finding)' }] }],
      severity: 'mild',
    },
  ],
};

export const immunization: Immunization = {
  resourceType: 'Immunization',
  id: '8c1f2e3d-4b5a-4c6d-8e7f-9a0b1c2d3e46',
  status: 'completed',
  vaccineCode: {
    coding: [
      {
        system: 'http://hl7.org/fhir/sid/cvx',
        code: '140',
        display: 'Influenza, seasonal, injectable, preservative free',
      },
    ],
  },
  patient: { reference: REF.patient },
  encounter: { reference: REF.encounter },
  occurrenceDateTime: '2019-05-02T09:12:00+00:00',
  primarySource: true,
};
