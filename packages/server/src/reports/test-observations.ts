import type { Observation, Patient } from '@medplum/fhirtypes';

/** Hand-built Observations of one person over three yearly checkups, for the renderer tests. */

const LOINC = 'http://loinc.org';
export const PATIENT: Patient = {
  resourceType: 'Patient',
  id: 'p-wang',
  name: [{ text: '王秀英' }, { family: 'Wang', given: ['Xiuying'] }],
  gender: 'female',
  birthDate: '1968-04-12',
};

interface ObsSpec {
  readonly id: string;
  readonly date: string;
  readonly loinc: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly low?: number;
  readonly high?: number;
  readonly flag?: 'H' | 'L';
}

/** One quantitative result. */
export function obs(s: ObsSpec): Observation {
  return {
    resourceType: 'Observation',
    id: s.id,
    status: 'final',
    code: { coding: [{ system: LOINC, code: s.loinc, display: s.name }], text: s.name },
    subject: { reference: `Patient/${PATIENT.id ?? ''}` },
    effectiveDateTime: s.date,
    valueQuantity: { value: s.value, unit: s.unit, system: 'http://unitsofmeasure.org', code: s.unit },
    ...(s.low !== undefined || s.high !== undefined
      ? {
          referenceRange: [
            {
              ...(s.low !== undefined ? { low: { value: s.low, unit: s.unit, code: s.unit } } : {}),
              ...(s.high !== undefined ? { high: { value: s.high, unit: s.unit, code: s.unit } } : {}),
            },
          ],
        }
      : {}),
    ...(s.flag
      ? {
          interpretation: [
            {
              coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: s.flag }],
            },
          ],
        }
      : {}),
  };
}

/** A blood-pressure panel (85354-9) with systolic and diastolic components. */
export function bp(id: string, date: string, systolic: number, diastolic: number): Observation {
  const part = (code: string, value: number) => ({
    code: { coding: [{ system: LOINC, code }] },
    valueQuantity: { value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
  });
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: {
      coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel' }],
      text: '血压 Blood pressure',
    },
    effectiveDateTime: date,
    component: [part('8480-6', systolic), part('8462-4', diastolic)],
  };
}

/** Three yearly checkups; glucose and lipids sometimes in mass units, sometimes in substance units. */
export function checkupHistory(): { current: Observation[]; past: Observation[] } {
  const glucose = (id: string, date: string, value: number) =>
    obs({
      id,
      date,
      loinc: '14771-0',
      name: '空腹血糖 Fasting glucose',
      value,
      unit: 'mmol/L',
      low: 3.9,
      high: 6.1,
      ...(value > 6.1 ? { flag: 'H' as const } : {}),
    });
  const past = [
    bp('bp-2022', '2022-05-10', 128, 82),
    bp('bp-2023', '2023-05-08', 136, 88),
    glucose('glu-2022', '2022-05-10', 5.4),
    glucose('glu-2023', '2023-05-08', 5.9),
    obs({ id: 'a1c-2023', date: '2023-05-08', loinc: '4548-4', name: 'HbA1c', value: 5.8, unit: '%' }),
    obs({ id: 'ldl-2022', date: '2022-05-10', loinc: '22748-8', name: 'LDL-C', value: 3.1, unit: 'mmol/L' }),
    obs({ id: 'ldl-2023', date: '2023-05-08', loinc: '22748-8', name: 'LDL-C', value: 3.3, unit: 'mmol/L' }),
    obs({ id: 'tc-2023', date: '2023-05-08', loinc: '14647-2', name: 'TC', value: 5.3, unit: 'mmol/L' }),
  ];
  const current = [
    bp('bp-2024', '2024-05-02', 146, 94),
    glucose('glu-2024', '2024-05-02', 6.5),
    obs({ id: 'a1c-2024', date: '2024-05-02', loinc: '4548-4', name: 'HbA1c', value: 6.0, unit: '%' }),
    // 140 mg/dL LDL-C = 3.62 mmol/L (× 0.02586, the NCEP ATP III conversion factor)
    obs({
      id: 'ldl-2024',
      date: '2024-05-02',
      loinc: '13457-7',
      name: '低密度脂蛋白 LDL-C',
      value: 140,
      unit: 'mg/dL',
      high: 130,
      flag: 'H',
    }),
    obs({
      id: 'tc-2024',
      date: '2024-05-02',
      loinc: '2093-3',
      name: '总胆固醇 Total cholesterol',
      value: 230,
      unit: 'mg/dL',
    }),
  ];
  return { current, past };
}
