import type { LocalizedText } from '../../i18n';
import { ageInput, sexInput, systolicInput, waistInput } from './common-inputs';
import type { PointBand } from './point-bands';
import { pointsFor } from './point-bands';
import { defineScore } from './types';

/** Zhou 2013, Table 3 (as reproduced in the CDS type 2 diabetes guideline 2017/2020), boundaries as printed. */
const TABLE = {
  /** 20–24 → 0, 25–34 → 4, 35–39 → 8, 40–44 → 11, 45–49 → 12, 50–54 → 13, 55–59 → 15, 60–64 → 16, 65–74 → 18. */
  age: [
    { below: 25, points: 0 },
    { below: 35, points: 4 },
    { below: 40, points: 8 },
    { below: 45, points: 11 },
    { below: 50, points: 12 },
    { below: 55, points: 13 },
    { below: 60, points: 15 },
    { below: 65, points: 16 },
    { points: 18 },
  ],
  /** <22.0 → 0, 22.0–23.9 → 1, 24.0–29.9 → 3, ≥30.0 → 5. */
  bmi: [{ below: 22, points: 0 }, { below: 24, points: 1 }, { below: 30, points: 3 }, { points: 5 }],
  /** Men: <75.0 → 0, 75.0–79.9 → 3, 80.0–84.9 → 5, 85.0–89.9 → 7, 90.0–94.9 → 8, ≥95.0 → 10. */
  waistMale: [
    { below: 75, points: 0 },
    { below: 80, points: 3 },
    { below: 85, points: 5 },
    { below: 90, points: 7 },
    { below: 95, points: 8 },
    { points: 10 },
  ],
  /** Women: <70.0 → 0, 70.0–74.9 → 3, 75.0–79.9 → 5, 80.0–84.9 → 7, 85.0–89.9 → 8, ≥90.0 → 10. */
  waistFemale: [
    { below: 70, points: 0 },
    { below: 75, points: 3 },
    { below: 80, points: 5 },
    { below: 85, points: 7 },
    { below: 90, points: 8 },
    { points: 10 },
  ],
  /** <110 → 0, 110–119 → 1, 120–129 → 3, 130–139 → 6, 140–149 → 7, 150–159 → 8, ≥160 → 10. */
  systolicBP: [
    { below: 110, points: 0 },
    { below: 120, points: 1 },
    { below: 130, points: 3 },
    { below: 140, points: 6 },
    { below: 150, points: 7 },
    { below: 160, points: 8 },
    { points: 10 },
  ],
} as const satisfies Readonly<Record<string, readonly PointBand[]>>;
const MALE_POINTS = 2;
const FAMILY_HISTORY_POINTS = 6;
const HIGH_AT = 25;
const VALIDATED_AGE = [20, 74] as const;

/** Chinese Diabetes Risk Score (Zhou 2013): screening for undiagnosed type 2 diabetes in adults 20–74, 0–51 points. */
export const chinaDiabetesRiskScore = defineScore({
  id: 'china-diabetes-risk-score',
  version: 'zhou-2013',
  name: { 'zh-CN': '中国糖尿病风险评分', en: 'Chinese Diabetes Risk Score' },
  source: [
    {
      citation:
        'Zhou X, Qiao Q, Ji L, et al. Nonlaboratory-based risk assessment algorithm for undiagnosed type 2 diabetes developed on a nation-wide diabetes survey. Diabetes Care. 2013;36(12):3944–3952.',
      doi: '10.2337/dc13-0593',
    },
    {
      citation:
        '中华医学会糖尿病学分会. 中国2型糖尿病防治指南（2017年版）. 中华糖尿病杂志. 2018;10(1):4–67（中国糖尿病风险评分表；总分 ≥25 分者应进行 OGTT）.',
      doi: '10.3760/cma.j.issn.1674-5809.2018.01.003',
    },
    {
      citation: '中华医学会糖尿病学分会. 中国2型糖尿病防治指南（2020年版）. 中华糖尿病杂志. 2021;13(4):315–409.',
      doi: '10.3760/cma.j.cn115791-20210221-00095',
    },
  ],
  unit: '{score}',
  decimals: 0,
  inputs: {
    age: ageInput,
    sex: sexInput,
    bmi: { kind: 'number', unit: 'kg/m2', min: 10, max: 80, label: { 'zh-CN': '体重指数', en: 'Body-mass index' } },
    waist: waistInput,
    systolicBP: systolicInput,
    familyHistoryDiabetes: {
      kind: 'boolean',
      label: { 'zh-CN': '糖尿病家族史（父母、同胞、子女）', en: 'Family history of diabetes (parent, sibling, child)' },
    },
  },
  notApplicable: (x): LocalizedText | undefined =>
    x.age < VALIDATED_AGE[0] || x.age > VALIDATED_AGE[1]
      ? {
          'zh-CN': `中国糖尿病风险评分仅适用于 20–74 岁人群（当前 ${x.age} 岁）`,
          en: `The Chinese Diabetes Risk Score applies to ages 20–74 only (age ${x.age})`,
        }
      : undefined,
  compute: (x) => {
    const points = {
      age: pointsFor(TABLE.age, x.age),
      sex: x.sex === 'male' ? MALE_POINTS : 0,
      bmi: pointsFor(TABLE.bmi, x.bmi),
      waist: pointsFor(x.sex === 'male' ? TABLE.waistMale : TABLE.waistFemale, x.waist),
      systolicBP: pointsFor(TABLE.systolicBP, x.systolicBP),
      familyHistory: x.familyHistoryDiabetes ? FAMILY_HISTORY_POINTS : 0,
    };
    return { value: Object.values(points).reduce((a, b) => a + b, 0), details: points };
  },
  categories: [
    {
      code: 'low',
      max: HIGH_AT,
      interpretation: { 'zh-CN': '低风险（<25 分）', en: 'Low risk (<25)' },
    },
    {
      code: 'high',
      min: HIGH_AT,
      interpretation: {
        'zh-CN': '高风险（≥25 分）：应进行口服葡萄糖耐量试验（OGTT）筛查糖尿病',
        en: 'High risk (≥25): screen for diabetes with an oral glucose tolerance test (OGTT)',
      },
    },
  ],
  notes:
    'Point table of Zhou et al. 2013 as adopted by the Chinese Diabetes Society guideline (2017 and 2020 editions): age, sex, BMI, sex-specific waist, systolic pressure and family history; total 0–51; ≥25 means high risk and OGTT screening. ' +
    'Printed bands are one-decimal ranges (e.g. 22.0–23.9), read here as half-open intervals so 23.95 falls in the 22.0–23.9 row. Derived and validated in Chinese adults aged 20–74; not applicable outside that range.',
});
