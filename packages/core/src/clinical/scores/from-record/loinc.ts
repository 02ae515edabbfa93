import type { Citation } from '../../source';

/**
 * The LOINC-coded Observations a score input can be read from, and how far back a value may be. Each code's
 * meaning is its LOINC long common name (checked on loinc.org, the code's own page at https://loinc.org/<code>/).
 */
export const LOINC_SOURCE: Citation = {
  citation: 'LOINC (Logical Observation Identifiers Names and Codes), Regenstrief Institute; long common names.',
  url: 'https://loinc.org',
};

export const LOINC_SYSTEM = 'http://loinc.org';

/** LOINC long common names of every code this module reads. */
export const LOINC_NAMES: Readonly<Record<string, string>> = {
  '2093-3': 'Cholesterol [Mass/volume] in Serum or Plasma',
  '14647-2': 'Cholesterol [Moles/volume] in Serum or Plasma',
  '2085-9': 'Cholesterol in HDL [Mass/volume] in Serum or Plasma',
  '14646-4': 'Cholesterol in HDL [Moles/volume] in Serum or Plasma',
  '8480-6': 'Systolic blood pressure',
  '8462-4': 'Diastolic blood pressure',
  '85354-9': 'Blood pressure panel with all children optional',
  '55284-4': 'Blood pressure systolic and diastolic',
  '2160-0': 'Creatinine [Mass/volume] in Serum or Plasma',
  '14682-9': 'Creatinine [Moles/volume] in Serum or Plasma',
  '38483-4': 'Creatinine [Mass/volume] in Blood',
  '1920-8': 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
  '1742-6': 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
  '777-3': 'Platelets [#/volume] in Blood by Automated count',
  '26515-7': 'Platelets [#/volume] in Blood',
  '39156-5': 'Body mass index (BMI) [Ratio]',
  '8280-0': 'Waist Circumference at umbilicus by Tape measure',
  '56086-2': 'Adult Waist Circumference Protocol',
  '8302-2': 'Body height',
  '29463-7': 'Body weight',
  '4548-4': 'Hemoglobin A1c/Hemoglobin.total in Blood',
  '17856-6': 'Hemoglobin A1c/Hemoglobin.total in Blood by HPLC',
  '59261-8': 'Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol',
  '1558-6': 'Fasting glucose [Mass/volume] in Serum or Plasma',
  '14771-0': 'Fasting glucose [Moles/volume] in Serum or Plasma',
  '9318-7': 'Albumin/Creatinine [Mass Ratio] in Urine',
  '14959-1': 'Microalbumin/Creatinine [Mass Ratio] in Urine',
  '32294-1': 'Albumin/Creatinine [Ratio] in Urine',
  '98979-8':
    'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)',
  '62238-1':
    'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)',
  '8867-4': 'Heart rate',
  '9279-1': 'Respiratory rate',
  '2708-6': 'Oxygen saturation in Arterial blood',
  '59408-5': 'Oxygen saturation in Arterial blood by Pulse oximetry',
  '8310-5': 'Body temperature',
  '2951-2': 'Sodium [Moles/volume] in Serum or Plasma',
  '718-7': 'Hemoglobin [Mass/volume] in Blood',
  '72166-2': 'Tobacco smoking status',
};

/** Where a finding is read from: LOINC codes (as the Observation's code or a component's code) and a look-back. */
export interface ObservationFinding {
  readonly loinc: readonly string[];
  /** The most recent value counts only if taken at most this many days before `asOf`. */
  readonly lookbackDays: number;
}

const LAB = 365;
const BP = 180;
const BODY = 365;
/** NEWS2 and qSOFA describe the patient now: only readings from the last day count. */
const ACUTE = 1;
/** HOSPITAL's "at discharge" values: the last week of the stay. */
const DISCHARGE = 7;

/**
 * Findings by name (mostly the score input they feed). Blood pressure is also read from the components of a BP panel
 * (85354-9, 55284-4), as any finding is from a component carrying its code. Random glucose (2345-7) is deliberately
 * absent: the ADA criterion is a *fasting* glucose ≥ 7.0 mmol/L, which a non-fasting value cannot show.
 */
export const OBSERVATION_FINDINGS = {
  totalCholesterol: { loinc: ['2093-3', '14647-2'], lookbackDays: LAB },
  hdl: { loinc: ['2085-9', '14646-4'], lookbackDays: LAB },
  systolicBP: { loinc: ['8480-6'], lookbackDays: BP },
  diastolicBP: { loinc: ['8462-4'], lookbackDays: BP },
  creatinine: { loinc: ['2160-0', '14682-9', '38483-4'], lookbackDays: LAB },
  ast: { loinc: ['1920-8'], lookbackDays: LAB },
  alt: { loinc: ['1742-6'], lookbackDays: LAB },
  platelets: { loinc: ['777-3', '26515-7'], lookbackDays: LAB },
  bmi: { loinc: ['39156-5'], lookbackDays: BODY },
  height: { loinc: ['8302-2'], lookbackDays: BODY },
  weight: { loinc: ['29463-7'], lookbackDays: BODY },
  waist: { loinc: ['8280-0', '56086-2'], lookbackDays: BODY },
  albuminCreatinineRatio: { loinc: ['9318-7', '14959-1', '32294-1'], lookbackDays: LAB },
  egfr: { loinc: ['98979-8', '62238-1'], lookbackDays: LAB },
  hba1c: { loinc: ['4548-4', '17856-6'], lookbackDays: LAB },
  hba1cIfcc: { loinc: ['59261-8'], lookbackDays: LAB },
  fastingGlucose: { loinc: ['1558-6', '14771-0'], lookbackDays: LAB },
  heartRate: { loinc: ['8867-4'], lookbackDays: ACUTE },
  respiratoryRate: { loinc: ['9279-1'], lookbackDays: ACUTE },
  spo2: { loinc: ['59408-5', '2708-6'], lookbackDays: ACUTE },
  temperature: { loinc: ['8310-5'], lookbackDays: ACUTE },
  sodiumDischarge: { loinc: ['2951-2'], lookbackDays: DISCHARGE },
  hemoglobinDischarge: { loinc: ['718-7'], lookbackDays: DISCHARGE },
  smokingStatus: { loinc: ['72166-2'], lookbackDays: LAB },
} as const satisfies Readonly<Record<string, ObservationFinding>>;

export type FindingName = keyof typeof OBSERVATION_FINDINGS;

/** Look-backs that depend on the score: an early-warning score needs today's blood pressure, not last month's. */
export const SCORE_LOOKBACK_DAYS: Readonly<Record<string, Partial<Record<FindingName, number>>>> = {
  news2: { systolicBP: ACUTE },
  qsofa: { systolicBP: ACUTE },
};

/** "LOINC 2085-9 or 14646-4", for messages. */
export function loincList(finding: FindingName): string {
  return `LOINC ${OBSERVATION_FINDINGS[finding].loinc.join(' or ')}`;
}
