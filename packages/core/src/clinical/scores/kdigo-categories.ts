import type { Category } from './types';

/**
 * KDIGO 2012 GFR categories (G1–G5) and albuminuria categories (A1–A3), bands on the unrounded value
 * (`min <= value < max`). KDIGO 2012 CKD guideline, Kidney Int Suppl 2013;3:1–150, Tables 5–6 (recommendation 1.2.4).
 */
export const GFR_CATEGORIES: readonly Category[] = [
  {
    code: 'G1',
    min: 90,
    interpretation: { 'zh-CN': 'G1：正常或升高（≥90）', en: 'G1: normal or high (≥90)' },
  },
  {
    code: 'G2',
    min: 60,
    max: 90,
    interpretation: { 'zh-CN': 'G2：轻度下降（60–89）', en: 'G2: mildly decreased (60–89)' },
  },
  {
    code: 'G3a',
    min: 45,
    max: 60,
    interpretation: { 'zh-CN': 'G3a：轻至中度下降（45–59）', en: 'G3a: mildly to moderately decreased (45–59)' },
  },
  {
    code: 'G3b',
    min: 30,
    max: 45,
    interpretation: { 'zh-CN': 'G3b：中至重度下降（30–44）', en: 'G3b: moderately to severely decreased (30–44)' },
  },
  {
    code: 'G4',
    min: 15,
    max: 30,
    interpretation: { 'zh-CN': 'G4：重度下降（15–29）', en: 'G4: severely decreased (15–29)' },
  },
  {
    code: 'G5',
    max: 15,
    interpretation: { 'zh-CN': 'G5：肾衰竭（<15）', en: 'G5: kidney failure (<15)' },
  },
];

export type GfrCategory = 'G1' | 'G2' | 'G3a' | 'G3b' | 'G4' | 'G5';
export type AlbuminuriaCategory = 'A1' | 'A2' | 'A3';

/** The GFR category of an eGFR in mL/min/1.73 m². */
export function gfrCategory(egfr: number): GfrCategory {
  if (egfr >= 90) return 'G1';
  if (egfr >= 60) return 'G2';
  if (egfr >= 45) return 'G3a';
  if (egfr >= 30) return 'G3b';
  if (egfr >= 15) return 'G4';
  return 'G5';
}

/** The albuminuria category of an albumin-to-creatinine ratio in mg/g: A1 <30, A2 30–300, A3 >300 (KDIGO Table 6). */
export function albuminuriaCategory(acr: number): AlbuminuriaCategory {
  if (acr < 30) return 'A1';
  if (acr <= 300) return 'A2';
  return 'A3';
}
