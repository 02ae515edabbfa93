import type { LocalizedText } from '../../i18n';
import { ageInput, sexInput, waistInput } from './common-inputs';
import type { PointBand } from './point-bands';
import { pointsFor } from './point-bands';
import { defineScore } from './types';

/** FINDRISC form ("Type 2 diabetes risk assessment form"), boundaries as printed on it. */
const TABLE = {
  /** Under 45 → 0, 45–54 → 2, 55–64 → 3, over 64 → 4. */
  age: [{ below: 45, points: 0 }, { below: 55, points: 2 }, { below: 65, points: 3 }, { points: 4 }],
  /** Lower than 25 → 0, 25–30 → 1, higher than 30 → 3. */
  bmi: [{ below: 25, points: 0 }, { upTo: 30, points: 1 }, { points: 3 }],
  /** Men: less than 94 → 0, 94–102 → 3, more than 102 → 4. */
  waistMale: [{ below: 94, points: 0 }, { upTo: 102, points: 3 }, { points: 4 }],
  /** Women: less than 80 → 0, 80–88 → 3, more than 88 → 4. */
  waistFemale: [{ below: 80, points: 0 }, { upTo: 88, points: 3 }, { points: 4 }],
} as const satisfies Readonly<Record<string, readonly PointBand[]>>;
const POINTS = {
  noDailyActivity: 2,
  noDailyVegetablesFruit: 1,
  antihypertensiveMedication: 2,
  historyHighGlucose: 5,
  family: { none: 0, 'second-degree': 3, 'first-degree': 5 },
} as const;
const MIN_AGE = 18;

const flag = (zh: string, en: string) => ({ kind: 'boolean', label: { 'zh-CN': zh, en } }) as const;

/** FINDRISC, the Finnish Diabetes Risk Score (0–26): 10-year risk of type 2 diabetes without laboratory tests. */
export const findrisc = defineScore({
  id: 'findrisc',
  version: 'lindstrom-2003/form-with-family-history',
  name: { 'zh-CN': '芬兰糖尿病风险评分（FINDRISC）', en: 'Finnish Diabetes Risk Score (FINDRISC)' },
  source: [
    {
      citation:
        'Lindström J, Tuomilehto J. The Diabetes Risk Score: a practical tool to predict type 2 diabetes risk. Diabetes Care. 2003;26(3):725–731.',
      doi: '10.2337/diacare.26.3.725',
    },
    {
      citation:
        'Tuomilehto J, Lindström J. Type 2 diabetes risk assessment form (FINDRISC questionnaire, eight items including family history; total 0–26 and the five risk levels). Finnish Diabetes Association.',
      url: 'https://www.diabetes.fi/en/finnish_diabetes_association/dehko/risk_test',
    },
  ],
  unit: '{score}',
  decimals: 0,
  inputs: {
    age: ageInput,
    sex: sexInput,
    bmi: { kind: 'number', unit: 'kg/m2', min: 10, max: 80, label: { 'zh-CN': '体重指数', en: 'Body-mass index' } },
    waist: waistInput,
    physicalActivity30min: flag(
      '每天至少 30 分钟体力活动（工作或休闲）',
      'At least 30 minutes of physical activity daily (work or leisure)',
    ),
    dailyVegetablesFruit: flag('每天吃蔬菜、水果或浆果', 'Eats vegetables, fruit or berries every day'),
    antihypertensiveMedication: flag('曾规律服用降压药', 'Has ever taken antihypertensive medication regularly'),
    historyHighGlucose: flag(
      '曾发现血糖升高（体检、患病或妊娠期间）',
      'Ever found to have high blood glucose (check-up, illness, pregnancy)',
    ),
    familyHistoryDiabetes: {
      kind: 'enum',
      values: ['none', 'second-degree', 'first-degree'],
      label: {
        'zh-CN': '糖尿病家族史（无 / 祖父母、姑姨叔舅或堂表兄妹 / 父母、兄弟姐妹或子女）',
        en: 'Family history of diabetes (none / grandparent, aunt, uncle or first cousin / parent, sibling or child)',
      },
    },
  },
  notApplicable: (x): LocalizedText | undefined =>
    x.age < MIN_AGE
      ? {
          'zh-CN': `FINDRISC 仅适用于成人（当前 ${x.age} 岁）`,
          en: `FINDRISC applies to adults only (age ${x.age})`,
        }
      : undefined,
  compute: (x) => {
    const points = {
      age: pointsFor(TABLE.age, x.age),
      bmi: pointsFor(TABLE.bmi, x.bmi),
      waist: pointsFor(x.sex === 'male' ? TABLE.waistMale : TABLE.waistFemale, x.waist),
      physicalActivity: x.physicalActivity30min ? 0 : POINTS.noDailyActivity,
      vegetablesFruit: x.dailyVegetablesFruit ? 0 : POINTS.noDailyVegetablesFruit,
      antihypertensive: x.antihypertensiveMedication ? POINTS.antihypertensiveMedication : 0,
      highGlucose: x.historyHighGlucose ? POINTS.historyHighGlucose : 0,
      familyHistory: POINTS.family[x.familyHistoryDiabetes],
    };
    return { value: Object.values(points).reduce((a, b) => a + b, 0), details: points };
  },
  categories: [
    {
      code: 'low',
      max: 7,
      interpretation: {
        'zh-CN': '低风险（<7 分）：约 1/100 将患糖尿病',
        en: 'Low (<7): about 1 in 100 will develop diabetes',
      },
    },
    {
      code: 'slightly-elevated',
      min: 7,
      max: 12,
      interpretation: {
        'zh-CN': '轻度升高（7–11 分）：约 1/25 将患糖尿病',
        en: 'Slightly elevated (7–11): about 1 in 25 will develop diabetes',
      },
    },
    {
      code: 'moderate',
      min: 12,
      max: 15,
      interpretation: {
        'zh-CN': '中度风险（12–14 分）：约 1/6 将患糖尿病',
        en: 'Moderate (12–14): about 1 in 6 will develop diabetes',
      },
    },
    {
      code: 'high',
      min: 15,
      max: 21,
      interpretation: {
        'zh-CN': '高风险（15–20 分）：约 1/3 将患糖尿病',
        en: 'High (15–20): about 1 in 3 will develop diabetes',
      },
    },
    {
      code: 'very-high',
      min: 21,
      interpretation: {
        'zh-CN': '极高风险（>20 分）：约 1/2 将患糖尿病',
        en: 'Very high (>20): about 1 in 2 will develop diabetes',
      },
    },
  ],
  notes:
    'Lindström & Tuomilehto 2003 published seven items (0–20); the family-history item (second-degree 3, first-degree 5) and the five risk levels (<7, 7–11, 12–14, 15–20, >20 of 26) come from the published FINDRISC form, which is the version used here. ' +
    'Boundaries follow the form as printed: BMI 25–30 → 1 and >30 → 3; waist men 94–102 → 3 and >102 → 4, women 80–88 → 3 and >88 → 4 (so 30.0, 102 and 88 are still in the middle row). ' +
    'Derived in Finnish adults aged 35–64 (validated 25–64); not applicable below 18.',
});
