import { ageInput, creatinineInput, sexInput } from './common-inputs';
import { GFR_CATEGORIES } from './kdigo-categories';
import { defineScore } from './types';

/** Levey 2009, Table 2: κ, α and the female factor by sex. */
const BY_SEX = {
  female: { kappa: 0.7, alpha: -0.329, factor: 1.018 },
  male: { kappa: 0.9, alpha: -0.411, factor: 1 },
} as const;
const BLACK_FACTOR = 1.159;

/** CKD-EPI 2009 creatinine equation (with race), eGFR in mL/min/1.73 m² with its KDIGO GFR category. */
export const ckdEpi2009Egfr = defineScore({
  id: 'ckd-epi-2009-egfr',
  version: '2009',
  name: { 'zh-CN': 'CKD-EPI 2009 肌酐公式估算肾小球滤过率', en: 'eGFR, CKD-EPI 2009 creatinine equation' },
  source: [
    {
      citation:
        'Levey AS, Stevens LA, Schmid CH, et al. A New Equation to Estimate Glomerular Filtration Rate. Ann Intern Med. 2009;150:604–612.',
      doi: '10.7326/0003-4819-150-9-200905050-00006',
    },
    {
      citation:
        'KDIGO 2012 Clinical Practice Guideline for the Evaluation and Management of CKD. Kidney Int Suppl. 2013;3:1–150.',
    },
  ],
  unit: 'mL/min/{1.73_m2}',
  decimals: 0,
  inputs: {
    age: ageInput,
    sex: sexInput,
    creatinine: creatinineInput,
    race: {
      kind: 'enum',
      values: ['white', 'african-american', 'other'],
      label: { 'zh-CN': '种族', en: 'Race' },
    },
  },
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
    const black = x.race === 'african-american' ? BLACK_FACTOR : 1;
    const egfr = 141 * Math.min(ratio, 1) ** alpha * Math.max(ratio, 1) ** -1.209 * 0.993 ** x.age * factor * black;
    return { value: egfr };
  },
  categories: GFR_CATEGORIES,
  notes:
    'Kept for comparison with results reported before 2021; the race coefficient applies to African American only ' +
    '("other" and "white" take the non-Black equation). Superseded by ckd-epi-2021-egfr (NKF-ASN Task Force 2021).',
});
