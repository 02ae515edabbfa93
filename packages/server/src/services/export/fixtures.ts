import type { DiagnosticReport, Encounter, Observation, Patient, Resource } from '@medplum/fhirtypes';

/**
 * A realistic small record for de-identification tests: a Chinese patient with a resident identity card number,
 * an address and a phone, an encounter, an observation with a note and a report with a PDF and a conclusion.
 */
export const DEID_PATIENT: Patient = {
  resourceType: 'Patient',
  id: 'pat-zhang-001',
  meta: { source: 'http://his.hospital-a.cn/patients/pat-zhang-001', lastUpdated: '2025-06-03T08:15:00.000Z' },
  text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">张伟 110101195703071234</div>' },
  identifier: [
    {
      use: 'official',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'NI' }], text: '居民身份证号' },
      system: 'urn:oid:2.16.156.10011.1.3',
      value: '110101195703071234',
    },
    { use: 'usual', system: 'https://hospital-a.cn/mrn', value: 'MR00042137' },
  ],
  name: [
    { use: 'official', text: '张伟', family: '张', given: ['伟'] },
    { use: 'usual', family: 'Zhang', given: ['Wei'] },
  ],
  telecom: [
    { system: 'phone', value: '13812345678', use: 'mobile' },
    { system: 'email', value: 'zhangwei@example.cn' },
  ],
  gender: 'male',
  birthDate: '1957-03-07',
  address: [
    {
      use: 'home',
      text: '北京市东城区东华门街道王府井大街88号',
      line: ['王府井大街88号'],
      district: '东城区',
      city: '北京市',
      state: '北京市',
      postalCode: '100006',
      country: 'CN',
    },
  ],
  photo: [{ contentType: 'image/jpeg', data: 'AAAA' }],
  contact: [{ name: { text: '李娜' }, telecom: [{ system: 'phone', value: '13900001111' }] }],
  generalPractitioner: [{ reference: 'Practitioner/dr-wang-17', display: '王医生' }],
  managingOrganization: { reference: 'Organization/hospital-a', display: '北京协和医院' },
};

export const DEID_ENCOUNTER: Encounter = {
  resourceType: 'Encounter',
  id: 'enc-20250603',
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
  subject: { reference: 'Patient/pat-zhang-001', display: '张伟' },
  period: { start: '2025-06-03T08:30:00+08:00', end: '2025-06-03T11:45:00+08:00' },
  reasonCode: [{ text: '张伟的妻子李娜说他最近头晕' }],
};

export const DEID_OBSERVATION: Observation = {
  resourceType: 'Observation',
  id: 'obs-glucose-1',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '1558-6', display: 'Fasting glucose' }], text: '空腹血糖' },
  subject: { reference: 'Patient/pat-zhang-001' },
  encounter: { reference: 'Encounter/enc-20250603' },
  effectiveDateTime: '2025-06-03T08:40:00+08:00',
  issued: '2025-06-04T02:00:00.000Z',
  valueQuantity: { value: 7.8, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
  note: [{ authorString: '王医生', time: '2025-06-04T09:00:00+08:00', text: '患者张伟电话13812345678，复查' }],
};

export const DEID_REPORT: DiagnosticReport = {
  resourceType: 'DiagnosticReport',
  id: 'rep-checkup-9',
  identifier: [{ system: 'https://hospital-a.cn/report', value: 'RPT-2025-000917' }],
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '11502-2' }] },
  subject: { reference: 'http://his.hospital-a.cn/fhir/Patient/pat-zhang-001' },
  encounter: { reference: 'Encounter/enc-20250603' },
  effectiveDateTime: '2025-06-03',
  issued: '2025-06-05T10:00:00+08:00',
  performer: [{ reference: 'Practitioner/dr-wang-17', display: '王建国 主任医师' }],
  result: [{ reference: 'Observation/obs-glucose-1' }],
  conclusion: '张伟（身份证110101195703071234）空腹血糖升高，住址王府井大街88号',
  conclusionCode: [{ coding: [{ system: 'http://snomed.info/sct', code: '444780001' }] }],
  presentedForm: [{ contentType: 'application/pdf', data: 'JVBERi0xLjQK', title: '张伟体检报告.pdf' }],
};

export const DEID_RECORD: readonly Resource[] = [DEID_PATIENT, DEID_ENCOUNTER, DEID_OBSERVATION, DEID_REPORT];

/** Strings of the record that must not appear in a de-identified export. */
export const DEID_FORBIDDEN: readonly string[] = [
  'pat-zhang-001',
  '110101195703071234',
  'MR00042137',
  'RPT-2025-000917',
  '张伟',
  'Zhang',
  'Wei',
  '李娜',
  '王医生',
  '王建国',
  '13812345678',
  '13900001111',
  'zhangwei@example.cn',
  '王府井',
  '东城区',
  '100006',
  '北京协和医院',
  'hospital-a',
  'dr-wang-17',
  'enc-20250603',
  'obs-glucose-1',
  'rep-checkup-9',
  '1957-03-07',
  '2025-06-03',
  '2025-06-04',
  '2025-06-05',
  'JVBERi0xLjQK',
  'AAAA',
];
