import type {
  CarePlan,
  Composition,
  DetectedIssue,
  DiagnosticReport,
  Flag,
  Goal,
  ImagingStudy,
  RiskAssessment,
} from '@medplum/fhirtypes';
import { LOINC, REF, SNOMED } from './validator-fixtures-people';

/* Reports and conclusions, shaped as Synthea and CareLoop's engines write them (see validator-fixtures-people.ts). */

export const diagnosticReport: DiagnosticReport = {
  resourceType: 'DiagnosticReport',
  id: '9d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e501',
  status: 'final',
  category: [
    { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB', display: 'Laboratory' }] },
  ],
  code: { coding: [{ system: LOINC, code: '51990-0', display: 'Basic metabolic panel - Blood' }] },
  subject: { reference: REF.patient },
  encounter: { reference: REF.encounter },
  effectiveDateTime: '2019-05-02T09:12:00+00:00',
  issued: '2019-05-02T09:12:00.714+00:00',
  performer: [{ reference: REF.organization }],
  result: [{ reference: REF.observation, display: 'Glucose' }],
  presentedForm: [{ contentType: 'text/plain', data: 'R2x1Y29zZSA3LjQgbW1vbC9M' }],
};

export const composition: Composition = {
  resourceType: 'Composition',
  id: '9d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e502',
  status: 'preliminary',
  type: { coding: [{ system: LOINC, code: '11506-3', display: 'Progress note' }] },
  subject: { reference: REF.patient },
  encounter: { reference: REF.encounter },
  date: '2019-05-02T09:30:00+00:00',
  author: [{ reference: 'Device/careloop-checkup-engine' }],
  title: 'Checkup interpretation',
  confidentiality: 'N',
  section: [
    {
      title: 'Findings',
      code: { coding: [{ system: LOINC, code: '59776-5', display: 'Procedure findings Narrative' }] },
      text: {
        status: 'generated',
        div: '<div xmlns="http://www.w3.org/1999/xhtml">Fasting glucose above range.</div>',
      },
      entry: [{ reference: REF.observation }],
    },
  ],
};

export const riskAssessment: RiskAssessment = {
  resourceType: 'RiskAssessment',
  id: '9d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e503',
  status: 'preliminary',
  method: {
    coding: [{ system: 'https://careloop.example/score', code: 'pce-ascvd-10y' }],
    text: 'Pooled Cohort Equations',
  },
  code: { coding: [{ system: SNOMED, code: '441829007', display: 'Assessment for risk of cardiovascular disease' }] },
  subject: { reference: REF.patient },
  occurrenceDateTime: '2019-05-02T09:30:00+00:00',
  basis: [{ reference: REF.observation }, { reference: REF.condition }],
  prediction: [
    {
      outcome: { text: 'Atherosclerotic cardiovascular disease within 10 years' },
      probabilityDecimal: 12.4,
      qualitativeRisk: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/risk-probability', code: 'moderate' }],
      },
      whenRange: { high: { value: 10, unit: 'a', system: 'http://unitsofmeasure.org', code: 'a' } },
    },
  ],
};

export const detectedIssue: DetectedIssue = {
  resourceType: 'DetectedIssue',
  id: '9d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e504',
  status: 'preliminary',
  code: {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'DRG', display: 'Drug Interaction Alert' },
    ],
  },
  severity: 'moderate',
  patient: { reference: REF.patient },
  identifiedDateTime: '2019-05-02T09:30:00+00:00',
  implicated: [{ reference: REF.medicationRequest }],
  evidence: [{ detail: [{ reference: REF.observation }] }],
  detail: 'Metformin with eGFR below 45 mL/min/1.73m2: review dose.',
};

export const flag: Flag = {
  resourceType: 'Flag',
  id: '9d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e505',
  status: 'active',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'clinical' }] }],
  code: { text: 'Fasting glucose above target' },
  subject: { reference: REF.patient },
  period: { start: '2019-05-02T09:30:00+00:00' },
  encounter: { reference: REF.encounter },
};

export const imagingStudy: ImagingStudy = {
  resourceType: 'ImagingStudy',
  id: '9d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e506',
  identifier: [
    { use: 'official', system: 'urn:ietf:rfc:3986', value: 'urn:oid:1.2.840.99999999.1.1.82910476.1556789520714' },
  ],
  status: 'available',
  subject: { reference: REF.patient },
  encounter: { reference: REF.encounter },
  started: '2019-05-02T09:12:00+00:00',
  numberOfSeries: 1,
  numberOfInstances: 1,
  procedureCode: [{ coding: [{ system: SNOMED, code: '399208008', display: 'Plain chest X-ray (procedure)' }] }],
  series: [
    {
      uid: '1.2.840.99999999.1.24938375.1556789520714',
      number: 1,
      modality: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'DX', display: 'Digital Radiography' },
      numberOfInstances: 1,
      bodySite: { system: SNOMED, code: '51185008', display: 'Thoracic structure (body structure)' },
      started: '2019-05-02T09:12:00+00:00',
      instance: [
        {
          uid: '1.2.840.99999999.1.1.74125349.1556789520714',
          sopClass: { system: 'urn:ietf:rfc:3986', code: 'urn:oid:1.2.840.10008.5.1.4.1.1.1.1' },
          number: 1,
          title: 'Digital X-Ray Image Storage',
        },
      ],
    },
  ],
};

export const goal: Goal = {
  resourceType: 'Goal',
  id: '5f0a8f1e-6c2b-4d1a-9b8e-2f4c7d3a1b10',
  lifecycleStatus: 'active',
  achievementStatus: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', code: 'in-progress' }],
  },
  description: { text: 'Hemoglobin A1c total in Blood in range' },
  subject: { reference: REF.patient },
  target: [
    {
      measure: { coding: [{ system: LOINC, code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' }] },
      detailQuantity: { value: 7, comparator: '<', unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
      dueDate: '2019-11-02',
    },
  ],
  addresses: [{ reference: REF.condition }],
};

export const carePlan: CarePlan = {
  resourceType: 'CarePlan',
  id: '9d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e507',
  text: {
    status: 'generated',
    div: '<div xmlns="http://www.w3.org/1999/xhtml">Care Plan for Diabetes self management plan.</div>',
  },
  status: 'active',
  intent: 'order',
  category: [
    { coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category', code: 'assess-plan' }] },
    {
      coding: [{ system: SNOMED, code: '698360004', display: 'Diabetes self management plan' }],
      text: 'Diabetes self management plan',
    },
  ],
  subject: { reference: REF.patient },
  encounter: { reference: REF.encounter },
  period: { start: '2012-11-20T09:12:00+00:00' },
  careTeam: [{ reference: REF.careTeam }],
  addresses: [{ reference: REF.condition }],
  goal: [{ reference: REF.goal }],
  activity: [
    {
      detail: {
        code: { coding: [{ system: SNOMED, code: '160670007', display: 'Diabetic diet' }], text: 'Diabetic diet' },
        status: 'in-progress',
        location: { display: 'HARBOR COMMUNITY HEALTH CENTER' },
      },
    },
    {
      detail: {
        code: { coding: [{ system: SNOMED, code: '229065009', display: 'Exercise therapy' }] },
        status: 'in-progress',
        scheduledTiming: { repeat: { frequency: 3, period: 1, periodUnit: 'wk' } },
      },
    },
  ],
};
