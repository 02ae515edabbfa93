import type { Resource } from '@medplum/fhirtypes';

/**
 * A small clinic, written by hand the way real systems code their data (LOINC, UCUM, SNOMED CT, ICD-10, RxNorm),
 * with fixed ids so search tests can name what they expect. Two patients: Zhang Wei (张伟) and Anna Müller.
 */
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const SNOMED = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const MRN = 'urn:careloop:test:mrn';

const quantity = (value: number, code: string) => ({ value, unit: code, system: UCUM, code });
const loinc = (code: string, display: string) => ({ coding: [{ system: LOINC, code, display }], text: display });

export function clinicFixture(): Resource[] {
  return [
    {
      resourceType: 'Organization',
      id: 'org1',
      name: 'Sunrise Community Clinic',
      identifier: [{ system: 'urn:careloop:test:org', value: 'SCC' }],
    },
    {
      resourceType: 'Practitioner',
      id: 'dr1',
      name: [{ family: 'Li', given: ['Na'], prefix: ['Dr'] }],
      identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '9999999999' }],
    },
    {
      resourceType: 'Patient',
      id: 'p1',
      identifier: [{ system: MRN, value: 'A001' }],
      name: [{ family: 'Zhang', given: ['Wei'] }, { text: '张伟' }],
      gender: 'male',
      birthDate: '1968-04-12',
      address: [{ city: 'Hangzhou', state: 'Zhejiang', country: 'CN' }],
      managingOrganization: { reference: 'Organization/org1' },
      generalPractitioner: [{ reference: 'Practitioner/dr1' }],
    },
    {
      resourceType: 'Patient',
      id: 'p2',
      identifier: [{ system: MRN, value: 'A002' }],
      name: [{ family: 'Müller', given: ['Anna', 'Maria'] }],
      gender: 'female',
      birthDate: '1985-11',
      address: [{ city: 'Boston', state: 'MA', country: 'US' }],
      managingOrganization: { reference: 'Organization/org1' },
    },
    {
      resourceType: 'Encounter',
      id: 'e1',
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      type: [{ coding: [{ system: SNOMED, code: '268565007', display: 'Adult health examination' }] }],
      subject: { reference: 'Patient/p1' },
      period: { start: '2024-03-01T08:00:00+08:00', end: '2024-03-01T10:00:00+08:00' },
      serviceProvider: { reference: 'Organization/org1' },
    },
    {
      resourceType: 'Observation',
      id: 'chol-p1',
      status: 'final',
      category: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
      ],
      code: loinc('14647-2', 'Cholesterol [Moles/volume] in Serum or Plasma'),
      subject: { reference: 'Patient/p1' },
      encounter: { reference: 'Encounter/e1' },
      effectiveDateTime: '2024-03-01T08:30:00+08:00',
      valueQuantity: quantity(6.2, 'mmol/L'),
    },
    {
      resourceType: 'Observation',
      id: 'chol-p2',
      status: 'final',
      category: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
      ],
      code: loinc('2093-3', 'Cholesterol [Mass/volume] in Serum or Plasma'),
      subject: { reference: 'Patient/p2' },
      effectiveDateTime: '2023-06-15',
      valueQuantity: quantity(180, 'mg/dL'),
    },
    {
      resourceType: 'Observation',
      id: 'bp-p1',
      status: 'final',
      category: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] },
      ],
      code: loinc('85354-9', 'Blood pressure panel with all children optional'),
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2024-03-01T08:10:00+08:00',
      component: [
        { code: loinc('8480-6', 'Systolic blood pressure'), valueQuantity: quantity(152, 'mm[Hg]') },
        { code: loinc('8462-4', 'Diastolic blood pressure'), valueQuantity: quantity(96, 'mm[Hg]') },
      ],
    },
    {
      resourceType: 'Observation',
      id: 'weight-p1',
      status: 'amended',
      code: loinc('29463-7', 'Body weight'),
      subject: { reference: 'Patient/p1' },
      effectivePeriod: { start: '2024-01-01', end: '2024-01-31' },
      valueQuantity: quantity(72500, 'g'),
    },
    {
      resourceType: 'Condition',
      id: 'htn-p1',
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      code: {
        coding: [
          { system: ICD10, code: 'I10', display: 'Essential (primary) hypertension' },
          { system: SNOMED, code: '38341003', display: 'Hypertensive disorder' },
        ],
      },
      subject: { reference: 'Patient/p1' },
      onsetDateTime: '2019-05-20',
    },
    {
      resourceType: 'Procedure',
      id: 'proc1',
      status: 'completed',
      code: { coding: [{ system: SNOMED, code: '73761001', display: 'Colonoscopy' }] },
      subject: { reference: 'Patient/p2' },
      performedDateTime: '2022-09-01',
    },
    {
      resourceType: 'MedicationRequest',
      id: 'mr1',
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: {
        coding: [{ system: RXNORM, code: '197361', display: 'Amlodipine 5 MG Oral Tablet' }],
      },
      subject: { reference: 'Patient/p1' },
      authoredOn: '2024-03-01',
      requester: { reference: 'Practitioner/dr1' },
    },
    {
      resourceType: 'MedicationStatement',
      id: 'ms1',
      status: 'active',
      medicationCodeableConcept: { coding: [{ system: RXNORM, code: '860975', display: 'Metformin 500 MG' }] },
      subject: { reference: 'Patient/p2' },
      effectiveDateTime: '2023-01-01',
    },
    {
      resourceType: 'AllergyIntolerance',
      id: 'al1',
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }],
      },
      code: { coding: [{ system: SNOMED, code: '764146007', display: 'Penicillin' }] },
      patient: { reference: 'Patient/p2' },
      criticality: 'high',
    },
    {
      resourceType: 'Immunization',
      id: 'im1',
      status: 'completed',
      vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '140', display: 'Influenza, seasonal' }] },
      patient: { reference: 'Patient/p1' },
      occurrenceDateTime: '2023-10-10',
    },
    {
      resourceType: 'DiagnosticReport',
      id: 'dr-p1',
      status: 'preliminary',
      code: loinc('11502-2', 'Laboratory report'),
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2024-03-01',
      result: [{ reference: 'Observation/chol-p1' }],
    },
    {
      resourceType: 'Composition',
      id: 'comp1',
      status: 'preliminary',
      type: loinc('11502-2', 'Laboratory report'),
      subject: { reference: 'Patient/p1' },
      date: '2024-03-02',
      author: [{ reference: 'Device/engine1' }],
      title: 'Checkup report',
    },
    {
      resourceType: 'RiskAssessment',
      id: 'ra1',
      status: 'preliminary',
      subject: { reference: 'Patient/p1' },
      occurrenceDateTime: '2024-03-02',
      method: { coding: [{ system: 'urn:careloop:score', code: 'china-par-ascvd-10y' }] },
      prediction: [{ probabilityDecimal: 0.12 }],
      basis: [{ reference: 'Observation/chol-p1' }],
    },
    {
      resourceType: 'DetectedIssue',
      id: 'di1',
      status: 'preliminary',
      severity: 'high',
      code: { coding: [{ system: 'urn:careloop:finding', code: 'hypertension-grade-2' }] },
      patient: { reference: 'Patient/p1' },
      identifiedDateTime: '2024-03-02',
      implicated: [{ reference: 'Observation/bp-p1' }],
    },
    {
      resourceType: 'Flag',
      id: 'flag1',
      status: 'active',
      code: { text: 'Fall risk' },
      subject: { reference: 'Patient/p2' },
      period: { start: '2024-01-01' },
    },
    {
      resourceType: 'CarePlan',
      id: 'cp1',
      status: 'active',
      intent: 'plan',
      subject: { reference: 'Patient/p1' },
      period: { start: '2024-03-02', end: '2025-03-02' },
      category: [{ coding: [{ system: SNOMED, code: '736376001', display: 'Hypertension care plan' }] }],
    },
    {
      resourceType: 'Task',
      id: 'task1',
      status: 'requested',
      intent: 'order',
      for: { reference: 'Patient/p1' },
      authoredOn: '2024-03-02',
      focus: { reference: 'CarePlan/cp1' },
      code: { text: 'Follow-up BP check in 4 weeks' },
    },
    {
      resourceType: 'Device',
      id: 'engine1',
      deviceName: [{ name: 'CareLoop checkup engine', type: 'manufacturer-name' }],
      version: [{ value: '0.1.0' }],
    },
    {
      resourceType: 'Provenance',
      id: 'prov1',
      target: [{ reference: 'DiagnosticReport/dr-p1' }],
      recorded: '2024-03-02T09:00:00Z',
      agent: [{ who: { reference: 'Device/engine1' } }],
    },
    {
      resourceType: 'AuditEvent',
      id: 'audit1',
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest' },
      action: 'R',
      recorded: '2024-03-02T09:05:00Z',
      agent: [{ who: { reference: 'Practitioner/dr1' }, requestor: true }],
      source: { observer: { reference: 'Device/engine1' } },
      entity: [{ what: { reference: 'Patient/p1' } }],
    },
    {
      resourceType: 'Consent',
      id: 'consent1',
      status: 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
      category: [{ coding: [{ system: LOINC, code: '59284-0', display: 'Patient Consent' }] }],
      patient: { reference: 'Patient/p2' },
      dateTime: '2024-01-05',
      policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTOUT' }] },
    },
  ] as Resource[];
}
