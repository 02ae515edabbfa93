import type { BooleanInput, EnumInput, NumberInput } from './types';

/**
 * Input specifications shared by several scores: one unit, one plausible range and one label per quantity, so
 * that "systolic 20 mmHg" is the same error everywhere. Plausible ranges reject values no living adult has (or a
 * unit mix-up); a score's validated population is narrower and is checked by its own `notApplicable`.
 */

/** Molar masses (g/mol) for mass ⇄ substance conversion of laboratory results. */
export const MOLAR_MASS = {
  /** Cholesterol C27H46O, PubChem CID 5997 (https://pubchem.ncbi.nlm.nih.gov/compound/5997): 386.65 g/mol. */
  cholesterol: 386.65,
  /** Creatinine C4H7N3O, PubChem CID 588 (https://pubchem.ncbi.nlm.nih.gov/compound/588): 113.12 g/mol. */
  creatinine: 113.12,
} as const;

export const ageInput = {
  kind: 'number',
  unit: 'a',
  min: 0,
  max: 120,
  label: { 'zh-CN': '年龄', en: 'Age' },
} as const satisfies NumberInput;

export const sexInput = {
  kind: 'enum',
  values: ['male', 'female'],
  label: { 'zh-CN': '性别', en: 'Sex' },
} as const satisfies EnumInput<'male' | 'female'>;

export const totalCholesterolInput = {
  kind: 'number',
  unit: 'mg/dL',
  min: 40,
  max: 1000,
  molarMass: MOLAR_MASS.cholesterol,
  label: { 'zh-CN': '总胆固醇', en: 'Total cholesterol' },
} as const satisfies NumberInput;

export const hdlInput = {
  kind: 'number',
  unit: 'mg/dL',
  min: 5,
  max: 250,
  molarMass: MOLAR_MASS.cholesterol,
  label: { 'zh-CN': '高密度脂蛋白胆固醇', en: 'HDL cholesterol' },
} as const satisfies NumberInput;

export const systolicInput = {
  kind: 'number',
  unit: 'mm[Hg]',
  min: 50,
  max: 300,
  label: { 'zh-CN': '收缩压', en: 'Systolic blood pressure' },
} as const satisfies NumberInput;

export const diastolicInput = {
  kind: 'number',
  unit: 'mm[Hg]',
  min: 20,
  max: 200,
  label: { 'zh-CN': '舒张压', en: 'Diastolic blood pressure' },
} as const satisfies NumberInput;

export const creatinineInput = {
  kind: 'number',
  unit: 'mg/dL',
  min: 0.1,
  max: 40,
  molarMass: MOLAR_MASS.creatinine,
  label: { 'zh-CN': '血肌酐', en: 'Serum creatinine' },
} as const satisfies NumberInput;

export const waistInput = {
  kind: 'number',
  unit: 'cm',
  min: 40,
  max: 250,
  label: { 'zh-CN': '腰围', en: 'Waist circumference' },
} as const satisfies NumberInput;

const flag = (zh: string, en: string): BooleanInput => ({ kind: 'boolean', label: { 'zh-CN': zh, en } });

export const bpTreatedInput = flag('正在服用降压药', 'On antihypertensive treatment');
export const smokerInput = flag('现在吸烟', 'Current smoker');
export const diabeticInput = flag('糖尿病', 'Diabetes');
