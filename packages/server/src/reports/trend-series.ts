import type { Citation } from '@careloop/core/clinical/source';
import type { LocalizedText } from '@careloop/core/i18n';

/**
 * The repeated measures a report charts over past checkups, as data. Codes are LOINC (meaning: the code's long
 * common name, https://loinc.org/<code>/); the default band is shaded when the lab gave no range of its own.
 */
export interface TrendSeriesDefinition {
  readonly key: string;
  readonly loinc: readonly string[];
  readonly label: LocalizedText;
  /** The reference band: `low <= value <= high` (either may be absent), in the chart's unit. */
  readonly band: { readonly low?: number; readonly high?: number; readonly source: Citation };
}
export interface TrendChartDefinition {
  readonly id: string;
  readonly title: LocalizedText;
  /** UCUM unit every value is converted to. */
  readonly unit: string;
  /** The unit as printed. */
  readonly unitLabel: string;
  readonly decimals: number;
  readonly series: readonly TrendSeriesDefinition[];
}

const CHINA_HTN_2018: Citation = {
  citation:
    'Joint Committee for Guideline Revision. 2018 Chinese Guidelines for Prevention and Treatment of Hypertension. J Geriatr Cardiol 2019;16(3):182-241 (hypertension: SBP ≥ 140 and/or DBP ≥ 90 mmHg).',
  doi: '10.11909/j.issn.1671-5411.2019.03.014',
};
const CDS_2020: Citation = {
  citation:
    'Chinese Diabetes Society. Guideline for the prevention and treatment of type 2 diabetes mellitus in China (2020 edition). Chin J Diabetes Mellit 2021;13(4):315-409 (normal fasting glucose 3.9 to < 6.1 mmol/L).',
};
const ADA_2024: Citation = {
  citation:
    'American Diabetes Association Professional Practice Committee. 2. Diagnosis and Classification of Diabetes: Standards of Care in Diabetes—2024. Diabetes Care 2024;47(Suppl 1):S20-S42 (A1C < 5.7% normal).',
  doi: '10.2337/dc24-S002',
};
const CHINA_LIPID_2023: Citation = {
  citation:
    'Li JJ, Zhao SP, Zhao D, et al. 2023 China Guidelines for Lipid Management. J Geriatr Cardiol 2023;20(9):621-663 (suitable levels: TC < 5.2, LDL-C < 3.4 mmol/L).',
  doi: '10.26599/1671-5411.2023.09.008',
};

export const TREND_CHARTS: readonly TrendChartDefinition[] = [
  {
    id: 'blood-pressure',
    title: { 'zh-CN': '血压', en: 'Blood pressure' },
    unit: 'mm[Hg]',
    unitLabel: 'mmHg',
    decimals: 0,
    series: [
      {
        key: 'systolic',
        loinc: ['8480-6'],
        label: { 'zh-CN': '收缩压', en: 'Systolic' },
        band: { low: 90, high: 139, source: CHINA_HTN_2018 },
      },
      {
        key: 'diastolic',
        loinc: ['8462-4'],
        label: { 'zh-CN': '舒张压', en: 'Diastolic' },
        band: { low: 60, high: 89, source: CHINA_HTN_2018 },
      },
    ],
  },
  {
    id: 'fasting-glucose',
    title: { 'zh-CN': '空腹血糖', en: 'Fasting glucose' },
    unit: 'mmol/L',
    unitLabel: 'mmol/L',
    decimals: 1,
    series: [
      {
        key: 'fasting-glucose',
        loinc: ['14771-0', '1558-6'],
        label: { 'zh-CN': '空腹血糖', en: 'Fasting glucose' },
        band: { low: 3.9, high: 6.1, source: CDS_2020 },
      },
    ],
  },
  {
    id: 'hba1c',
    title: { 'zh-CN': '糖化血红蛋白', en: 'HbA1c' },
    unit: '%',
    unitLabel: '%',
    decimals: 1,
    series: [
      {
        key: 'hba1c',
        loinc: ['4548-4', '17856-6'],
        label: { 'zh-CN': '糖化血红蛋白', en: 'HbA1c' },
        band: { high: 5.7, source: ADA_2024 },
      },
    ],
  },
  {
    id: 'cholesterol',
    title: { 'zh-CN': '血脂', en: 'Cholesterol' },
    unit: 'mmol/L',
    unitLabel: 'mmol/L',
    decimals: 2,
    series: [
      {
        key: 'total-cholesterol',
        loinc: ['14647-2', '2093-3'],
        label: { 'zh-CN': '总胆固醇', en: 'Total cholesterol' },
        band: { high: 5.2, source: CHINA_LIPID_2023 },
      },
      {
        key: 'ldl',
        loinc: ['22748-8', '39469-2', '13457-7', '18262-6', '2089-1', '69419-0'],
        label: { 'zh-CN': '低密度脂蛋白胆固醇', en: 'LDL cholesterol' },
        band: { high: 3.4, source: CHINA_LIPID_2023 },
      },
    ],
  },
];
