import type { Observation } from '@medplum/fhirtypes';
import type { LocalizedText } from '../../i18n';

/**
 * What a checkup measures, by analyte: the LOINC codes that report it (as the Observation's code or a component's
 * code) and the one unit CareLoop compares it in. Each code's meaning is its LOINC long common name
 * (https://loinc.org/<code>/); mass and substance codes of one analyte convert through `clinical/analytes.ts`.
 */
export interface CheckupAnalyte {
  readonly loinc: readonly string[];
  /** UCUM unit values are compared in; absent for qualitative results. */
  readonly unit?: string;
  readonly name: LocalizedText;
  /** A monovalent ion: mEq/L equals mmol/L (UCUM has no valence, so ucum-lhc cannot convert it). */
  readonly monovalent?: boolean;
}

const a = (loinc: readonly string[], unit: string | undefined, zh: string, en: string): CheckupAnalyte => ({
  loinc,
  ...(unit ? { unit } : {}),
  name: { 'zh-CN': zh, en },
});

export const CHECKUP_ANALYTES = {
  fastingGlucose: a(['1558-6', '14771-0'], 'mmol/L', '空腹血糖', 'Fasting glucose'),
  glucose: a(['2345-7', '14749-6', '2339-0', '15074-8'], 'mmol/L', '血糖', 'Glucose'),
  hba1c: a(['4548-4', '17856-6'], '%', '糖化血红蛋白', 'HbA1c'),
  totalCholesterol: a(['2093-3', '14647-2'], 'mmol/L', '总胆固醇', 'Total cholesterol'),
  ldl: a(
    ['13457-7', '18262-6', '2089-1', '22748-8', '39469-2', '69419-0'],
    'mmol/L',
    '低密度脂蛋白胆固醇',
    'LDL cholesterol',
  ),
  hdl: a(['2085-9', '14646-4'], 'mmol/L', '高密度脂蛋白胆固醇', 'HDL cholesterol'),
  triglycerides: a(['2571-8', '14927-8'], 'mmol/L', '甘油三酯', 'Triglycerides'),
  creatinine: a(['2160-0', '14682-9', '38483-4'], 'umol/L', '血肌酐', 'Creatinine'),
  urate: a(['3084-1', '14933-6'], 'umol/L', '血尿酸', 'Uric acid'),
  alt: a(['1742-6'], 'U/L', '丙氨酸氨基转移酶', 'ALT'),
  ast: a(['1920-8'], 'U/L', '天门冬氨酸氨基转移酶', 'AST'),
  ggt: a(['2324-2'], 'U/L', 'γ-谷氨酰转移酶', 'GGT'),
  platelets: a(['777-3', '26515-7'], '10*9/L', '血小板计数', 'Platelets'),
  hemoglobin: a(['718-7'], 'g/L', '血红蛋白', 'Haemoglobin'),
  wbc: a(['6690-2'], '10*9/L', '白细胞计数', 'White blood cells'),
  potassium: { ...a(['2823-3', '6298-4'], 'mmol/L', '血钾', 'Potassium'), monovalent: true },
  sodium: { ...a(['2951-2', '2947-0'], 'mmol/L', '血钠', 'Sodium'), monovalent: true },
  uacr: a(['9318-7', '14959-1'], 'mg/g', '尿白蛋白/肌酐比值', 'Urine albumin/creatinine ratio'),
  egfr: a(['98979-8', '62238-1'], 'mL/min/{1.73_m2}', '估算肾小球滤过率', 'eGFR'),
  systolicBP: a(['8480-6'], 'mm[Hg]', '收缩压', 'Systolic blood pressure'),
  diastolicBP: a(['8462-4'], 'mm[Hg]', '舒张压', 'Diastolic blood pressure'),
  bmi: a(['39156-5'], 'kg/m2', '体质指数', 'Body mass index'),
  waist: a(['8280-0', '56086-2'], 'cm', '腰围', 'Waist circumference'),
  hbsag: a(['5196-1', '5195-3'], undefined, '乙肝表面抗原', 'Hepatitis B surface antigen'),
} as const satisfies Readonly<Record<string, CheckupAnalyte>>;

export type AnalyteKey = keyof typeof CHECKUP_ANALYTES;
export const ANALYTE_KEYS = Object.keys(CHECKUP_ANALYTES) as AnalyteKey[];

const LOINC = 'http://loinc.org';
const BY_CODE = new Map<string, AnalyteKey>(
  ANALYTE_KEYS.flatMap((k) => CHECKUP_ANALYTES[k].loinc.map((code) => [code, k] as const)),
);

/** One measured value inside an Observation: the Observation itself or one of its components. */
export interface AnalyteCarrier {
  readonly analyte: AnalyteKey;
  readonly loinc: string;
  readonly carrier: Pick<Observation, 'code' | 'valueQuantity' | 'valueCodeableConcept' | 'valueString'> &
    Pick<Observation, 'referenceRange' | 'interpretation'>;
}

/** The analytes an Observation reports (a BP panel reports two, through its components). */
export function analytesOf(o: Observation): AnalyteCarrier[] {
  const out: AnalyteCarrier[] = [];
  for (const carrier of [o, ...(o.component ?? [])]) {
    const code = carrier.code?.coding?.find((c) => c.system === LOINC && c.code && BY_CODE.has(c.code))?.code;
    const analyte = code ? BY_CODE.get(code) : undefined;
    if (code && analyte) out.push({ analyte, loinc: code, carrier });
  }
  return out;
}
