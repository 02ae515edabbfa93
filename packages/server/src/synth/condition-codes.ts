/**
 * The chronic conditions the generator knows: codes (ICD-10 for China as used by the national clinical edition,
 * ICD-10-CM for the US, SNOMED CT for both) and the shared risk factors their liabilities load on.
 */

export const CONDITION_KEYS = [
  'hypertension',
  'diabetes',
  'dyslipidaemia',
  'ckd',
  'copd',
  'heartFailure',
  'atrialFibrillation',
  'stroke',
  'hepatitisB',
  'lungCancer',
  'breastCancer',
  'colorectalCancer',
  'stomachCancer',
  'prostateCancer',
] as const;
export type ConditionKey = (typeof CONDITION_KEYS)[number];

/** Latent, independent standard-normal risk factors shared by conditions (and by the vitals and labs). */
export const FACTOR_KEYS = ['adiposity', 'metabolic', 'vascular', 'smoking', 'renal'] as const;
export type FactorKey = (typeof FACTOR_KEYS)[number];

/** How one condition is coded and which risk factors drive it. */
export interface ConditionCode {
  readonly key: ConditionKey;
  readonly snomed: { readonly code: string; readonly display: string };
  /** WHO ICD-10 (China); `icd10cm` overrides it for the US where the two differ. */
  readonly icd10: { readonly code: string; readonly display: string };
  readonly icd10cm?: { readonly code: string; readonly display: string };
  readonly zh: string;
  /**
   * Loadings of the liability on the shared factors (sum of squares < 1; the rest is the condition's own noise),
   * so that onset follows the risk factors while the marginal prevalence stays the cited one.
   */
  readonly loadings: Partial<Record<FactorKey, number>>;
  /** Whether it can lead to hospital admission in the generator, and the yearly chance among those who have it. */
  readonly admissionPerYear: number;
}

export const CONDITION_CODES: Readonly<Record<ConditionKey, ConditionCode>> = {
  hypertension: {
    key: 'hypertension',
    snomed: { code: '59621000', display: 'Essential hypertension' },
    icd10: { code: 'I10', display: 'Essential (primary) hypertension' },
    zh: '原发性高血压',
    loadings: { adiposity: 0.45, vascular: 0.5 },
    admissionPerYear: 0.02,
  },
  diabetes: {
    key: 'diabetes',
    snomed: { code: '44054006', display: 'Diabetes mellitus type 2' },
    icd10: { code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
    zh: '2型糖尿病',
    loadings: { adiposity: 0.45, metabolic: 0.5 },
    admissionPerYear: 0.04,
  },
  dyslipidaemia: {
    key: 'dyslipidaemia',
    snomed: { code: '370992007', display: 'Dyslipidemia' },
    icd10: { code: 'E78.5', display: 'Hyperlipidaemia, unspecified' },
    zh: '血脂异常',
    loadings: { adiposity: 0.3, metabolic: 0.5 },
    admissionPerYear: 0,
  },
  ckd: {
    key: 'ckd',
    snomed: { code: '709044004', display: 'Chronic kidney disease' },
    icd10: { code: 'N18.9', display: 'Chronic kidney disease, unspecified' },
    zh: '慢性肾脏病',
    loadings: { metabolic: 0.3, vascular: 0.35, renal: 0.5 },
    admissionPerYear: 0.06,
  },
  copd: {
    key: 'copd',
    snomed: { code: '13645005', display: 'Chronic obstructive lung disease' },
    icd10: { code: 'J44.9', display: 'Chronic obstructive pulmonary disease, unspecified' },
    zh: '慢性阻塞性肺疾病',
    loadings: { smoking: 0.6 },
    admissionPerYear: 0.12,
  },
  heartFailure: {
    key: 'heartFailure',
    snomed: { code: '84114007', display: 'Heart failure' },
    icd10: { code: 'I50.9', display: 'Heart failure, unspecified' },
    zh: '心力衰竭',
    loadings: { vascular: 0.55, adiposity: 0.25 },
    admissionPerYear: 0.3,
  },
  atrialFibrillation: {
    key: 'atrialFibrillation',
    snomed: { code: '49436004', display: 'Atrial fibrillation' },
    icd10: { code: 'I48.9', display: 'Atrial fibrillation and atrial flutter, unspecified' },
    icd10cm: { code: 'I48.91', display: 'Unspecified atrial fibrillation' },
    zh: '心房颤动',
    loadings: { vascular: 0.45, adiposity: 0.2 },
    admissionPerYear: 0.1,
  },
  stroke: {
    key: 'stroke',
    snomed: { code: '422504002', display: 'Ischemic stroke' },
    icd10: { code: 'I63.9', display: 'Cerebral infarction, unspecified' },
    zh: '缺血性脑卒中',
    loadings: { vascular: 0.55, smoking: 0.2 },
    admissionPerYear: 0.1,
  },
  hepatitisB: {
    key: 'hepatitisB',
    snomed: { code: '61977001', display: 'Chronic type B viral hepatitis' },
    icd10: { code: 'B18.1', display: 'Chronic viral hepatitis B without delta-agent' },
    zh: '慢性乙型病毒性肝炎',
    loadings: {},
    admissionPerYear: 0.02,
  },
  lungCancer: {
    key: 'lungCancer',
    snomed: { code: '93880001', display: 'Primary malignant neoplasm of lung' },
    icd10: { code: 'C34.9', display: 'Malignant neoplasm: bronchus or lung, unspecified' },
    icd10cm: { code: 'C34.90', display: 'Malignant neoplasm of unspecified part of unspecified bronchus or lung' },
    zh: '肺恶性肿瘤',
    loadings: { smoking: 0.6 },
    admissionPerYear: 0.25,
  },
  breastCancer: {
    key: 'breastCancer',
    snomed: { code: '254837009', display: 'Malignant neoplasm of breast' },
    icd10: { code: 'C50.9', display: 'Malignant neoplasm: breast, unspecified' },
    icd10cm: { code: 'C50.919', display: 'Malignant neoplasm of unspecified site of unspecified female breast' },
    zh: '乳腺恶性肿瘤',
    loadings: { adiposity: 0.15 },
    admissionPerYear: 0.1,
  },
  colorectalCancer: {
    key: 'colorectalCancer',
    snomed: { code: '363406005', display: 'Malignant neoplasm of colon' },
    icd10: { code: 'C18.9', display: 'Malignant neoplasm: colon, unspecified' },
    zh: '结肠恶性肿瘤',
    loadings: { adiposity: 0.2, metabolic: 0.1 },
    admissionPerYear: 0.15,
  },
  stomachCancer: {
    key: 'stomachCancer',
    snomed: { code: '363349007', display: 'Malignant neoplasm of stomach' },
    icd10: { code: 'C16.9', display: 'Malignant neoplasm: stomach, unspecified' },
    zh: '胃恶性肿瘤',
    loadings: { smoking: 0.25 },
    admissionPerYear: 0.2,
  },
  prostateCancer: {
    key: 'prostateCancer',
    snomed: { code: '399068003', display: 'Malignant tumor of prostate' },
    icd10: { code: 'C61', display: 'Malignant neoplasm of prostate' },
    zh: '前列腺恶性肿瘤',
    loadings: {},
    admissionPerYear: 0.05,
  },
};
