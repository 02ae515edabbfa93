import { defineScore } from './types';

/** WS/T 428-2013 bands: code, value 0–3, and the lower bound of each band in kg/m². */
const BANDS = [
  { code: 'obese', value: 3, min: 28 },
  { code: 'overweight', value: 2, min: 24 },
  { code: 'normal', value: 1, min: 18.5 },
  { code: 'underweight', value: 0, min: -Infinity },
] as const;
const UNDERWEIGHT = BANDS[3];

/** Chinese adult weight status from BMI (WS/T 428-2013 成人体重判定): 0 underweight … 3 obese. */
export const chinaBmiCategory = defineScore({
  id: 'china-bmi-category',
  version: 'WS/T 428-2013',
  name: { 'zh-CN': '成人体重判定（BMI，WS/T 428-2013）', en: 'Chinese adult weight status by BMI (WS/T 428-2013)' },
  source: [
    {
      citation:
        '中华人民共和国国家卫生和计划生育委员会. WS/T 428-2013 成人体重判定 (Criteria of weight for adults). 北京: 中国标准出版社, 2013.',
    },
  ],
  unit: '{category}',
  decimals: 0,
  inputs: {
    bmi: { kind: 'number', unit: 'kg/m2', min: 8, max: 100, label: { 'zh-CN': '体质指数', en: 'Body mass index' } },
  },
  compute: (x) => {
    const band = BANDS.find((b) => x.bmi >= b.min) ?? UNDERWEIGHT;
    return { value: band.value, category: band.code, details: { bmi: x.bmi } };
  },
  categories: [
    {
      code: 'underweight',
      max: 18.5,
      interpretation: { 'zh-CN': '体重过低（BMI <18.5）', en: 'Underweight (BMI <18.5)' },
    },
    {
      code: 'normal',
      min: 18.5,
      max: 24,
      interpretation: { 'zh-CN': '体重正常（18.5 ≤ BMI <24.0）', en: 'Normal weight (18.5 ≤ BMI <24.0)' },
    },
    {
      code: 'overweight',
      min: 24,
      max: 28,
      interpretation: { 'zh-CN': '超重（24.0 ≤ BMI <28.0）', en: 'Overweight (24.0 ≤ BMI <28.0)' },
    },
    { code: 'obese', min: 28, interpretation: { 'zh-CN': '肥胖（BMI ≥28.0）', en: 'Obese (BMI ≥28.0)' } },
  ],
  notes:
    'For adults (18 years and over). The category bands (min/max) are on BMI, while value is the band index 0–3; ' +
    'the band is chosen on the unrounded BMI.',
});
