import { ageInput, creatinineInput, sexInput } from './common-inputs';
import { GFR_CATEGORIES } from './kdigo-categories';
import { defineScore } from './types';

/** Inker 2021, creatinine equation refit without race: κ, α and the female factor by sex. */
const BY_SEX = {
  female: { kappa: 0.7, alpha: -0.241, factor: 1.012 },
  male: { kappa: 0.9, alpha: -0.302, factor: 1 },
} as const;

/** CKD-EPI 2021 creatinine equation (race-free), eGFR in mL/min/1.73 m² with its KDIGO GFR category. */
export const ckdEpi2021Egfr = defineScore({
  id: 'ckd-epi-2021-egfr',
  version: '2021',
  name: {
    'zh-CN': 'CKD-EPI 2021 肌酐公式估算肾小球滤过率（不含种族）',
    en: 'eGFR, CKD-EPI 2021 creatinine equation (race-free)',
  },
  source: [
    {
      citation:
        'Inker LA, Eneanya ND, Coresh J, et al. New Creatinine- and Cystatin C-Based Equations to Estimate GFR without Race. N Engl J Med. 2021;385:1737–1749.',
      doi: '10.1056/NEJMoa2102953',
    },
    {
      citation:
        'KDIGO 2012 Clinical Practice Guideline for the Evaluation and Management of CKD. Kidney Int Suppl. 2013;3:1–150.',
    },
  ],
  unit: 'mL/min/{1.73_m2}',
  decimals: 0,
  inputs: { age: ageInput, sex: sexInput, creatinine: creatinineInput },
  notApplicable: (x) =>
    x.age < 18
      ? {
          'zh-CN': 'CKD-EPI 公式仅适用于成人（≥18 岁）',
          en: 'The CKD-EPI equations apply to adults (18 years and over)',
        }
      : undefined,
  compute: (x) => {
    const { kappa, alpha, factor } = BY_SEX[x.sex];
    const ratio = x.creatinine / kappa;
    const egfr = 142 * Math.min(ratio, 1) ** alpha * Math.max(ratio, 1) ** -1.2 * 0.9938 ** x.age * factor;
    return { value: egfr };
  },
  categories: GFR_CATEGORIES,
  notes:
    'Standardized (IDMS-traceable) serum creatinine. Reported as a whole number, like the NKF calculator; the GFR ' +
    'category is decided on the unrounded value. Adults only.',
});
