import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { interpretCheckup } from './index';
import type { ResultSpec, VisitSpec } from './test-fixtures';
import { checkupInput, diabetesCondition, lab, qual } from './test-fixtures';

/** A healthy adult's checkup as a Chinese lab reports it (SI units, with the lab's own ranges). */
function labs(sex: 'male' | 'female', over: Readonly<Record<string, ResultSpec>> = {}): ResultSpec[] {
  const m = sex === 'male';
  const base: Record<string, ResultSpec> = {
    '14771-0': lab('14771-0', 5.0, 'mmol/L', 3.9, 6.1),
    '4548-4': lab('4548-4', 5.4, '%', 4.0, 6.0),
    '14647-2': lab('14647-2', 4.5, 'mmol/L', undefined, 5.2),
    '39469-2': lab('39469-2', 2.4, 'mmol/L', undefined, 3.4),
    '14646-4': lab('14646-4', 1.3, 'mmol/L', 1.0),
    '14927-8': lab('14927-8', 1.2, 'mmol/L', undefined, 1.7),
    '14682-9': m ? lab('14682-9', 80, 'umol/L', 57, 111) : lab('14682-9', 60, 'umol/L', 41, 81),
    '1742-6': m ? lab('1742-6', 25, 'U/L', 9, 50) : lab('1742-6', 20, 'U/L', 7, 40),
    '1920-8': m ? lab('1920-8', 22, 'U/L', 15, 40) : lab('1920-8', 20, 'U/L', 13, 35),
    '777-3': lab('777-3', 230, '10*9/L', 125, 350),
    '14933-6': m ? lab('14933-6', 350, 'umol/L', 208, 428) : lab('14933-6', 280, 'umol/L', 155, 357),
    '9318-7': lab('9318-7', 10, 'mg/g', undefined, 30),
    '2823-3': lab('2823-3', 4.2, 'mmol/L', 3.5, 5.3),
    '39156-5': lab('39156-5', 22.5, 'kg/m2'),
    '8280-0': lab('8280-0', m ? 82 : 75, 'cm'),
    '5196-1': qual('5196-1', 'negative'),
  };
  return Object.values({ ...base, ...over });
}

const visitOn = (date: string, results: ResultSpec[], bp: [number, number] = [118, 76]): VisitSpec => ({
  date,
  results,
  bp,
});

interface GoldenCase {
  readonly name: string;
  readonly source: string;
  readonly person: { id: string; gender: 'male' | 'female'; birthDate: string };
  readonly now: VisitSpec;
  readonly earlier?: readonly VisitSpec[];
  readonly other?: readonly Resource[];
  readonly expected: readonly string[];
  readonly urgent?: readonly string[];
}

const M45 = { id: 'p-normal', gender: 'male', birthDate: '1979-05-10' } as const;
const CASES: readonly GoldenCase[] = [
  {
    name: 'normal person: every result in range, BP 118/76, BMI 22.5, waist 82 cm',
    source: 'Lab ranges; 2018 Chinese hypertension guideline Table 3 (<120/80 normal); WS/T 428-2013',
    person: M45,
    now: visitOn('2024-06-01', labs('male')),
    expected: [],
  },
  {
    name: 'impaired fasting glucose: FPG 6.5 mmol/L, HbA1c 5.9%',
    source: 'Chinese T2DM guideline 2020 Table 3 (IFG 6.1–<7.0 mmol/L); WHO/IDF 2006',
    person: { id: 'p-ifg', gender: 'female', birthDate: '1974-02-02' },
    now: visitOn(
      '2024-06-01',
      labs('female', { '14771-0': lab('14771-0', 6.5, 'mmol/L', 3.9, 6.1), '4548-4': lab('4548-4', 5.9, '%', 4, 6) }),
    ),
    expected: ['glucose-ifg'],
  },
  {
    name: 'new diabetes (US units): FPG 140 mg/dL, HbA1c 6.9%, no diabetes Condition',
    source: 'Chinese T2DM guideline 2020 Table 4 (FPG ≥7.0 mmol/L = 126 mg/dL or HbA1c ≥6.5%, confirm on another day)',
    person: { id: 'p-dm', gender: 'male', birthDate: '1972-03-03' },
    now: visitOn(
      '2024-06-01',
      labs('male', { '14771-0': lab('1558-6', 140, 'mg/dL', 70, 99), '4548-4': lab('4548-4', 6.9, '%', 4, 5.6) }),
    ),
    expected: ['glucose-diabetes-suspected'],
  },
  {
    name: 'grade-2 hypertension: BP 165/102 mmHg',
    source: '2018 Chinese hypertension guideline Table 3 (grade 2: 160–179 and/or 100–109 mmHg)',
    person: { id: 'p-htn', gender: 'male', birthDate: '1969-01-01' },
    now: visitOn('2024-06-01', labs('male'), [165, 102]),
    expected: ['bp-grade-2'],
  },
  {
    name: 'CKD G3a A2: woman 66, creatinine 95 µmol/L (CKD-EPI 2021 ≈ 57), uACR 120 mg/g',
    source: 'KDIGO 2012 Tables 5–6, Figure 9 (G3a 45–59, A2 30–300 mg/g); CKD-EPI 2021 (Inker 2021)',
    person: { id: 'p-ckd', gender: 'female', birthDate: '1958-01-15' },
    now: visitOn(
      '2024-06-01',
      labs('female', {
        '14682-9': lab('14682-9', 95, 'umol/L', 41, 81),
        '9318-7': lab('9318-7', 120, 'mg/g', undefined, 30),
        '39469-2': lab('39469-2', 2.2, 'mmol/L', undefined, 3.4),
      }),
    ),
    expected: ['ckd-g3a-a2'],
  },
  {
    name: 'high-risk lipids: diabetic man 58, LDL-C 3.1 mmol/L (in the lab range, above the high-risk target 2.6)',
    source: 'Chinese lipid guideline 2023: diabetes aged ≥40 is high risk, LDL-C target <2.6 mmol/L',
    person: { id: 'p-lipid', gender: 'male', birthDate: '1966-01-01' },
    now: visitOn(
      '2024-06-01',
      labs('male', {
        '39469-2': lab('39469-2', 3.1, 'mmol/L', undefined, 3.4),
        '14771-0': lab('14771-0', 5.8, 'mmol/L', 3.9, 6.1),
      }),
    ),
    other: [diabetesCondition('p-lipid')],
    expected: ['ldl-above-target'],
  },
  {
    name: 'HBsAg positive',
    source: 'Primary liver cancer guideline 2022 (HBV infection: ultrasound + AFP every 6 months); CHB guideline 2022',
    person: { id: 'p-hbv', gender: 'male', birthDate: '1976-07-07' },
    now: visitOn('2024-06-01', labs('male', { '5196-1': qual('5196-1', 'positive') })),
    expected: ['hbsag-positive'],
  },
  {
    name: 'critical potassium: 6.8 mmol/L (lab range 3.5–5.3)',
    source: 'Kost 1990 JAMA: critical limits potassium <2.8 or >6.2 mmol/L',
    person: { id: 'p-k', gender: 'male', birthDate: '1964-04-04' },
    now: visitOn('2024-06-01', labs('male', { '2823-3': lab('2823-3', 6.8, 'mmol/L', 3.5, 5.3) })),
    expected: ['critical-potassium-high'],
    urgent: ['critical-potassium-high'],
  },
  {
    name: 'changes: ALT 35 U/L (in range) last year, 80 U/L now',
    source: 'Lab range 9–50 U/L; NAFLD guideline 2018 (raised aminotransferases)',
    person: { id: 'p-alt', gender: 'male', birthDate: '1974-01-01' },
    now: visitOn('2024-06-01', labs('male', { '1742-6': lab('1742-6', 80, 'U/L', 9, 50) })),
    earlier: [visitOn('2023-06-01', labs('male', { '1742-6': lab('1742-6', 35, 'U/L', 9, 50) }))],
    expected: ['liver-enzymes-elevated', 'change-new-alt-high'],
  },
  {
    name: 'changes: eGFR ≈108 → ≈79 (creatinine 70 → 100 µmol/L), a 27% fall from G1 to G2',
    source: 'KDIGO 2012 1.4.4.2 (certain drift: category drop with ≥25% decline); CKD-EPI 2021',
    person: { id: 'p-egfr', gender: 'male', birthDate: '1973-01-01' },
    now: visitOn('2024-06-01', labs('male', { '14682-9': lab('14682-9', 100, 'umol/L', 57, 111) })),
    earlier: [visitOn('2023-06-01', labs('male', { '14682-9': lab('14682-9', 70, 'umol/L', 57, 111) }))],
    expected: ['change-egfr-decline'],
  },
];

describe('interpretCheckup golden cases', () => {
  it.each(CASES)('$name ($source)', (c) => {
    const out = interpretCheckup(checkupInput(c.person, c.now, c.earlier, c.other));
    expect(out.findings.map((f) => f.id).sort()).toEqual([...c.expected].sort());
    expect(out.findings.filter((f) => f.urgent).map((f) => f.id)).toEqual(c.urgent ?? []);
    for (const f of out.findings) {
      expect(f.rule.source.length).toBeGreaterThan(0);
      expect(f.evidence.length).toBeGreaterThan(0);
      expect(f.evidence.some((e) => e.reference.startsWith('Observation/') && e.date)).toBe(true);
      expect(f.title['zh-CN']).not.toEqual(f.title.en);
      expect(f.reason['zh-CN']).not.toContain('{');
      expect(f.reason.en).not.toContain('{');
    }
    expect(out.resources.detectedIssues.map((d) => d.code?.coding?.[0]?.code).sort()).toEqual([...c.expected].sort());
  });
});
