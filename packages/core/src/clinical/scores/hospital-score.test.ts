import { describe, expect, it } from 'vitest';
import { runScore, ScoreInputError } from './run';
import { hospitalScore } from './hospital-score';

const TABLE3 = 'Donzé 2013 Table 3 read row by row';
/**
 * danielxmed/nobra_calculator calculators/hospital_score.py (commit 101d1f3), HospitalScoreCalculator, run unchanged on
 * each case (2026-11-28; its inputs are the Table 3 categories, e.g. "lt_12", "2_to_5"). Still missing: a published
 * patient-level worked example and a second independent implementation that follows Table 3 (searched 2026-11).
 */
const NOBRA = 'nobra_calculator hospital_score.py agrees';
const none = {
  hemoglobinDischarge: 13,
  oncologyDischarge: false,
  sodiumDischarge: 140,
  procedureDuringStay: false,
  urgentAdmission: false,
  admissionsPrevious12Months: 0,
  lengthOfStayDays: 2,
};

describe('hospital-score', () => {
  it.each([
    {
      source: `${TABLE3}: Hb 11 → 1, oncology 2, Na 133 → 1, procedure 1, urgent 1, 6 admissions → 5, stay 7 d → 2 = 13 (maximum); ${NOBRA} → 13, High Risk`,
      input: {
        hemoglobinDischarge: 11,
        oncologyDischarge: true,
        sodiumDischarge: 133,
        procedureDuringStay: true,
        urgentAdmission: true,
        admissionsPrevious12Months: 6,
        lengthOfStayDays: 7,
      },
      value: 13,
      category: 'high',
    },
    { source: `${TABLE3}: no item present = 0; ${NOBRA} → 0, Low Risk`, input: none, value: 0, category: 'low' },
    {
      source: `${TABLE3}: Hb 11.5 → 1, procedure 1, urgent 1, 2 admissions → 2, stay 5 d → 2 = 7; the documented example of nobra_calculator's API (app/models/scores/general/hospital_score.py, HospitalScoreRequest/Response schema example: Hb <12, procedure, urgent, 2–5 admissions, stay ≥5 d → 7, "High Risk"), and its calculator agrees`,
      input: {
        ...none,
        hemoglobinDischarge: 11.5,
        procedureDuringStay: true,
        urgentAdmission: true,
        admissionsPrevious12Months: 2,
        lengthOfStayDays: 5,
      },
      value: 7,
      category: 'high',
    },
    {
      source: `${TABLE3}: Hb 12 → 0, oncology 2, Na 135 → 0, urgent 1, 1 admission → 0, stay 6 d → 2 = 5; ${NOBRA} → 5, Intermediate Risk`,
      input: {
        ...none,
        hemoglobinDischarge: 12,
        oncologyDischarge: true,
        sodiumDischarge: 135,
        urgentAdmission: true,
        admissionsPrevious12Months: 1,
        lengthOfStayDays: 6,
      },
      value: 5,
      category: 'intermediate',
    },
  ])('$source', ({ input, value, category }) => {
    const r = runScore(hospitalScore, input);
    expect(r.applicable && r.value).toBe(value);
    expect(r.applicable && r.category).toBe(category);
  });

  it.each([
    [{ ...none, hemoglobinDischarge: 11.9 }, 1],
    [{ ...none, sodiumDischarge: 134.9 }, 1],
    [{ ...none, admissionsPrevious12Months: 1 }, 0],
    [{ ...none, admissionsPrevious12Months: 2 }, 2],
    [{ ...none, admissionsPrevious12Months: 5 }, 2],
    [{ ...none, admissionsPrevious12Months: 6 }, 5],
    [{ ...none, lengthOfStayDays: 4.9 }, 0],
    [{ ...none, lengthOfStayDays: 5 }, 2],
  ] as const)('Table 3 edge %o → %d', (input, value) => {
    const r = runScore(hospitalScore, input);
    expect(r.applicable && r.value).toBe(value);
  });

  // Donzé 2013: low 0–4, intermediate 5–6, high ≥7.
  it.each([
    [{ ...none, admissionsPrevious12Months: 2, lengthOfStayDays: 5 }, 4, 'low'],
    [{ ...none, admissionsPrevious12Months: 6 }, 5, 'intermediate'],
    [{ ...none, admissionsPrevious12Months: 6, urgentAdmission: true }, 6, 'intermediate'],
    [{ ...none, admissionsPrevious12Months: 6, lengthOfStayDays: 5 }, 7, 'high'],
  ] as const)('category boundary %o → %d %s', (input, value, category) => {
    const r = runScore(hospitalScore, input);
    expect(r.applicable && r.value).toBe(value);
    expect(r.applicable && r.category).toBe(category);
  });

  it('converts haemoglobin given in g/L', () => {
    const r = runScore(hospitalScore, { ...none, hemoglobinDischarge: { value: 115, unit: 'g/L' } });
    expect(r.applicable && r.value).toBe(1);
  });

  it.each([
    { input: { ...none, hemoglobinDischarge: 60 }, bad: 'hemoglobinDischarge' },
    { input: { ...none, sodiumDischarge: 40 }, bad: 'sodiumDischarge' },
    { input: { ...none, hemoglobinDischarge: { value: 7, unit: 'mmol/L' } }, bad: 'hemoglobinDischarge' },
  ])('rejects $bad', ({ input, bad }) => {
    expect(() => runScore(hospitalScore, input)).toThrow(ScoreInputError);
    expect(() => runScore(hospitalScore, input)).toThrow(new RegExp(`${bad}:`));
  });
});
