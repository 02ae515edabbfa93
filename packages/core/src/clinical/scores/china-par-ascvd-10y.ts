import {
  ageInput,
  bpTreatedInput,
  diabeticInput,
  diastolicInput,
  hdlInput,
  sexInput,
  smokerInput,
  systolicInput,
  totalCholesterolInput,
  waistInput,
} from './common-inputs';
import { defineScore } from './types';

/** Coefficients of one sex's China-PAR equation (continuous terms are natural logs; flags are 0/1). */
interface ChinaParEquation {
  readonly lnAge: number;
  readonly lnTreatedSbp: number;
  readonly lnUntreatedSbp: number;
  readonly lnTc: number;
  readonly lnHdl: number;
  readonly lnWaist: number;
  readonly smoker: number;
  readonly diabetes: number;
  readonly north: number;
  readonly urban: number;
  readonly familyHistory: number;
  readonly lnAgeLnTreatedSbp: number;
  readonly lnAgeLnUntreatedSbp: number;
  readonly lnAgeSmoker: number;
  readonly lnAgeFamilyHistory: number;
  /** Mean of Σ coefficient × value in the derivation cohort. */
  readonly mean: number;
  /** 10-year baseline survival. */
  readonly s10: number;
}

// The men's worked example of the paper's Supplemental Table 1 (age 60, untreated SBP 130 mmHg, TC 210 mg/dL,
// HDL-C 55 mg/dL, waist 80 cm): its "coefficient × value" column was computed with unrounded coefficients, so each
// printed product divided by the example's own value recovers the coefficient to about four significant digits.
const LN_60 = Math.log(60);
const LN_130 = Math.log(130);
const fromProduct = (product: number, value: number): number => product / value;

const MEN: ChinaParEquation = {
  lnAge: fromProduct(130.88, LN_60),
  lnTreatedSbp: 27.39,
  lnUntreatedSbp: fromProduct(127.28, LN_130),
  lnTc: fromProduct(3.32, Math.log(210)),
  lnHdl: fromProduct(-2.78, Math.log(55)),
  lnWaist: fromProduct(-3.12, Math.log(80)),
  smoker: 3.96,
  diabetes: 0.36,
  north: 0.48,
  urban: -0.16,
  familyHistory: 6.22,
  lnAgeLnTreatedSbp: -6.02,
  lnAgeLnUntreatedSbp: fromProduct(-114.21, LN_60 * LN_130),
  lnAgeSmoker: -0.94,
  lnAgeFamilyHistory: -1.53,
  mean: 140.68,
  s10: 0.9707,
};

// Women's equation has no urbanisation or family-history term (not retained in the paper's model).
const WOMEN: ChinaParEquation = {
  lnAge: 24.87,
  lnTreatedSbp: 20.71,
  lnUntreatedSbp: 19.98,
  lnTc: 0.06,
  lnHdl: -0.22,
  lnWaist: 1.48,
  smoker: 0.49,
  diabetes: 0.57,
  north: 0.54,
  urban: 0,
  familyHistory: 0,
  lnAgeLnTreatedSbp: -4.53,
  lnAgeLnUntreatedSbp: -4.36,
  lnAgeSmoker: 0,
  lnAgeFamilyHistory: 0,
  mean: 117.26,
  // Printed as 0.99, which makes the paper's own women's example ≈6.8% instead of 10.1%; 0.9851 solves
  // 1 − S10^exp(119.22 − 117.26) = 10.1% (individual sum and risk of the women's worked example).
  s10: 0.9851,
};

/** Age range of the derivation cohorts; the 10-year equations are not extrapolated beyond it. */
const AGES = [35, 74] as const;

/** China-PAR 10-year risk of ASCVD (Yang et al., Circulation 2016), in percent. */
export const chinaParAscvd10y = defineScore({
  id: 'china-par-ascvd-10y',
  version: '2016',
  name: { 'zh-CN': 'China-PAR 10 年动脉粥样硬化性心血管病风险', en: 'China-PAR 10-year ASCVD risk' },
  source: [
    {
      citation:
        'Yang X, Li J, Hu D, et al. Predicting the 10-Year Risks of Atherosclerotic Cardiovascular Disease in Chinese Population: The China-PAR Project. Circulation. 2016;134:1430–1440 (Data Supplement, Supplemental Tables 1–2).',
      doi: '10.1161/CIRCULATIONAHA.116.022367',
    },
    {
      citation:
        '中国心血管病风险评估和管理指南编写联合委员会. 中国心血管病风险评估和管理指南. 中华预防医学杂志. 2019;53(1) (also 中国循环杂志 2019;34(1)); risk strata low <5%, medium 5%–9.9%, high ≥10%; Appendix 1 example.',
      doi: '10.3760/cma.j.issn.0253-9624.2019.01.004',
    },
  ],
  unit: '%',
  decimals: 1,
  inputs: {
    age: ageInput,
    sex: sexInput,
    totalCholesterol: totalCholesterolInput,
    hdl: hdlInput,
    systolicBP: systolicInput,
    diastolicBP: { ...diastolicInput, optional: true },
    bpTreated: bpTreatedInput,
    smoker: smokerInput,
    diabetic: diabeticInput,
    waist: waistInput,
    familyHistoryCVD: {
      kind: 'boolean',
      label: { 'zh-CN': '心脑血管病家族史（父母或兄弟姐妹）', en: 'Family history of ASCVD (parents or siblings)' },
    },
    urban: { kind: 'boolean', label: { 'zh-CN': '居住在城市', en: 'Lives in an urban area' } },
    region: {
      kind: 'enum',
      values: ['north', 'south'],
      label: { 'zh-CN': '居住地区（以长江为界）', en: 'Region (north or south of the Yangtze River)' },
    },
  },
  notApplicable: (x) =>
    x.age < AGES[0] || x.age > AGES[1]
      ? {
          'zh-CN': `China-PAR 10 年风险方程由 35–74 岁人群推导（当前 ${x.age} 岁）`,
          en: `The China-PAR 10-year equations were derived in adults aged 35–74 (age ${x.age})`,
        }
      : undefined,
  compute: (x) => {
    const e = x.sex === 'male' ? MEN : WOMEN;
    const lnAge = Math.log(x.age);
    const lnSbp = Math.log(x.systolicBP);
    const smoker = x.smoker ? 1 : 0;
    const family = x.familyHistoryCVD ? 1 : 0;
    const sum =
      e.lnAge * lnAge +
      (x.bpTreated ? e.lnTreatedSbp + e.lnAgeLnTreatedSbp * lnAge : e.lnUntreatedSbp + e.lnAgeLnUntreatedSbp * lnAge) *
        lnSbp +
      e.lnTc * Math.log(x.totalCholesterol) +
      e.lnHdl * Math.log(x.hdl) +
      e.lnWaist * Math.log(x.waist) +
      (e.smoker + e.lnAgeSmoker * lnAge) * smoker +
      e.diabetes * (x.diabetic ? 1 : 0) +
      e.north * (x.region === 'north' ? 1 : 0) +
      e.urban * (x.urban ? 1 : 0) +
      (e.familyHistory + e.lnAgeFamilyHistory * lnAge) * family;
    const risk = 1 - e.s10 ** Math.exp(sum - e.mean);
    return { value: risk * 100, details: { individualSum: +sum.toFixed(4) } };
  },
  categories: [
    { code: 'low', max: 5, interpretation: { 'zh-CN': '低危（<5%）', en: 'Low risk (<5%)' } },
    {
      code: 'medium',
      min: 5,
      max: 10,
      interpretation: { 'zh-CN': '中危（5%–<10%）', en: 'Medium risk (5% to <10%)' },
    },
    { code: 'high', min: 10, interpretation: { 'zh-CN': '高危（≥10%）', en: 'High risk (≥10%)' } },
  ],
  notes:
    'The two-decimal coefficients printed in the paper do not reproduce its own worked examples (men give 11.6% ' +
    "for the 11.0% example; the women's baseline survival printed as 0.99 gives 6.9% for the 10.1% example). Decision: (1) the six " +
    "continuous men's coefficients are recovered from Supplemental Table 1's coefficient × value column (computed by " +
    'the authors with unrounded coefficients) divided by the example values; each still rounds to the printed ' +
    "coefficient; (2) the women's S10 = 0.9851 solves the women's worked example (sum 119.22 → 10.1%); " +
    '(3) men S10 = 0.9707 as in the worked formula of Supplemental Table 2. This reproduces both worked examples to ' +
    'the decimal and the Data Supplement table of the same profile at ages 40–70 within 0.1 percentage point. The same S10 = 0.9851 and ' +
    'three-decimal versions of these coefficients are given in the Jiangsu group standard T/JPMA 024—2024 ' +
    'appendices C/D, as transcribed by public implementations. The official calculator (cvdrisk.com.cn) is ' +
    'reported about 3% lower for men than this paper-derived set (2019 guideline Appendix 1: 4.7% where this gives ' +
    '4.9%). diastolicBP is asked by the official calculator but is not a term of the equations, so it is optional ' +
    "and unused. urban and familyHistoryCVD enter the men's equation only. Ages 35–74 (derivation cohorts).",
});
