import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { scoreFromRecord } from './score-from-record';
import { SCORE_SYSTEM } from './risk-assessment';
import {
  ATC,
  ICD10CM,
  PATIENT_ID,
  RXNORM,
  SNOMED,
  bpPanel,
  condition,
  lab,
  medicationRequest,
  medicationStatement,
  patient,
  quantity,
  smokingStatus,
} from './test-resources';

const AS_OF = '2020-06-30';
const GOFF_APPENDIX =
  'Goff 2014 (2013 ACC/AHA risk guideline) Appendix 7 worked example: 55 y, TC 213, HDL 50, SBP 120';
const NKF_ADMIRAL = 'NKF CKD-EPI 2021 calculator output recorded in pharmaverse/admiral tests/test-compute_kidney.R';

const tc = (id: string, date: string, mgdl: number, status?: 'preliminary') =>
  lab({
    id,
    loinc: '2093-3',
    display: 'Cholesterol [Mass/volume] in Serum or Plasma',
    date,
    value: quantity(mgdl, 'mg/dL'),
    status,
  });
const hdl = (id: string, date: string, mgdl: number, subject?: string) =>
  lab({
    id,
    loinc: '2085-9',
    display: 'Cholesterol in HDL [Mass/volume] in Serum or Plasma',
    date,
    value: quantity(mgdl, 'mg/dL'),
    subject,
  });
const a1c = (id: string, date: string, pct: number) =>
  lab({ id, loinc: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood', date, value: quantity(pct, '%') });
const never = smokingStatus({
  id: 'smk-1',
  date: '2020-06-15',
  system: SNOMED,
  code: '266919005',
  display: 'Never smoked tobacco (finding)',
});
const acetaminophen = medicationRequest({
  id: 'med-apap',
  system: RXNORM,
  code: '313782',
  display: 'Acetaminophen 325 MG Oral Tablet',
  authoredOn: '2020-02-01',
});

/** Synthea-style record of a 55-year-old: the appendix's figures, plus values that must NOT be used. */
function record(gender: 'male' | 'female', omb: readonly string[] = ['2106-3']): Resource[] {
  return [
    patient({ birthDate: '1965-03-15', gender, omb }),
    tc('chol-old', '2019-12-01T09:00:00-05:00', 240), // in the look-back but not the latest
    tc('chol-1', '2020-06-01T09:12:45-04:00', 213),
    tc('chol-prelim', '2020-06-20T10:00:00-04:00', 300, 'preliminary'), // newer but not final
    tc('chol-future', '2020-07-15T10:00:00-04:00', 180), // after asOf
    hdl('hdl-1', '2020-06-01T09:12:45-04:00', 50),
    hdl('hdl-other', '2020-06-10T09:00:00-04:00', 30, 'urn:uuid:someone-else'), // another patient's
    bpPanel({ id: 'bp-old', date: '2019-11-01T10:00:00-05:00', systolic: 150, diastolic: 95 }),
    bpPanel({ id: 'bp-1', date: '2020-06-15T10:00:00-04:00', systolic: 120, diastolic: 78 }),
    never,
    a1c('a1c-1', '2020-06-01T09:12:45-04:00', 5.4),
    condition({
      id: 'cond-prediabetes',
      system: SNOMED,
      code: '15777000',
      display: 'Prediabetes',
      onset: '2018-01-01',
    }),
    acetaminophen,
  ];
}
const EXPECTED_BASIS = [
  'Patient/' + PATIENT_ID,
  'Observation/chol-1',
  'Observation/hdl-1',
  'Observation/bp-1',
  'Observation/smk-1',
  'Observation/a1c-1',
];
const refs = (r: { used: readonly { reference?: string }[] }) => r.used.map((u) => u.reference).sort();
const inputOf = (r: ReturnType<typeof scoreFromRecord>, input: string) => r.derivations.find((d) => d.input === input);

describe('scoreFromRecord: Pooled Cohort Equations from a Synthea-style record', () => {
  it.each([
    { gender: 'female', omb: ['2106-3'], expected: 2.1, tol: 0.05, category: 'low', source: GOFF_APPENDIX },
    { gender: 'female', omb: ['2054-5'], expected: 3.0, tol: 0.05, category: 'low', source: GOFF_APPENDIX },
    // The appendix sums terms rounded to two decimals; its white-man figure is 0.1 below the unrounded equation.
    { gender: 'male', omb: ['2106-3'], expected: 5.3, tol: 0.1, category: 'borderline', source: GOFF_APPENDIX },
    { gender: 'male', omb: ['2054-5'], expected: 6.1, tol: 0.05, category: 'borderline', source: GOFF_APPENDIX },
  ] as const)('$gender OMB $omb → $expected% ($source)', ({ gender, omb, expected, tol, category }) => {
    const r = scoreFromRecord('pce-ascvd-10y', record(gender, omb), { asOf: AS_OF });
    expect(r.missing).toEqual([]);
    if (!r.result?.applicable) throw new Error('expected a value');
    expect(Math.abs(r.result.value - expected)).toBeLessThanOrEqual(tol + 1e-9);
    expect(r.result.category).toBe(category);
    expect(r.result.inputs).toMatchObject({
      age: 55,
      totalCholesterol: 213,
      hdl: 50,
      systolicBP: 120,
      smoker: false,
      diabetic: false,
      bpTreated: false,
    });
  });

  it('basis lists exactly the resources used: not older, preliminary, later or other patients’ values', () => {
    const r = scoreFromRecord('pce-ascvd-10y', record('female'), { asOf: AS_OF });
    expect(refs(r)).toEqual([...EXPECTED_BASIS].sort());
    expect(r.riskAssessment?.basis?.map((b) => b.reference).sort()).toEqual([...EXPECTED_BASIS].sort());
  });

  it('returns a preliminary RiskAssessment for the patient, with method, prediction, notes and source', () => {
    const ra = scoreFromRecord('pce-ascvd-10y', record('female'), { asOf: AS_OF }).riskAssessment;
    expect(ra).toMatchObject({
      resourceType: 'RiskAssessment',
      status: 'preliminary',
      subject: { reference: `Patient/${PATIENT_ID}` },
      occurrenceDateTime: AS_OF,
      method: { coding: [{ system: SCORE_SYSTEM, code: 'pce-ascvd-10y' }] },
    });
    const p = ra?.prediction?.[0];
    expect(p?.probabilityDecimal).toBeCloseTo(0.021, 10);
    expect(p?.qualitativeRisk?.coding?.[0]?.code).toBe('low');
    expect(p?.qualitativeRisk?.text).toBeTruthy();
    expect(ra?.note?.map((n) => n.text).join('\n')).toMatch(/bpTreated/);
    expect(ra?.note?.length).toBe(3); // zh-CN and en interpretation, then what was taken as absent
    expect(ra?.extension?.some((e) => e.valueString?.includes('Goff'))).toBe(true);
  });

  it('reads a Chinese laboratory in mmol/L with race given by the caller (other → white equations, Goff 2014)', () => {
    const resources: Resource[] = [
      patient({ birthDate: '1965-03-15', gender: 'female' }),
      lab({
        id: 'tc-cn',
        loinc: '14647-2',
        display: '总胆固醇',
        date: '2020-06-28T08:00:00+08:00',
        value: quantity(5.51, 'mmol/L'),
      }),
      lab({
        id: 'hdl-cn',
        loinc: '14646-4',
        display: '高密度脂蛋白胆固醇',
        date: '2020-06-28T08:00:00+08:00',
        value: quantity(1.29, 'mmol/L'),
      }),
      lab({
        id: 'sbp-cn',
        loinc: '8480-6',
        display: '收缩压',
        date: '2020-06-28T08:00:00+08:00',
        value: quantity(120, 'mmHg', 'mm[Hg]'),
      }),
      smokingStatus({
        id: 'smk-cn',
        date: '2020-06-28',
        system: 'http://loinc.org',
        code: 'LA18978-9',
        display: 'Never smoker',
      }),
      lab({
        id: 'glu-cn',
        loinc: '14771-0',
        display: '空腹血糖',
        date: '2020-06-28T08:00:00+08:00',
        value: quantity(5.1, 'mmol/L'),
      }),
    ];
    const r = scoreFromRecord('pce-ascvd-10y', resources, { asOf: AS_OF, extraInputs: { race: 'other' } });
    expect(r.result).toMatchObject({ applicable: true, value: 2.1, category: 'low' }); // GOFF_APPENDIX white woman
    expect(inputOf(r, 'diabetic')?.basis).toEqual([{ reference: 'Observation/glu-cn' }]);
  });

  it('reports a missing HDL as missing, computes nothing and makes no RiskAssessment', () => {
    const r = scoreFromRecord(
      'pce-ascvd-10y',
      record('female').filter((x) => x.id !== 'hdl-1'),
      { asOf: AS_OF },
    );
    expect(r.result).toBeUndefined();
    expect(r.riskAssessment).toBeUndefined();
    expect(r.missing).toEqual([
      { input: 'hdl', reason: expect.stringMatching(/no final Observation coded LOINC 2085-9 or 14646-4/) },
    ]);
  });

  it('does not use a value outside the look-back, unless the look-back is widened', () => {
    const stale = record('female').map((x) => (x.id === 'hdl-1' ? hdl('hdl-1', '2019-05-01', 50) : x));
    const r = scoreFromRecord('pce-ascvd-10y', stale, { asOf: AS_OF });
    expect(r.missing).toEqual([
      { input: 'hdl', reason: expect.stringMatching(/Observation\/hdl-1.*older than the 365-day look-back/) },
    ]);
    const wider = scoreFromRecord('pce-ascvd-10y', stale, { asOf: AS_OF, lookbackDays: { hdl: 500 } });
    expect(wider.result).toMatchObject({ applicable: true, value: 2.1 });
  });

  it('uses blood pressure only within its 180-day look-back', () => {
    const old = record('female').filter((x) => x.id !== 'bp-1');
    const r = scoreFromRecord('pce-ascvd-10y', old, { asOf: AS_OF });
    expect(r.missing).toEqual([
      { input: 'systolicBP', reason: expect.stringMatching(/Observation\/bp-old.*older than the 180-day look-back/) },
    ]);
  });

  it('lists race as missing when the record has no race and the caller gave none', () => {
    const r = scoreFromRecord('pce-ascvd-10y', record('female', []), { asOf: AS_OF });
    expect(r.missing).toEqual([{ input: 'race', reason: expect.stringMatching(/no US Core race/) }]);
  });

  it('treats an implausible recorded value as unusable, naming the Observation', () => {
    const bad = [...record('female'), bpPanel({ id: 'bp-bad', date: '2020-06-29', systolic: 20, diastolic: 10 })];
    const r = scoreFromRecord('pce-ascvd-10y', bad, { asOf: AS_OF });
    expect(r.result).toBeUndefined();
    expect(r.missing).toEqual([
      { input: 'systolicBP', reason: expect.stringMatching(/Observation\/bp-bad.*plausible/) },
    ]);
  });

  it('leaves sex missing for Patient.gender "other"', () => {
    const r = scoreFromRecord(
      'pce-ascvd-10y',
      [patient({ birthDate: '1965-03-15', gender: 'other', omb: ['2106-3'] }), ...record('female').slice(1)],
      { asOf: AS_OF },
    );
    expect(r.missing).toEqual([{ input: 'sex', reason: expect.stringMatching(/"other"/) }]);
  });
});

const smoking = (id: string, date: string, system: string, code: string) =>
  smokingStatus({ id, date, system, code, display: code });

describe('scoreFromRecord: smoking status (LOINC 72166-2; US Core SNOMED CT codes, LOINC LL2201-3 answers)', () => {
  it.each([
    { system: SNOMED, code: '449868002', expected: true, source: 'US Core: Current every day smoker' },
    { system: SNOMED, code: '428041000124106', expected: true, source: 'US Core: Current some day smoker' },
    { system: SNOMED, code: '77176002', expected: true, source: 'US Core: Smoker, current status unknown' },
    { system: 'http://loinc.org', code: 'LA18976-3', expected: true, source: 'LL2201-3: Current every day smoker' },
    { system: SNOMED, code: '8517006', expected: false, source: 'US Core: Former smoker' },
    { system: 'http://loinc.org', code: 'LA18978-9', expected: false, source: 'LL2201-3: Never smoker' },
    { system: SNOMED, code: '266927001', expected: undefined, source: 'US Core: Unknown if ever smoked → missing' },
  ])('$code → $expected ($source)', ({ system, code, expected }) => {
    const resources = [
      ...record('female').filter((x) => x.id !== 'smk-1'),
      smoking('smk-x', '2020-06-15', system, code),
    ];
    const r = scoreFromRecord('pce-ascvd-10y', resources, { asOf: AS_OF });
    if (expected === undefined)
      expect(r.missing).toEqual([{ input: 'smoker', reason: expect.stringMatching(/Unknown if ever smoked/) }]);
    else expect(inputOf(r, 'smoker')).toMatchObject({ value: expected, basis: [{ reference: 'Observation/smk-x' }] });
  });

  it('uses the most recent status: a former smoker now is not a current smoker', () => {
    const resources = [
      ...record('female').filter((x) => x.id !== 'smk-1'),
      smoking('smk-then', '2019-09-01', SNOMED, '449868002'),
      smoking('smk-now', '2020-06-01', SNOMED, '8517006'),
    ];
    const r = scoreFromRecord('pce-ascvd-10y', resources, { asOf: AS_OF });
    expect(inputOf(r, 'smoker')).toMatchObject({ value: false, basis: [{ reference: 'Observation/smk-now' }] });
  });
});

const withoutDiabetesEvidence = () => record('female').filter((x) => x.id !== 'a1c-1' && x.id !== 'cond-prediabetes');
const dmCondition = (system: string, code: string, extra: { clinical?: string; verification?: string } = {}) =>
  condition({ id: 'cond-dm', system, code, display: code, onset: '2015-04-01', ...extra });

describe('scoreFromRecord: diabetes from Conditions or HbA1c / fasting glucose (ADA Standards of Care 2024)', () => {
  it.each([
    {
      name: 'SNOMED 44054006 type 2 (Synthea)',
      add: [dmCondition(SNOMED, '44054006')],
      value: true,
      basis: ['Condition/cond-dm'],
    },
    { name: 'ICD-10-CM E11.9', add: [dmCondition(ICD10CM, 'E11.9')], value: true, basis: ['Condition/cond-dm'] },
    {
      name: 'ICD-10 (WHO) E14.9',
      add: [dmCondition('http://hl7.org/fhir/sid/icd-10', 'E14.9')],
      value: true,
      basis: ['Condition/cond-dm'],
    },
    {
      name: 'refuted diagnosis',
      add: [dmCondition(SNOMED, '44054006', { verification: 'refuted' })],
      value: false,
      basis: [],
    },
    { name: 'prediabetes 15777000 is not diabetes', add: [dmCondition(SNOMED, '15777000')], value: false, basis: [] },
    { name: 'HbA1c 6.8% ≥ 6.5%', add: [a1c('a1c-hi', '2020-05-01', 6.8)], value: true, basis: ['Observation/a1c-hi'] },
    { name: 'HbA1c 5.4% < 6.5%', add: [a1c('a1c-lo', '2020-05-01', 5.4)], value: false, basis: ['Observation/a1c-lo'] },
    {
      name: 'fasting glucose 7.4 mmol/L ≥ 7.0',
      add: [
        lab({
          id: 'fpg',
          loinc: '14771-0',
          display: 'Fasting glucose',
          date: '2020-05-01',
          value: quantity(7.4, 'mmol/L'),
        }),
      ],
      value: true,
      basis: ['Observation/fpg'],
    },
    {
      name: 'fasting glucose 130 mg/dL ≥ 126 mg/dL',
      add: [
        lab({
          id: 'fpg',
          loinc: '1558-6',
          display: 'Fasting glucose',
          date: '2020-05-01',
          value: quantity(130, 'mg/dL'),
        }),
      ],
      value: true,
      basis: ['Observation/fpg'],
    },
    {
      name: 'fasting glucose 99 mg/dL',
      add: [
        lab({
          id: 'fpg',
          loinc: '1558-6',
          display: 'Fasting glucose',
          date: '2020-05-01',
          value: quantity(99, 'mg/dL'),
        }),
      ],
      value: false,
      basis: ['Observation/fpg'],
    },
  ])('$name → $value', ({ add, value, basis }) => {
    const r = scoreFromRecord('pce-ascvd-10y', [...withoutDiabetesEvidence(), ...add], { asOf: AS_OF });
    const d = inputOf(r, 'diabetic');
    expect(d?.value).toBe(value);
    expect(d?.basis.map((b) => b.reference)).toEqual(basis);
    expect(refs(r)).toEqual(expect.arrayContaining(basis));
  });

  it('with no evidence either way, takes diabetes as absent and says so — or reports it missing when evidence is required', () => {
    const r = scoreFromRecord('pce-ascvd-10y', withoutDiabetesEvidence(), { asOf: AS_OF });
    expect(inputOf(r, 'diabetic')).toMatchObject({ value: false, assumedAbsent: true, basis: [] });
    const strict = scoreFromRecord('pce-ascvd-10y', withoutDiabetesEvidence(), { asOf: AS_OF, requireEvidence: true });
    expect(strict.missing.map((m) => m.input).sort()).toEqual(['bpTreated', 'diabetic']);
  });
});

describe('scoreFromRecord: blood-pressure treatment from medications (ATC C02/C03/C07/C08/C09, RxNorm)', () => {
  const rx = (code: string, display: string, extra: { status?: 'stopped'; authoredOn?: string } = {}) =>
    medicationRequest({
      id: 'med-x',
      system: RXNORM,
      code,
      display,
      authoredOn: extra.authoredOn ?? '2019-08-01',
      status: extra.status,
    });
  it.each([
    {
      name: 'Synthea lisinopril 10 MG (RxNorm SCD 314076)',
      add: rx('314076', 'lisinopril 10 MG Oral Tablet'),
      value: true,
    },
    { name: 'RxNorm ingredient 52175 losartan', add: rx('52175', 'losartan'), value: true },
    {
      name: 'amlodipine, stopped',
      add: rx('197361', 'amlodipine 5 MG Oral Tablet', { status: 'stopped' }),
      value: false,
    },
    {
      name: 'lisinopril ordered after asOf',
      add: rx('314076', 'lisinopril 10 MG Oral Tablet', { authoredOn: '2020-08-01' }),
      value: false,
    },
    {
      name: 'metformin (not antihypertensive)',
      add: rx('860975', '24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet'),
      value: false,
    },
    {
      name: 'ATC C09AA02 enalapril (MedicationStatement)',
      add: medicationStatement({ id: 'med-x', system: ATC, code: 'C09AA02', display: '依那普利', start: '2018-03-01' }),
      value: true,
    },
  ])('$name → $value', ({ add, value }) => {
    const r = scoreFromRecord('pce-ascvd-10y', [...record('female'), add], { asOf: AS_OF });
    const d = inputOf(r, 'bpTreated');
    expect(d?.value).toBe(value);
    expect(d?.basis).toEqual(value ? [{ reference: `${add.resourceType}/med-x` }] : []);
  });
});

describe('scoreFromRecord: other scores', () => {
  it(
    'eGFR from a creatinine in µmol/L (Chinese lab, no UCUM code): 65 y woman, 85 µmol/L → 66 G2 (' + NKF_ADMIRAL + ')',
    () => {
      const resources: Resource[] = [
        patient({ birthDate: '1955-01-20', gender: 'female' }),
        lab({
          id: 'cr-cn',
          loinc: '14682-9',
          display: '肌酐',
          date: '2020-06-20T08:00:00+08:00',
          value: { value: 85, unit: 'μmol/L' },
        }),
      ];
      const r = scoreFromRecord('ckd-epi-2021-egfr', resources, { asOf: AS_OF });
      expect(r.result).toMatchObject({ applicable: true, value: 66, category: 'G2' });
      expect(refs(r)).toEqual([`Observation/cr-cn`, `Patient/${PATIENT_ID}`]);
    },
  );

  it('CHA2DS2-VASc: history conditions count even when resolved; absent ones are taken as absent', () => {
    const resources: Resource[] = [
      patient({ birthDate: '1944-02-01', gender: 'female' }),
      condition({
        id: 'htn',
        system: SNOMED,
        code: '59621000',
        display: 'Essential hypertension',
        onset: '2001-01-01',
      }),
      condition({
        id: 'chf',
        system: SNOMED,
        code: '88805009',
        display: 'Chronic congestive heart failure',
        onset: '2015-01-01',
      }),
      condition({
        id: 'cva',
        system: SNOMED,
        code: '230690007',
        display: 'Stroke',
        onset: '2012-01-01',
        clinical: 'resolved',
      }),
      condition({
        id: 'future-mi',
        system: SNOMED,
        code: '22298006',
        display: 'Myocardial infarction',
        onset: '2020-09-01',
      }),
    ];
    const r = scoreFromRecord('cha2ds2-vasc', resources, { asOf: AS_OF });
    expect(r.result?.applicable && r.result.inputs).toEqual({
      age: 76,
      sex: 'female',
      congestiveHeartFailure: true,
      hypertension: true,
      diabetic: false,
      strokeTiaThromboembolism: true,
      vascularDisease: false,
    });
    expect(refs(r)).toEqual(['Condition/chf', 'Condition/cva', 'Condition/htn', `Patient/${PATIENT_ID}`]);
  });

  it('NEWS2: needs today’s blood pressure and lists what a record cannot give', () => {
    const resources: Resource[] = [
      patient({ birthDate: '1950-01-01', gender: 'male' }),
      bpPanel({ id: 'bp', date: '2020-06-27', systolic: 120, diastolic: 80 }),
    ];
    const r = scoreFromRecord('news2', resources, { asOf: AS_OF });
    expect(r.missing.map((m) => m.input).sort()).toEqual(
      [
        'consciousness',
        'heartRate',
        'onOxygen',
        'respiratoryRate',
        'spo2',
        'spo2Scale',
        'systolicBP',
        'temperature',
      ].sort(),
    );
    expect(r.missing.find((m) => m.input === 'systolicBP')?.reason).toMatch(/1-day look-back/);
  });

  it('rejects an unknown score and an invalid asOf', () => {
    expect(() => scoreFromRecord('nope', [], { asOf: AS_OF })).toThrow(/nope/);
    expect(() => scoreFromRecord('pce-ascvd-10y', [], { asOf: '30/06/2020' })).toThrow(/asOf/);
  });
});
