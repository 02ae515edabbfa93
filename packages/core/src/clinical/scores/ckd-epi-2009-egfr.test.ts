import { describe, expect, it } from 'vitest';
import { ckdEpi2009Egfr } from './ckd-epi-2009-egfr';
import { exactValue } from './exact-value';
import { runScore } from './run';

// NKF GFR calculator (CKD-EPI 2009) outputs, whole numbers as the calculator displays them, recorded in
// ellessenne/SCREAM tests/testthat/test-ckd_epi.R; creatinine entered in µmol/L, non-Black. (SCREAM compares them
// with floor() of its own µmol/L implementation; the calculator's figures are the reference here.)
const NKF_SCREAM = 'NKF GFR calculator (CKD-EPI 2009), recorded in SCREAM tests/testthat/test-ckd_epi.R';

describe('ckd-epi-2009-egfr: published calculator outputs', () => {
  it.each([
    { umol: 50, age: 40, sex: 'male', expected: 129 },
    { umol: 50, age: 40, sex: 'female', expected: 116 },
    { umol: 30, age: 50, sex: 'male', expected: 148 },
    { umol: 30, age: 50, sex: 'female', expected: 128 },
    { umol: 60, age: 60, sex: 'male', expected: 104 },
    { umol: 60, age: 60, sex: 'female', expected: 95 },
    { umol: 100, age: 70, sex: 'male', expected: 65 },
    { umol: 100, age: 70, sex: 'female', expected: 49 },
  ])('$sex $age, creatinine $umol µmol/L → $expected (' + NKF_SCREAM + ')', ({ umol, age, sex, expected }) => {
    const raw = { age, sex, race: 'white', creatinine: { value: umol, unit: 'umol/L' } };
    expect(runScore(ckdEpi2009Egfr, raw)).toMatchObject({ applicable: true, value: expected });
  });

  it('applies the 1.159 coefficient to African American only (Levey 2009)', () => {
    const raw = { age: 60, sex: 'male', creatinine: 1.2 };
    const white = exactValue(ckdEpi2009Egfr, { ...raw, race: 'white' });
    expect(exactValue(ckdEpi2009Egfr, { ...raw, race: 'other' })).toBe(white);
    expect(exactValue(ckdEpi2009Egfr, { ...raw, race: 'african-american' }) / white).toBeCloseTo(1.159, 6);
  });
});

describe('ckd-epi-2009-egfr: categories, applicability, inputs', () => {
  it.each([
    { umol: 100, age: 70, sex: 'female', category: 'G3a' },
    { umol: 60, age: 60, sex: 'male', category: 'G1' },
    { umol: 100, age: 70, sex: 'male', category: 'G2' },
  ])('$sex $age, $umol µmol/L → $category', ({ umol, age, sex, category }) => {
    const r = runScore(ckdEpi2009Egfr, { age, sex, race: 'white', creatinine: { value: umol, unit: 'umol/L' } });
    expect(r.applicable && r.category).toBe(category);
  });

  it('is not applicable to children', () => {
    expect(runScore(ckdEpi2009Egfr, { age: 12, sex: 'female', race: 'white', creatinine: 0.5 }).applicable).toBe(false);
  });

  it('needs race', () => {
    expect(() => runScore(ckdEpi2009Egfr, { age: 50, sex: 'male', creatinine: 1 })).toThrow(/race/);
  });

  it('refuses creatinine in mmHg naming the input', () => {
    expect(() =>
      runScore(ckdEpi2009Egfr, { age: 50, sex: 'male', race: 'white', creatinine: { value: 1, unit: 'mm[Hg]' } }),
    ).toThrow(/creatinine/);
  });
});
