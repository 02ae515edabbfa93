import { describe, expect, it } from 'vitest';
import { runScore, ScoreInputError } from './run';
import { lace } from './lace';

const TABLE3 = 'van Walraven 2010 Table 3';
/** R package cliot 1.0.0 (CRAN, 2025-11-30), help page lace_readmission_index, "Examples" section (recorded output). */
const CLIOT = 'cliot 1.0.0 lace_readmission_index docs';
/**
 * Two independent reference implementations, run unchanged on each case (2026-11-28):
 * UNC TraCS NCTraCSIDSci/LACE_omop_ordrd LACE.ipynb (commit 2c68b76), l/a/c/e_score_mapping summed as its last cell does;
 * danielxmed/nobra_calculator calculators/lace_index_readmission.py (commit 101d1f3), LaceIndexReadmissionCalculator.
 */
const AGREE = 'UNC LACE.ipynb and nobra_calculator lace_index_readmission.py agree';

describe('lace', () => {
  it.each([
    {
      source: `${TABLE3}: L 5 d → 4, A acute → 3, C Charlson 2 → 2, E 1 visit → 1 = 10; ${AGREE} → 10 (nobra's own docs example for these inputs prints 11 beside "L:4 + A:3 + C:2 + E:1", an addition slip)`,
      input: { lengthOfStayDays: 5, acuteAdmission: true, charlsonIndex: 2, edVisits6Months: 1 },
      value: 10,
    },
    {
      source: `${TABLE3}: stay under a day, elective, no comorbidity, no ED visit = 0; ${AGREE} → 0`,
      input: { lengthOfStayDays: 0, acuteAdmission: false, charlsonIndex: 0, edVisits6Months: 0 },
      value: 0,
    },
    {
      source: `${TABLE3}: L ≥14 → 7, A 3, C ≥4 → 5, E ≥4 → 4 = 19 (the published maximum); ${AGREE} → 19`,
      input: { lengthOfStayDays: 14, acuteAdmission: true, charlsonIndex: 4, edVisits6Months: 4 },
      value: 19,
    },
    {
      source: `${TABLE3}: L 3 d → 3, elective 0, C 1 → 1, E 2 → 2 = 6; ${AGREE} → 6`,
      input: { lengthOfStayDays: 3, acuteAdmission: false, charlsonIndex: 1, edVisits6Months: 2 },
      value: 6,
    },
    // Worked examples published with their recorded output.
    {
      source: `${CLIOT}, Example 1: 5 day stay (+4), acute (+3), CCI 5 (+5), 2 ED visits (+2) → "Score = 14"; ${AGREE} → 14`,
      input: { lengthOfStayDays: 5, acuteAdmission: true, charlsonIndex: 5, edVisits6Months: 2 },
      value: 14,
    },
    {
      source: `${CLIOT}, Example 2: 2 day stay (+2), elective (0), CCI 0, 0 ED visits → "Score = 2"; ${AGREE} → 2`,
      input: { lengthOfStayDays: 2, acuteAdmission: false, charlsonIndex: 0, edVisits6Months: 0 },
      value: 2,
    },
  ])('$source', ({ input, value }) => {
    const r = runScore(lace, input);
    expect(r.applicable && r.value).toBe(value);
  });

  const base = { acuteAdmission: false, charlsonIndex: 0, edVisits6Months: 0 };
  it.each([
    [{ ...base, lengthOfStayDays: 6 }, 4],
    [{ ...base, lengthOfStayDays: 7 }, 5],
    [{ ...base, lengthOfStayDays: 13 }, 5],
    [{ ...base, lengthOfStayDays: 14 }, 7],
    [{ ...base, lengthOfStayDays: 1, charlsonIndex: 3 }, 4],
    [{ ...base, lengthOfStayDays: 1, charlsonIndex: 5 }, 6],
    [{ ...base, lengthOfStayDays: 1, edVisits6Months: 3 }, 4],
    [{ ...base, lengthOfStayDays: 1, edVisits6Months: 9 }, 5],
  ] as const)('Table 3 edge %o → %d', (input, value) => {
    const r = runScore(lace, input);
    expect(r.applicable && r.value).toBe(value);
  });

  it('converts a length of stay in hours (36 h = 1.5 d → L 1)', () => {
    const r = runScore(lace, { ...base, lengthOfStayDays: { value: 36, unit: 'h' } });
    expect(r.applicable && r.value).toBe(1);
  });

  it.each([
    { input: { ...base, lengthOfStayDays: -1 }, bad: 'lengthOfStayDays' },
    { input: { ...base, lengthOfStayDays: 2, charlsonIndex: 99 }, bad: 'charlsonIndex' },
    { input: { ...base, lengthOfStayDays: 2, edVisits6Months: -2 }, bad: 'edVisits6Months' },
  ])('rejects $bad', ({ input, bad }) => {
    expect(() => runScore(lace, input)).toThrow(ScoreInputError);
    expect(() => runScore(lace, input)).toThrow(new RegExp(`${bad}:`));
  });
});
