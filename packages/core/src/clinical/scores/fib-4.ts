import { ageInput } from './common-inputs';
import { defineScore } from './types';

/** Shah et al. 2009 cut-offs for advanced fibrosis in NAFLD: low below 1.30, high above 2.67, both ends as published. */
const CUT_OFFS = { lowBelow: 1.3, highAbove: 2.67 } as const;

const MIN_AGE = 18;

/** FIB-4 index (Sterling 2006 formula) read with the Shah 2009 NAFLD cut-offs 1.30 / 2.67. */
export const fib4 = defineScore({
  id: 'fib-4',
  version: 'sterling-2006/shah-2009-cutoffs',
  name: { 'zh-CN': 'FIB-4 肝纤维化指数', en: 'Fibrosis-4 (FIB-4) index' },
  source: [
    {
      citation:
        'Sterling RK, Lissen E, Clumeck N, et al. Development of a simple noninvasive index to predict significant fibrosis in patients with HIV/HCV coinfection. Hepatology. 2006;43(6):1317–1325.',
      doi: '10.1002/hep.21178',
    },
    {
      citation:
        'Shah AG, Lydecker A, Murray K, et al. Comparison of noninvasive markers of fibrosis in patients with nonalcoholic fatty liver disease (cut-offs 1.30 and 2.67). Clin Gastroenterol Hepatol. 2009;7(10):1104–1112.',
      doi: '10.1016/j.cgh.2009.05.033',
    },
    {
      citation:
        'McPherson S, Hardy T, Dufour JF, et al. Age as a confounding factor for the accurate non-invasive diagnosis of advanced NAFLD fibrosis. Am J Gastroenterol. 2017;112(5):740–751 (not used here: lower cut-off 2.0 at age ≥65).',
      doi: '10.1038/ajg.2016.453',
    },
  ],
  unit: '{index}',
  decimals: 2,
  inputs: {
    age: ageInput,
    ast: {
      kind: 'number',
      unit: 'U/L',
      min: 1,
      max: 20000,
      label: { 'zh-CN': '天门冬氨酸氨基转移酶（AST）', en: 'Aspartate aminotransferase (AST)' },
    },
    alt: {
      kind: 'number',
      unit: 'U/L',
      min: 1,
      max: 20000,
      label: { 'zh-CN': '丙氨酸氨基转移酶（ALT）', en: 'Alanine aminotransferase (ALT)' },
    },
    platelets: {
      kind: 'number',
      unit: '10*9/L',
      min: 1,
      max: 2000,
      label: { 'zh-CN': '血小板计数', en: 'Platelet count' },
    },
  },
  notApplicable: (x) =>
    x.age < MIN_AGE
      ? {
          'zh-CN': `FIB-4 仅在成人（≥18 岁）中验证（当前 ${x.age} 岁）`,
          en: `FIB-4 has been validated in adults (≥18 years) only (age ${x.age})`,
        }
      : undefined,
  compute: (x) => {
    const value = (x.age * x.ast) / (x.platelets * Math.sqrt(x.alt));
    // The published bands are "<1.30", "1.30–2.67" and ">2.67": 2.67 itself is still indeterminate.
    const category = value < CUT_OFFS.lowBelow ? 'low' : value > CUT_OFFS.highAbove ? 'high' : 'indeterminate';
    return { value, category };
  },
  categories: [
    {
      code: 'low',
      max: CUT_OFFS.lowBelow,
      interpretation: {
        'zh-CN': '低风险（<1.30）：可基本排除进展期纤维化',
        en: 'Low (<1.30): advanced fibrosis unlikely',
      },
    },
    {
      code: 'indeterminate',
      min: CUT_OFFS.lowBelow,
      max: CUT_OFFS.highAbove,
      interpretation: {
        'zh-CN': '不确定（1.30–2.67）：建议进一步评估（如瞬时弹性成像）',
        en: 'Indeterminate (1.30–2.67): further assessment advised (e.g. transient elastography)',
      },
    },
    {
      code: 'high',
      min: CUT_OFFS.highAbove,
      interpretation: {
        'zh-CN': '高风险（>2.67）：提示进展期纤维化可能',
        en: 'High (>2.67): advanced fibrosis likely',
      },
    },
  ],
  notes:
    'Variant: Sterling 2006 formula age × AST / (platelets [10^9/L] × √ALT) with the Shah 2009 NAFLD cut-offs <1.30 / 1.30–2.67 / >2.67 for all adults. ' +
    'Not the original Sterling HIV/HCV cut-offs (<1.45 / >3.25) and not the McPherson 2017 age-adjusted lower cut-off (2.0 at age ≥65); these are never mixed. ' +
    'Not applicable below 18 years: all derivation and validation cohorts were adults (Sterling: adults with HIV/HCV; Shah: NASH CRN adults). ' +
    'McPherson 2017 found the score less accurate at ≤35 and lower specificity at ≥65 (more indeterminate results); at ≥65 the 1.30 cut-off errs towards further testing, not false reassurance.',
});
