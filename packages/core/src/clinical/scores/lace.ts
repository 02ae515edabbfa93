import type { PointBand } from './point-bands';
import { pointsFor } from './point-bands';
import { defineScore } from './types';

/** van Walraven 2010, Table 3 (the LACE index), as printed. */
const TABLE = {
  /** L: <1 day 0, 1 → 1, 2 → 2, 3 → 3, 4–6 → 4, 7–13 → 5, ≥14 → 7. */
  lengthOfStay: [
    { below: 1, points: 0 },
    { below: 2, points: 1 },
    { below: 3, points: 2 },
    { below: 4, points: 3 },
    { below: 7, points: 4 },
    { below: 14, points: 5 },
    { points: 7 },
  ],
  /** C: Charlson comorbidity index 0 → 0, 1 → 1, 2 → 2, 3 → 3, ≥4 → 5. */
  charlson: [
    { below: 1, points: 0 },
    { below: 2, points: 1 },
    { below: 3, points: 2 },
    { below: 4, points: 3 },
    { points: 5 },
  ],
  /** E: emergency-department visits in the previous 6 months 0–3 → same, ≥4 → 4. */
  edVisits: [
    { below: 1, points: 0 },
    { below: 2, points: 1 },
    { below: 3, points: 2 },
    { below: 4, points: 3 },
    { points: 4 },
  ],
} as const satisfies Readonly<Record<string, readonly PointBand[]>>;
/** A: acute (emergent) admission 3 points. */
const ACUTE_POINTS = 3;

/** LACE index (original, van Walraven 2010): 30-day death or unplanned readmission after discharge, 0–19 points. */
export const lace = defineScore({
  id: 'lace',
  version: 'van-walraven-2010-original',
  name: { 'zh-CN': 'LACE 再入院风险指数（原始版）', en: 'LACE index for readmission (original)' },
  source: [
    {
      citation:
        'van Walraven C, Dhalla IA, Bell C, et al. Derivation and validation of an index to predict early death or unplanned readmission after discharge from hospital to the community. CMAJ. 2010;182(6):551–557 (Table 3).',
      doi: '10.1503/cmaj.091117',
    },
  ],
  unit: '{score}',
  decimals: 0,
  inputs: {
    lengthOfStayDays: {
      kind: 'number',
      unit: 'd',
      min: 0,
      max: 1000,
      label: { 'zh-CN': '住院天数', en: 'Length of stay (days)' },
    },
    acuteAdmission: {
      kind: 'boolean',
      label: { 'zh-CN': '急诊/非计划入院', en: 'Acute (emergent) admission' },
    },
    charlsonIndex: {
      kind: 'number',
      unit: '{score}',
      min: 0,
      max: 40,
      label: { 'zh-CN': 'Charlson 合并症指数', en: 'Charlson comorbidity index' },
    },
    edVisits6Months: {
      kind: 'number',
      unit: '{visits}',
      min: 0,
      max: 200,
      label: { 'zh-CN': '近 6 个月急诊就诊次数', en: 'Emergency department visits in the previous 6 months' },
    },
  },
  compute: (x) => {
    const points = {
      lengthOfStay: pointsFor(TABLE.lengthOfStay, x.lengthOfStayDays),
      acuity: x.acuteAdmission ? ACUTE_POINTS : 0,
      comorbidity: pointsFor(TABLE.charlson, x.charlsonIndex),
      emergencyVisits: pointsFor(TABLE.edVisits, x.edVisits6Months),
    };
    return {
      value: points.lengthOfStay + points.acuity + points.comorbidity + points.emergencyVisits,
      details: points,
    };
  },
  notes:
    'Variant: the original LACE index (van Walraven 2010, Table 3), not LACE+ (van Walraven 2012, with age, sex, teaching status, CMG score and more) nor locally "modified LACE" versions. ' +
    'Length of stay in whole days (a stay under one day scores 0; fractions count in the lower whole-day row); Charlson ≥4 scores 5. ' +
    'Derived in adult medical and surgical patients discharged to the community in Ontario; no categories were published with the index, so none are given.',
});
