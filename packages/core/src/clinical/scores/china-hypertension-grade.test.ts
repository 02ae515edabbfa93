import { describe, expect, it } from 'vitest';
import { chinaHypertensionGrade } from './china-hypertension-grade';
import { runScore } from './run';

const TABLE3 = '中国高血压防治指南 2018, 表 3 血压水平分类和定义';
const HIGHER = TABLE3 + ', note: different levels → the higher one';
const ISH = TABLE3 + ', isolated systolic hypertension graded by SBP';

describe('china-hypertension-grade: ' + TABLE3, () => {
  it.each([
    { sbp: 118, dbp: 76, grade: 0, category: 'normal', isolated: 'no', source: TABLE3 },
    { sbp: 119, dbp: 79, grade: 0, category: 'normal', isolated: 'no', source: TABLE3 },
    { sbp: 120, dbp: 70, grade: 0, category: 'high-normal', isolated: 'no', source: TABLE3 },
    { sbp: 110, dbp: 80, grade: 0, category: 'high-normal', isolated: 'no', source: TABLE3 },
    { sbp: 139, dbp: 89, grade: 0, category: 'high-normal', isolated: 'no', source: TABLE3 },
    { sbp: 140, dbp: 85, grade: 1, category: 'grade-1', isolated: 'yes', source: ISH },
    { sbp: 130, dbp: 90, grade: 1, category: 'grade-1', isolated: 'no', source: TABLE3 },
    { sbp: 159, dbp: 99, grade: 1, category: 'grade-1', isolated: 'no', source: TABLE3 },
    { sbp: 160, dbp: 95, grade: 2, category: 'grade-2', isolated: 'no', source: HIGHER },
    { sbp: 150, dbp: 105, grade: 2, category: 'grade-2', isolated: 'no', source: HIGHER },
    { sbp: 179, dbp: 109, grade: 2, category: 'grade-2', isolated: 'no', source: TABLE3 },
    { sbp: 170, dbp: 70, grade: 2, category: 'grade-2', isolated: 'yes', source: ISH },
    { sbp: 180, dbp: 80, grade: 3, category: 'grade-3', isolated: 'yes', source: ISH },
    { sbp: 150, dbp: 110, grade: 3, category: 'grade-3', isolated: 'no', source: HIGHER },
    { sbp: 200, dbp: 120, grade: 3, category: 'grade-3', isolated: 'no', source: TABLE3 },
  ])('$sbp/$dbp → $category ($source)', ({ sbp, dbp, grade, category, isolated }) => {
    const r = runScore(chinaHypertensionGrade, { systolicBP: sbp, diastolicBP: dbp });
    expect(r).toMatchObject({ applicable: true, value: grade, category });
    expect(r.applicable && r.details?.isolatedSystolicHypertension).toBe(isolated);
  });

  it('decides on the unrounded reading: 139.6/70 is still high-normal', () => {
    expect(runScore(chinaHypertensionGrade, { systolicBP: 139.6, diastolicBP: 70 })).toMatchObject({
      category: 'high-normal',
    });
  });

  it.each([
    { input: 'systolicBP', raw: { systolicBP: 20, diastolicBP: 10 } },
    { input: 'diastolicBP', raw: { systolicBP: 120, diastolicBP: 250 } },
  ])('implausible $input is an error naming it', ({ input, raw }) => {
    expect(() => runScore(chinaHypertensionGrade, raw)).toThrow(new RegExp(input));
  });

  it('accepts a pressure given in kPa (UCUM): 20 kPa ≈ 150 mmHg', () => {
    const r = runScore(chinaHypertensionGrade, { systolicBP: { value: 20, unit: 'kPa' }, diastolicBP: 80 });
    expect(r).toMatchObject({ applicable: true, category: 'grade-1' });
  });
});
