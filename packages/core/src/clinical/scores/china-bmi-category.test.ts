import { describe, expect, it } from 'vitest';
import { chinaBmiCategory } from './china-bmi-category';
import { runScore } from './run';

const STANDARD = 'WS/T 428-2013 成人体重判定, 表 1 (BMI bands)';

describe('china-bmi-category: the bands of ' + STANDARD, () => {
  it.each([
    { bmi: 16, value: 0, category: 'underweight' },
    { bmi: 18.49, value: 0, category: 'underweight' },
    { bmi: 18.5, value: 1, category: 'normal' },
    { bmi: 22, value: 1, category: 'normal' },
    { bmi: 23.99, value: 1, category: 'normal' },
    { bmi: 24, value: 2, category: 'overweight' },
    { bmi: 27.99, value: 2, category: 'overweight' },
    { bmi: 28, value: 3, category: 'obese' },
    { bmi: 35, value: 3, category: 'obese' },
  ])('BMI $bmi → $category ($value)', ({ bmi, value, category }) => {
    const r = runScore(chinaBmiCategory, { bmi });
    expect(r).toMatchObject({ applicable: true, value, category });
    expect(r.applicable && r.interpretation?.['zh-CN']).toBeTruthy();
  });

  it('decides on the unrounded BMI: 23.996 is normal, not overweight', () => {
    expect(runScore(chinaBmiCategory, { bmi: 23.996 })).toMatchObject({ category: 'normal' });
  });

  it.each([{ bmi: 3 }, { bmi: 150 }])('implausible BMI $bmi is an error naming the input', ({ bmi }) => {
    expect(() => runScore(chinaBmiCategory, { bmi })).toThrow(/bmi/);
  });
});
