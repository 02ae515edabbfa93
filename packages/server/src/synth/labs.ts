import type { Citation } from '@careloop/core/clinical/source';
import type { ProfileKey } from './profile';

/** Checkup laboratory tests: LOINC code and UCUM unit per profile, and the lab's reference range. */
export const LAB_KEYS = [
  'glucose',
  'hba1c',
  'cholesterol',
  'hdl',
  'ldl',
  'triglycerides',
  'creatinine',
  'alt',
  'ast',
  'platelets',
  'urate',
  'uacr',
] as const;
export type LabKey = (typeof LAB_KEYS)[number];

/** A reference interval; sex-specific when `male`/`female` are set. */
export interface Interval {
  readonly low?: number;
  readonly high?: number;
}

/** How one profile's lab reports a test. */
export interface LabCoding {
  readonly loinc: string;
  readonly display: string;
  readonly unit: string;
  readonly decimals: number;
  /** Multiplier from the generator's SI value (mmol/L, µmol/L, U/L, 10*9/L, %, mg/g) to this unit. */
  readonly factor: number;
  readonly range: Interval | { readonly male: Interval; readonly female: Interval };
}

export interface LabDefinition {
  readonly key: LabKey;
  readonly china: LabCoding;
  readonly us: LabCoding;
}

/** Sources of the reference intervals. */
export const RANGE_SOURCES: Readonly<Record<ProfileKey, Citation>> = {
  china: {
    citation:
      'National Health Commission of the PRC. WS/T 404.1–404.8 Reference intervals for common clinical biochemistry tests (2012–2015), WS/T 405-2012 for blood cells; lipids from the 2016 Chinese guidelines for the management of dyslipidemia in adults; glucose and HbA1c from the Chinese T2DM guideline 2020',
  },
  us: {
    citation:
      'Commonly used US laboratory reference intervals (e.g. Mayo Clinic Laboratories test catalog); lipid cut-points from NCEP ATP III (JAMA 2001;285:2486–2497); glucose and HbA1c from ADA Standards of Care 2024',
  },
};

// Conversion factors: glucose 1 mmol/L = 18.016 mg/dL (180.16 g/mol); cholesterol 38.67; triglycerides 88.57;
// creatinine 1 mg/dL = 88.42 µmol/L; uric acid 1 mg/dL = 59.48 µmol/L.
/** The checkup labs. */
export const LABS: readonly LabDefinition[] = [
  {
    key: 'glucose',
    china: {
      loinc: '14771-0',
      display: 'Fasting glucose [Moles/volume] in Serum or Plasma',
      unit: 'mmol/L',
      decimals: 1,
      factor: 1,
      range: { low: 3.9, high: 6.1 },
    },
    us: {
      loinc: '1558-6',
      display: 'Fasting glucose [Mass/volume] in Serum or Plasma',
      unit: 'mg/dL',
      decimals: 0,
      factor: 18.016,
      range: { low: 70, high: 99 },
    },
  },
  {
    key: 'hba1c',
    china: {
      loinc: '4548-4',
      display: 'Hemoglobin A1c/Hemoglobin.total in Blood',
      unit: '%',
      decimals: 1,
      factor: 1,
      range: { low: 4.0, high: 6.0 },
    },
    us: {
      loinc: '4548-4',
      display: 'Hemoglobin A1c/Hemoglobin.total in Blood',
      unit: '%',
      decimals: 1,
      factor: 1,
      range: { low: 4.0, high: 5.6 },
    },
  },
  {
    key: 'cholesterol',
    china: {
      loinc: '14647-2',
      display: 'Cholesterol [Moles/volume] in Serum or Plasma',
      unit: 'mmol/L',
      decimals: 2,
      factor: 1,
      range: { high: 5.2 },
    },
    us: {
      loinc: '2093-3',
      display: 'Cholesterol [Mass/volume] in Serum or Plasma',
      unit: 'mg/dL',
      decimals: 0,
      factor: 38.67,
      range: { high: 200 },
    },
  },
  {
    key: 'hdl',
    china: {
      loinc: '14646-4',
      display: 'Cholesterol in HDL [Moles/volume] in Serum or Plasma',
      unit: 'mmol/L',
      decimals: 2,
      factor: 1,
      range: { low: 1.0 },
    },
    us: {
      loinc: '2085-9',
      display: 'Cholesterol in HDL [Mass/volume] in Serum or Plasma',
      unit: 'mg/dL',
      decimals: 0,
      factor: 38.67,
      range: { male: { low: 40 }, female: { low: 50 } },
    },
  },
  {
    key: 'ldl',
    china: {
      loinc: '39469-2',
      display: 'Cholesterol in LDL [Moles/volume] in Serum or Plasma by calculation',
      unit: 'mmol/L',
      decimals: 2,
      factor: 1,
      range: { high: 3.4 },
    },
    us: {
      loinc: '13457-7',
      display: 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation',
      unit: 'mg/dL',
      decimals: 0,
      factor: 38.67,
      range: { high: 100 },
    },
  },
  {
    key: 'triglycerides',
    china: {
      loinc: '14927-8',
      display: 'Triglyceride [Moles/volume] in Serum or Plasma',
      unit: 'mmol/L',
      decimals: 2,
      factor: 1,
      range: { high: 1.7 },
    },
    us: {
      loinc: '2571-8',
      display: 'Triglyceride [Mass/volume] in Serum or Plasma',
      unit: 'mg/dL',
      decimals: 0,
      factor: 88.57,
      range: { high: 150 },
    },
  },
  {
    key: 'creatinine',
    china: {
      loinc: '14682-9',
      display: 'Creatinine [Moles/volume] in Serum or Plasma',
      unit: 'umol/L',
      decimals: 0,
      factor: 1,
      range: { male: { low: 57, high: 111 }, female: { low: 41, high: 81 } },
    },
    us: {
      loinc: '2160-0',
      display: 'Creatinine [Mass/volume] in Serum or Plasma',
      unit: 'mg/dL',
      decimals: 2,
      factor: 1 / 88.42,
      range: { male: { low: 0.74, high: 1.35 }, female: { low: 0.59, high: 1.04 } },
    },
  },
  {
    key: 'alt',
    china: {
      loinc: '1742-6',
      display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
      unit: 'U/L',
      decimals: 0,
      factor: 1,
      range: { male: { low: 9, high: 50 }, female: { low: 7, high: 40 } },
    },
    us: {
      loinc: '1742-6',
      display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
      unit: 'U/L',
      decimals: 0,
      factor: 1,
      range: { male: { low: 7, high: 55 }, female: { low: 7, high: 45 } },
    },
  },
  {
    key: 'ast',
    china: {
      loinc: '1920-8',
      display: 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
      unit: 'U/L',
      decimals: 0,
      factor: 1,
      range: { male: { low: 15, high: 40 }, female: { low: 13, high: 35 } },
    },
    us: {
      loinc: '1920-8',
      display: 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
      unit: 'U/L',
      decimals: 0,
      factor: 1,
      range: { male: { low: 8, high: 48 }, female: { low: 8, high: 43 } },
    },
  },
  {
    key: 'platelets',
    china: {
      loinc: '777-3',
      display: 'Platelets [#/volume] in Blood by Automated count',
      unit: '10*9/L',
      decimals: 0,
      factor: 1,
      range: { low: 125, high: 350 },
    },
    us: {
      loinc: '777-3',
      display: 'Platelets [#/volume] in Blood by Automated count',
      unit: '10*3/uL',
      decimals: 0,
      factor: 1,
      range: { low: 150, high: 450 },
    },
  },
  {
    key: 'urate',
    china: {
      loinc: '14933-6',
      display: 'Urate [Moles/volume] in Serum or Plasma',
      unit: 'umol/L',
      decimals: 0,
      factor: 1,
      range: { male: { low: 208, high: 428 }, female: { low: 155, high: 357 } },
    },
    us: {
      loinc: '3084-1',
      display: 'Urate [Mass/volume] in Serum or Plasma',
      unit: 'mg/dL',
      decimals: 1,
      factor: 1 / 59.48,
      range: { male: { low: 3.7, high: 8.0 }, female: { low: 2.7, high: 6.1 } },
    },
  },
  {
    key: 'uacr',
    china: {
      loinc: '9318-7',
      display: 'Albumin/Creatinine [Mass Ratio] in Urine',
      unit: 'mg/g',
      decimals: 0,
      factor: 1,
      range: { high: 30 },
    },
    us: {
      loinc: '9318-7',
      display: 'Albumin/Creatinine [Mass Ratio] in Urine',
      unit: 'mg/g',
      decimals: 0,
      factor: 1,
      range: { high: 30 },
    },
  },
];

/** The interval that applies to one sex. */
export function intervalFor(coding: LabCoding, sex: 'male' | 'female'): Interval {
  const r = coding.range;
  return 'male' in r ? r[sex] : r;
}
