import { describe, expect, it } from 'vitest';
import { runScore, ScoreInputError } from './run';
import { findrisc } from './findrisc';

const FORM = 'FINDRISC form (Finnish Diabetes Association) read item by item';
/** pacharanero/clincalc (Rust crate clincalc), src/calculators/findrisc.rs unit tests, commit 46db830. */
const CLINCALC = 'pacharanero/clincalc src/calculators/findrisc.rs';
/**
 * Run unchanged on each case (2026-11-28): clincalc's FINDRISC point sum (src/calculators/findrisc.rs compute(), compiled
 * with rustc) and u9401066/medical-calc-mcp src/domain/services/calculators/findrisc.py (commit 45f648d).
 */
const AGREE = 'clincalc findrisc.rs and medical-calc-mcp findrisc.py agree';
const lowest = {
  age: 40,
  sex: 'male',
  bmi: 24,
  waist: 90,
  physicalActivity30min: true,
  dailyVegetablesFruit: true,
  antihypertensiveMedication: false,
  historyHighGlucose: false,
  familyHistoryDiabetes: 'none',
};

describe('findrisc', () => {
  it.each([
    { source: `${FORM}: every answer in its 0-point row = 0; ${AGREE} → 0`, input: lowest, value: 0, category: 'low' },
    {
      source: `${FORM}: age 50 → 2, BMI 27 → 1, woman waist 85 → 3, inactive 2, no daily vegetables 1, antihypertensive 2, aunt with diabetes 3 = 14; ${AGREE} → 14`,
      input: {
        age: 50,
        sex: 'female',
        bmi: 27,
        waist: 85,
        physicalActivity30min: false,
        dailyVegetablesFruit: false,
        antihypertensiveMedication: true,
        historyHighGlucose: false,
        familyHistoryDiabetes: 'second-degree',
      },
      value: 14,
      category: 'moderate',
    },
    {
      source: `${FORM}: every answer in its highest row = 26 (the form's maximum); ${AGREE} → 26`,
      input: {
        age: 66,
        sex: 'male',
        bmi: 32,
        waist: 105,
        physicalActivity30min: false,
        dailyVegetablesFruit: false,
        antihypertensiveMedication: true,
        historyHighGlucose: true,
        familyHistoryDiabetes: 'first-degree',
      },
      value: 26,
      category: 'very-high',
    },
    {
      source: `${FORM}: age 58 → 3, BMI 30 ("25–30") → 1, man waist 102 ("94–102") → 3, parent with diabetes 5 = 12; clincalc findrisc.rs agrees → 12 (medical-calc-mcp gives 15: it reads the printed closed ranges 25–30 and 94–102 as half-open)`,
      input: { ...lowest, age: 58, bmi: 30, waist: 102, familyHistoryDiabetes: 'first-degree' },
      value: 12,
      category: 'moderate',
    },
    // Worked examples recorded in an independent implementation's tests, re-run in medical-calc-mcp.
    {
      source: `${CLINCALC}, test high_risk_scenario: man 67 (4), BMI 32 (3), waist 110 (4), inactive (2), no daily vegetables (1), antihypertensive (2), high glucose (5), no family history = 21, "Very high"; medical-calc-mcp agrees → 21`,
      input: {
        age: 67,
        sex: 'male',
        bmi: 32,
        waist: 110,
        physicalActivity30min: false,
        dailyVegetablesFruit: false,
        antihypertensiveMedication: true,
        historyHighGlucose: true,
        familyHistoryDiabetes: 'none',
      },
      value: 21,
      category: 'very-high',
    },
    {
      source: `${CLINCALC}, test female_waist_thresholds: woman 40, BMI 22, waist 82 (80–88 → 3), all else 0 = 3; medical-calc-mcp agrees → 3`,
      input: { ...lowest, sex: 'female', bmi: 22, waist: 82 },
      value: 3,
      category: 'low',
    },
    {
      source: `${CLINCALC}, test family_history_first_degree: man 40, BMI 22, waist 85, first-degree family history (5) = 5; medical-calc-mcp agrees → 5`,
      input: { ...lowest, bmi: 22, waist: 85, familyHistoryDiabetes: 'first-degree' },
      value: 5,
      category: 'low',
    },
  ])('$source', ({ input, value, category }) => {
    const r = runScore(findrisc, input);
    expect(r.applicable && r.value).toBe(value);
    expect(r.applicable && r.category).toBe(category);
  });

  it.each([
    [{ ...lowest, age: 44.9 }, 0],
    [{ ...lowest, age: 45 }, 2],
    [{ ...lowest, age: 64 }, 3],
    [{ ...lowest, age: 65 }, 4],
    [{ ...lowest, bmi: 25 }, 1],
    [{ ...lowest, bmi: 30.1 }, 3],
    [{ ...lowest, waist: 94 }, 3],
    [{ ...lowest, waist: 102.5 }, 4],
    [{ ...lowest, sex: 'female', waist: 79 }, 0],
    [{ ...lowest, sex: 'female', waist: 88 }, 3],
    [{ ...lowest, sex: 'female', waist: 89 }, 4],
  ] as const)('form edge %o → %d', (input, value) => {
    const r = runScore(findrisc, input);
    expect(r.applicable && r.value).toBe(value);
  });

  // Form risk levels: <7 low, 7–11 slightly elevated, 12–14 moderate, 15–20 high, >20 very high.
  it.each([
    [
      { ...lowest, historyHighGlucose: true, physicalActivity30min: false, dailyVegetablesFruit: true },
      7,
      'slightly-elevated',
    ],
    [{ ...lowest, historyHighGlucose: true, dailyVegetablesFruit: false }, 6, 'low'],
    [
      { ...lowest, historyHighGlucose: true, familyHistoryDiabetes: 'first-degree', dailyVegetablesFruit: false },
      11,
      'slightly-elevated',
    ],
    [
      { ...lowest, historyHighGlucose: true, familyHistoryDiabetes: 'first-degree', physicalActivity30min: false },
      12,
      'moderate',
    ],
    [
      {
        ...lowest,
        historyHighGlucose: true,
        familyHistoryDiabetes: 'first-degree',
        waist: 100,
        dailyVegetablesFruit: false,
      },
      14,
      'moderate',
    ],
    [
      {
        ...lowest,
        historyHighGlucose: true,
        familyHistoryDiabetes: 'first-degree',
        waist: 100,
        physicalActivity30min: false,
      },
      15,
      'high',
    ],
    [
      {
        ...lowest,
        age: 60,
        bmi: 31,
        historyHighGlucose: true,
        familyHistoryDiabetes: 'first-degree',
        waist: 100,
        physicalActivity30min: false,
        dailyVegetablesFruit: false,
      },
      22,
      'very-high',
    ],
    [
      {
        ...lowest,
        age: 60,
        bmi: 26,
        historyHighGlucose: true,
        familyHistoryDiabetes: 'first-degree',
        waist: 100,
        physicalActivity30min: false,
        dailyVegetablesFruit: false,
      },
      20,
      'high',
    ],
    [
      {
        ...lowest,
        age: 60,
        bmi: 26,
        historyHighGlucose: true,
        familyHistoryDiabetes: 'first-degree',
        waist: 103,
        physicalActivity30min: false,
        dailyVegetablesFruit: false,
      },
      21,
      'very-high',
    ],
  ] as const)('category boundary %o → %d %s', (input, value, category) => {
    const r = runScore(findrisc, input);
    expect(r.applicable && r.value).toBe(value);
    expect(r.applicable && r.category).toBe(category);
  });

  it('is not applicable below 18 years', () => {
    expect(runScore(findrisc, { ...lowest, age: 15 }).applicable).toBe(false);
  });

  it.each([
    { input: { ...lowest, bmi: 5 }, bad: 'bmi' },
    { input: { ...lowest, waist: 20 }, bad: 'waist' },
    { input: { ...lowest, familyHistoryDiabetes: 'yes' }, bad: 'familyHistoryDiabetes' },
  ])('rejects $bad', ({ input, bad }) => {
    expect(() => runScore(findrisc, input)).toThrow(ScoreInputError);
    expect(() => runScore(findrisc, input)).toThrow(new RegExp(`${bad}:`));
  });
});
