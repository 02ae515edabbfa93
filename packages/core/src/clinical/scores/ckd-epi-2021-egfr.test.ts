import { describe, expect, it } from 'vitest';
import { ckdEpi2021Egfr } from './ckd-epi-2021-egfr';
import { exactValue } from './exact-value';
import { runScore } from './run';

const NKF_ADMIRAL = 'NKF CKD-EPI 2021 calculator output recorded in pharmaverse/admiral tests/test-compute_kidney.R';
const NKF_NOTE = 'NKF CKD-EPI 2021 calculator output (kidney.org), recorded in a public calculator test note';

describe('ckd-epi-2021-egfr: published calculator outputs', () => {
  it.each([
    { raw: { age: 55, sex: 'male', creatinine: 1.09 }, expected: 80, category: 'G2', source: NKF_ADMIRAL },
    {
      raw: { age: 65, sex: 'female', creatinine: { value: 85, unit: 'umol/L' } },
      expected: 66,
      category: 'G2',
      source: NKF_ADMIRAL,
    },
    { raw: { age: 55, sex: 'male', creatinine: 1.2 }, expected: 71, category: 'G2', source: NKF_NOTE },
  ])('$raw → $expected ($source)', ({ raw, expected, category }) => {
    expect(runScore(ckdEpi2021Egfr, raw)).toMatchObject({
      applicable: true,
      value: expected,
      unit: 'mL/min/{1.73_m2}',
      category,
    });
  });

  it('converts µmol/L creatinine with 113.12 g/mol (PubChem CID 588): 88.4 µmol/L = 1.000 mg/dL', () => {
    const a = exactValue(ckdEpi2021Egfr, { age: 50, sex: 'female', creatinine: { value: 88.4, unit: 'umol/L' } });
    const b = exactValue(ckdEpi2021Egfr, { age: 50, sex: 'female', creatinine: 1.0 });
    expect(a).toBeCloseTo(b, 2);
  });
});

describe('ckd-epi-2021-egfr: KDIGO categories on the unrounded value', () => {
  it.each([
    { creatinine: 0.6, category: 'G1' },
    { creatinine: 1.2, category: 'G2' },
    { creatinine: 1.6, category: 'G3a' },
    { creatinine: 2.2, category: 'G3b' },
    { creatinine: 3.5, category: 'G4' },
    { creatinine: 6, category: 'G5' },
  ])('man 55, creatinine $creatinine → $category', ({ creatinine, category }) => {
    const raw = { age: 55, sex: 'male', creatinine };
    const exact = exactValue(ckdEpi2021Egfr, raw);
    const r = runScore(ckdEpi2021Egfr, raw);
    expect(r.applicable && r.category).toBe(category);
    // the band holds the unrounded value (KDIGO thresholds 90/60/45/30/15)
    const band = ckdEpi2021Egfr.categories?.find((c) => c.code === category);
    expect(exact >= (band?.min ?? -Infinity) && exact < (band?.max ?? Infinity)).toBe(true);
  });

  it('59.6 is G3a although it displays as 60', () => {
    const band = ckdEpi2021Egfr.categories?.find((c) => (c.min ?? -Infinity) <= 59.6 && 59.6 < (c.max ?? Infinity));
    expect(band?.code).toBe('G3a');
  });
});

describe('ckd-epi-2021-egfr: applicability and inputs', () => {
  it('is not applicable to children', () => {
    expect(runScore(ckdEpi2021Egfr, { age: 17, sex: 'male', creatinine: 0.8 }).applicable).toBe(false);
  });

  it.each([{ creatinine: 0 }, { creatinine: 80 }])('creatinine $creatinine mg/dL is implausible', ({ creatinine }) => {
    expect(() => runScore(ckdEpi2021Egfr, { age: 50, sex: 'male', creatinine })).toThrow(/creatinine/);
  });

  it('does not take race', () => {
    expect(() => runScore(ckdEpi2021Egfr, { age: 50, sex: 'male', creatinine: 1, race: 'white' })).toThrow(/race/);
  });
});
