import type { LocalizedText } from '../../i18n';

/** ASCVD risk levels of the 2023 Chinese lipid guideline and their LDL-C targets (mmol/L, 表 5). */
export const LIPID_RISK_LEVELS = {
  'very-high': { ldlTarget: 1.8, name: { 'zh-CN': '极高危', en: 'very high risk' } },
  high: { ldlTarget: 2.6, name: { 'zh-CN': '高危', en: 'high risk' } },
  medium: { ldlTarget: 2.6, name: { 'zh-CN': '中危', en: 'medium risk' } },
  low: { ldlTarget: 3.4, name: { 'zh-CN': '低危', en: 'low risk' } },
} as const satisfies Readonly<Record<string, { ldlTarget: number; name: LocalizedText }>>;
export type LipidRiskLevel = keyof typeof LIPID_RISK_LEVELS;

/** What the stratification needs from the record. */
export interface LipidRiskInputs {
  readonly ascvd: boolean;
  readonly diabetes: boolean;
  readonly age: number;
  readonly sex: 'male' | 'female';
  readonly ldl: number;
  readonly totalCholesterol?: number;
  readonly hdl?: number;
  readonly egfr?: number;
  readonly hypertension: boolean;
  readonly smoker: boolean;
}

/** LDL-C band of Figure 1 (the TC band is used when higher): 0 = 1.8–<2.6, 1 = 2.6–<3.4, 2 = 3.4–<4.9 mmol/L. */
const LDL_BANDS = [1.8, 2.6, 3.4, 4.9] as const;
const TC_BANDS = [3.1, 4.1, 5.2, 7.2] as const;

/**
 * 10-year ASCVD risk by Figure 1 of the guideline: rows by hypertension and the number of risk factors
 * (smoking, HDL-C <1.0 mmol/L, age ≥45 men / ≥55 women), columns by cholesterol band.
 */
const TEN_YEAR: Readonly<Record<'no' | 'yes', readonly (readonly LipidRiskLevel[])[]>> = {
  no: [
    ['low', 'low', 'low'],
    ['low', 'low', 'low'],
    ['low', 'low', 'medium'],
    ['low', 'medium', 'medium'],
  ],
  yes: [
    ['low', 'low', 'low'],
    ['low', 'medium', 'medium'],
    ['medium', 'high', 'high'],
    ['high', 'high', 'high'],
  ],
};

function band(value: number | undefined, cuts: readonly number[]): number {
  if (value === undefined || value < (cuts[0] ?? 0)) return -1;
  return Math.min(cuts.filter((c) => value >= c).length - 1, 2);
}

/** The person's risk level and why (English, for the evidence line). */
export function lipidRiskLevel(x: LipidRiskInputs): { level: LipidRiskLevel; why: string } {
  if (x.ascvd) return { level: 'very-high', why: 'clinical ASCVD' };
  if (x.ldl >= 4.9 || (x.totalCholesterol ?? 0) >= 7.2) return { level: 'high', why: 'LDL-C ≥4.9 or TC ≥7.2 mmol/L' };
  if (x.diabetes && x.age >= 40) return { level: 'high', why: 'diabetes, age ≥40' };
  if (x.egfr !== undefined && x.egfr >= 15 && x.egfr < 60) return { level: 'high', why: 'CKD stage 3–4 (eGFR 15–59)' };
  const factors = [x.smoker, x.hdl !== undefined && x.hdl < 1.0, x.age >= (x.sex === 'male' ? 45 : 55)];
  const count = factors.filter(Boolean).length;
  const col = Math.max(band(x.ldl, LDL_BANDS), band(x.totalCholesterol, TC_BANDS));
  const level = col < 0 ? 'low' : (TEN_YEAR[x.hypertension ? 'yes' : 'no'][count]?.[col] ?? 'low');
  return {
    level,
    why: `10-year risk table: ${x.hypertension ? 'hypertension' : 'no hypertension'}, ${String(count)} risk factor(s)`,
  };
}
