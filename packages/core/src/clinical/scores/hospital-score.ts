import type { PointBand } from './point-bands';
import { pointsFor } from './point-bands';
import { defineScore } from './types';

/** Donzé 2013, Table 3 (HOSPITAL score), as printed. */
const TABLE = {
  /** H: haemoglobin at discharge <12 g/dL, 1 point. */
  hemoglobin: [{ below: 12, points: 1 }, { points: 0 }],
  /** S: sodium at discharge <135 mmol/L, 1 point. */
  sodium: [{ below: 135, points: 1 }, { points: 0 }],
  /** A: admissions in the previous 12 months 0–1 → 0, 2–5 → 2, >5 → 5. */
  admissions: [{ below: 2, points: 0 }, { upTo: 5, points: 2 }, { points: 5 }],
  /** L: length of stay ≥5 days, 2 points. */
  lengthOfStay: [{ below: 5, points: 0 }, { points: 2 }],
} as const satisfies Readonly<Record<string, readonly PointBand[]>>;
const FLAG_POINTS = { oncologyDischarge: 2, procedureDuringStay: 1, urgentAdmission: 1 } as const;

/** HOSPITAL score (original, Donzé 2013): potentially avoidable 30-day readmission in medical patients, 0–13. */
export const hospitalScore = defineScore({
  id: 'hospital-score',
  version: 'donze-2013-original',
  name: { 'zh-CN': 'HOSPITAL 再入院风险评分（原始版）', en: 'HOSPITAL score for readmission (original)' },
  source: [
    {
      citation:
        'Donzé J, Aujesky D, Williams D, Schnipper JL. Potentially avoidable 30-day hospital readmissions in medical patients: derivation and validation of a prediction model. JAMA Intern Med. 2013;173(8):632–638 (Table 3).',
      doi: '10.1001/jamainternmed.2013.3023',
    },
  ],
  unit: '{score}',
  decimals: 0,
  inputs: {
    hemoglobinDischarge: {
      kind: 'number',
      unit: 'g/dL',
      min: 2,
      max: 25,
      label: { 'zh-CN': '出院时血红蛋白', en: 'Haemoglobin at discharge' },
    },
    oncologyDischarge: {
      kind: 'boolean',
      label: { 'zh-CN': '由肿瘤科出院', en: 'Discharged from an oncology service' },
    },
    sodiumDischarge: {
      kind: 'number',
      unit: 'mmol/L',
      min: 90,
      max: 200,
      label: { 'zh-CN': '出院时血钠', en: 'Sodium at discharge' },
    },
    procedureDuringStay: {
      kind: 'boolean',
      label: { 'zh-CN': '住院期间接受过任何（ICD 编码的）操作', en: 'Any ICD-coded procedure during the stay' },
    },
    urgentAdmission: {
      kind: 'boolean',
      label: { 'zh-CN': '本次为急诊/紧急入院', en: 'Index admission urgent or emergent' },
    },
    admissionsPrevious12Months: {
      kind: 'number',
      unit: '{admissions}',
      min: 0,
      max: 200,
      label: { 'zh-CN': '过去 12 个月住院次数', en: 'Hospital admissions in the previous 12 months' },
    },
    lengthOfStayDays: {
      kind: 'number',
      unit: 'd',
      min: 0,
      max: 1000,
      label: { 'zh-CN': '住院天数', en: 'Length of stay (days)' },
    },
  },
  compute: (x) => {
    const points = {
      hemoglobin: pointsFor(TABLE.hemoglobin, x.hemoglobinDischarge),
      oncology: x.oncologyDischarge ? FLAG_POINTS.oncologyDischarge : 0,
      sodium: pointsFor(TABLE.sodium, x.sodiumDischarge),
      procedure: x.procedureDuringStay ? FLAG_POINTS.procedureDuringStay : 0,
      indexAdmission: x.urgentAdmission ? FLAG_POINTS.urgentAdmission : 0,
      admissions: pointsFor(TABLE.admissions, x.admissionsPrevious12Months),
      lengthOfStay: pointsFor(TABLE.lengthOfStay, x.lengthOfStayDays),
    };
    return { value: Object.values(points).reduce((a, b) => a + b, 0), details: points };
  },
  categories: [
    {
      code: 'low',
      max: 5,
      interpretation: {
        'zh-CN': '低风险（0–4 分）：30 天潜在可避免再入院风险低',
        en: 'Low risk (0–4) of potentially avoidable 30-day readmission',
      },
    },
    {
      code: 'intermediate',
      min: 5,
      max: 7,
      interpretation: {
        'zh-CN': '中风险（5–6 分）：30 天潜在可避免再入院风险中等',
        en: 'Intermediate risk (5–6) of potentially avoidable 30-day readmission',
      },
    },
    {
      code: 'high',
      min: 7,
      interpretation: {
        'zh-CN': '高风险（≥7 分）：30 天潜在可避免再入院风险高，建议加强出院过渡期干预',
        en: 'High risk (≥7) of potentially avoidable 30-day readmission; consider transitional-care interventions',
      },
    },
  ],
  notes:
    'Variant: the original HOSPITAL score (Donzé 2013), not the simplified HOSPITAL score (Aubert et al., BMJ Qual Saf 2017); they are never mixed. ' +
    'Categories low 0–4, intermediate 5–6, high ≥7 as in Donzé 2013. Derived in adult medical patients discharged alive.',
});
