import { describe, expect, it } from 'vitest';
import { exactValue } from './exact-value';
import { framingham2008Cvd10y } from './framingham-2008-cvd-10y';
import { runScore } from './run';

const PAPER = "D'Agostino 2008, worked example in the text";
const CVRISK = 'CVrisk R package 1.1.1 tests/test-ascvd_10y_frs.R';

describe('framingham-2008-cvd-10y: published worked examples', () => {
  it.each([
    {
      case: {
        sex: 'female',
        age: 61,
        totalCholesterol: 180,
        hdl: 47,
        systolicBP: 124,
        bpTreated: false,
        smoker: true,
        diabetic: false,
      },
      expected: 10.48,
      source: PAPER,
    },
    {
      case: {
        sex: 'male',
        age: 53,
        totalCholesterol: 161,
        hdl: 55,
        systolicBP: 125,
        bpTreated: true,
        smoker: false,
        diabetic: true,
      },
      expected: 15.62,
      source: PAPER,
    },
    {
      case: {
        sex: 'male',
        age: 55,
        totalCholesterol: 213,
        hdl: 50,
        systolicBP: 140,
        bpTreated: false,
        smoker: false,
        diabetic: false,
      },
      expected: 13.53,
      source: CVRISK,
    },
  ])('$case.sex $case.age → $expected% ($source)', ({ case: raw, expected }) => {
    expect(Math.abs(exactValue(framingham2008Cvd10y, raw) - expected)).toBeLessThanOrEqual(0.005);
    expect(runScore(framingham2008Cvd10y, raw)).toMatchObject({
      applicable: true,
      value: +expected.toFixed(1),
      unit: '%',
    });
  });
});

describe('framingham-2008-cvd-10y: applicability and inputs', () => {
  const base = {
    sex: 'male',
    totalCholesterol: 200,
    hdl: 50,
    systolicBP: 130,
    bpTreated: false,
    smoker: false,
    diabetic: false,
  };

  it.each([
    { age: 29, applicable: false },
    { age: 30, applicable: true },
    { age: 74, applicable: true },
    { age: 75, applicable: false },
  ])('age $age → applicable $applicable (derivation ages 30–74)', ({ age, applicable }) => {
    expect(runScore(framingham2008Cvd10y, { ...base, age }).applicable).toBe(applicable);
  });

  it('rejects a systolic pressure of 20 naming the input', () => {
    expect(() => runScore(framingham2008Cvd10y, { ...base, age: 50, systolicBP: 20 })).toThrow(/systolicBP/);
  });

  it('converts mmol/L cholesterol: the paper woman with TC 4.655 / HDL 1.2156 mmol/L', () => {
    const raw = {
      sex: 'female',
      age: 61,
      totalCholesterol: { value: 4.6554, unit: 'mmol/L' },
      hdl: { value: 1.2156, unit: 'mmol/L' },
      systolicBP: 124,
      bpTreated: false,
      smoker: true,
      diabetic: false,
    };
    expect(exactValue(framingham2008Cvd10y, raw)).toBeCloseTo(10.48, 2);
  });
});
