import { diastolicInput, systolicInput } from './common-inputs';
import { defineScore } from './types';

/**
 * 2018 Chinese hypertension guideline, Table 3 (血压水平分类和定义), highest level first: a level applies when the
 * systolic OR the diastolic pressure reaches its threshold, so the higher of the two grades is taken.
 */
const LEVELS = [
  { code: 'grade-3', grade: 3, sbp: 180, dbp: 110 },
  { code: 'grade-2', grade: 2, sbp: 160, dbp: 100 },
  { code: 'grade-1', grade: 1, sbp: 140, dbp: 90 },
  { code: 'high-normal', grade: 0, sbp: 120, dbp: 80 },
  { code: 'normal', grade: 0, sbp: -Infinity, dbp: -Infinity },
] as const;
const NORMAL = LEVELS[4];

/** Blood-pressure level and hypertension grade 0–3 from one office reading (2018 Chinese guideline). */
export const chinaHypertensionGrade = defineScore({
  id: 'china-hypertension-grade',
  version: '2018',
  name: {
    'zh-CN': '血压水平分类与高血压分级（中国高血压防治指南 2018）',
    en: 'Blood pressure level and hypertension grade (Chinese guideline 2018)',
  },
  source: [
    {
      citation:
        '中国高血压防治指南修订委员会, 等. 中国高血压防治指南（2018年修订版）. 中国心血管杂志. 2019;24(1):24–56 (表 3 血压水平分类和定义).',
    },
  ],
  unit: '{grade}',
  decimals: 0,
  inputs: { systolicBP: systolicInput, diastolicBP: diastolicInput },
  compute: (x) => {
    const level = LEVELS.find((l) => x.systolicBP >= l.sbp || x.diastolicBP >= l.dbp) ?? NORMAL;
    const isolatedSystolic = x.systolicBP >= 140 && x.diastolicBP < 90;
    return {
      value: level.grade,
      category: level.code,
      details: { isolatedSystolicHypertension: isolatedSystolic ? 'yes' : 'no' },
    };
  },
  categories: [
    { code: 'normal', interpretation: { 'zh-CN': '正常血压（<120 和 <80 mmHg）', en: 'Normal (<120 and <80 mmHg)' } },
    {
      code: 'high-normal',
      interpretation: {
        'zh-CN': '正常高值（120–139 和/或 80–89 mmHg）',
        en: 'High-normal (120–139 and/or 80–89 mmHg)',
      },
    },
    {
      code: 'grade-1',
      interpretation: { 'zh-CN': '1 级高血压（轻度）', en: 'Grade 1 hypertension (mild)' },
    },
    {
      code: 'grade-2',
      interpretation: { 'zh-CN': '2 级高血压（中度）', en: 'Grade 2 hypertension (moderate)' },
    },
    {
      code: 'grade-3',
      interpretation: { 'zh-CN': '3 级高血压（重度）', en: 'Grade 3 hypertension (severe)' },
    },
  ],
  notes:
    'When systolic and diastolic pressures fall in different levels the higher level is taken (guideline note to ' +
    'Table 3). Isolated systolic hypertension (SBP ≥140 and DBP <90) is graded 1, 2 or 3 by the systolic pressure, as ' +
    'the guideline says, and flagged in details.isolatedSystolicHypertension. Grades classify a reading; diagnosing ' +
    'hypertension needs raised office readings on three separate days without treatment (or current treatment).',
});
