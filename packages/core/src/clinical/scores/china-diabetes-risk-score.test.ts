import { describe, expect, it } from 'vitest';
import { runScore, ScoreInputError } from './run';
import { chinaDiabetesRiskScore } from './china-diabetes-risk-score';

const TABLE = 'CDS type 2 diabetes guideline 2017/2020, 中国糖尿病风险评分表 (Zhou 2013) read row by row';

describe('china-diabetes-risk-score', () => {
  it.each([
    {
      source: `${TABLE}: man 31 → 4, male 2, BMI 31 → 5, waist 96 → 10, SBP 145 → 7, no family history = 28`,
      input: { age: 31, sex: 'male', bmi: 31, waist: 96, systolicBP: 145, familyHistoryDiabetes: false },
      value: 28,
      category: 'high',
    },
    {
      source: `${TABLE}: woman 22, BMI 20, waist 65, SBP 105, no family history = 0`,
      input: { age: 22, sex: 'female', bmi: 20, waist: 65, systolicBP: 105, familyHistoryDiabetes: false },
      value: 0,
      category: 'low',
    },
    {
      source: `${TABLE}: woman 52 → 13, BMI 25 → 3, waist 82 → 7, SBP 132 → 6, family history 6 = 35`,
      input: { age: 52, sex: 'female', bmi: 25, waist: 82, systolicBP: 132, familyHistoryDiabetes: true },
      value: 35,
      category: 'high',
    },
    {
      source: `${TABLE}: man 45 → 12, male 2, BMI 23 → 1, waist 84 → 5, SBP 118 → 1 = 21`,
      input: { age: 45, sex: 'male', bmi: 23, waist: 84, systolicBP: 118, familyHistoryDiabetes: false },
      value: 21,
      category: 'low',
    },
    {
      source: `${TABLE}: man 70 → 18, male 2, BMI 30 → 5, waist 95 → 10, SBP 160 → 10, family history 6 = 51 (maximum)`,
      input: { age: 70, sex: 'male', bmi: 30, waist: 95, systolicBP: 160, familyHistoryDiabetes: true },
      value: 51,
      category: 'high',
    },
  ])('$source', ({ input, value, category }) => {
    const r = runScore(chinaDiabetesRiskScore, input);
    expect(r.applicable && r.value).toBe(value);
    expect(r.applicable && r.category).toBe(category);
  });

  // ≥25 is high: man 40 (11) + male 2 + waist 75 (3) + family history 6 = 22, then BMI and SBP rows move it over the line.
  const edge = { age: 40, sex: 'male', waist: 75, familyHistoryDiabetes: true };
  it.each([
    [{ ...edge, bmi: 21.9, systolicBP: 119 }, 23, 'low'],
    [{ ...edge, bmi: 22, systolicBP: 119 }, 24, 'low'],
    [{ ...edge, bmi: 21.9, systolicBP: 120 }, 25, 'high'],
  ] as const)('category boundary %o → %d %s', (input, value, category) => {
    const r = runScore(chinaDiabetesRiskScore, input);
    expect(r.applicable && r.value).toBe(value);
    expect(r.applicable && r.category).toBe(category);
  });

  it.each([
    [{ age: 24.9, sex: 'female', bmi: 20, waist: 69.9, systolicBP: 109, familyHistoryDiabetes: false }, 0],
    [{ age: 25, sex: 'female', bmi: 20, waist: 70, systolicBP: 110, familyHistoryDiabetes: false }, 8],
    [{ age: 64, sex: 'female', bmi: 24, waist: 89.9, systolicBP: 159, familyHistoryDiabetes: false }, 35],
    [{ age: 65, sex: 'female', bmi: 24, waist: 90, systolicBP: 159, familyHistoryDiabetes: false }, 39],
  ] as const)('table edge %o → %d', (input, value) => {
    const r = runScore(chinaDiabetesRiskScore, input);
    expect(r.applicable && r.value).toBe(value);
  });

  it.each([19, 75])('is not applicable at age %d (validated 20–74)', (age) => {
    const r = runScore(chinaDiabetesRiskScore, {
      age,
      sex: 'male',
      bmi: 24,
      waist: 85,
      systolicBP: 130,
      familyHistoryDiabetes: false,
    });
    expect(r.applicable).toBe(false);
  });

  it.each([
    {
      input: { age: 40, sex: 'male', bmi: 24, waist: 85, systolicBP: 20, familyHistoryDiabetes: false },
      bad: 'systolicBP',
    },
    {
      input: { age: 40, sex: 'male', bmi: 24, waist: 85, systolicBP: 130, familyHistoryDiabetes: 'first-degree' },
      bad: 'familyHistoryDiabetes',
    },
  ])('rejects $bad', ({ input, bad }) => {
    expect(() => runScore(chinaDiabetesRiskScore, input)).toThrow(ScoreInputError);
    expect(() => runScore(chinaDiabetesRiskScore, input)).toThrow(new RegExp(`${bad}:`));
  });
});
