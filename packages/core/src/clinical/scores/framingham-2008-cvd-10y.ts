import {
  ageInput,
  bpTreatedInput,
  diabeticInput,
  hdlInput,
  sexInput,
  smokerInput,
  systolicInput,
  totalCholesterolInput,
} from './common-inputs';
import { defineScore } from './types';

interface FraminghamEquation {
  readonly lnAge: number;
  readonly lnTc: number;
  readonly lnHdl: number;
  readonly lnUntreatedSbp: number;
  readonly lnTreatedSbp: number;
  readonly smoker: number;
  readonly diabetes: number;
  /** Baseline survival at 10 years. */
  readonly s10: number;
  /** Mean of Σ β × value in the derivation cohort. */
  readonly mean: number;
}

/** D'Agostino 2008, Table 2 (regression coefficients) and its footnote (S0(10) and the means). */
const EQUATIONS: Readonly<Record<'male' | 'female', FraminghamEquation>> = {
  female: {
    lnAge: 2.32888,
    lnTc: 1.20904,
    lnHdl: -0.70833,
    lnUntreatedSbp: 2.76157,
    lnTreatedSbp: 2.82263,
    smoker: 0.52873,
    diabetes: 0.69154,
    s10: 0.95012,
    mean: 26.1931,
  },
  male: {
    lnAge: 3.06117,
    lnTc: 1.1237,
    lnHdl: -0.93263,
    lnUntreatedSbp: 1.93303,
    lnTreatedSbp: 1.99881,
    smoker: 0.65451,
    diabetes: 0.57367,
    s10: 0.88936,
    mean: 23.9802,
  },
};

/** Framingham general cardiovascular disease 10-year risk (D'Agostino 2008, lipid model), in percent. */
export const framingham2008Cvd10y = defineScore({
  id: 'framingham-2008-cvd-10y',
  version: '2008',
  name: { 'zh-CN': 'Framingham 一般心血管病 10 年风险（2008）', en: 'Framingham general CVD 10-year risk (2008)' },
  source: [
    {
      citation:
        "D'Agostino RB Sr, Vasan RS, Pencina MJ, et al. General cardiovascular risk profile for use in primary care: the Framingham Heart Study. Circulation. 2008;117:743–753 (Table 2 and worked examples).",
      doi: '10.1161/CIRCULATIONAHA.107.699579',
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
    bpTreated: bpTreatedInput,
    smoker: smokerInput,
    diabetic: diabeticInput,
  },
  notApplicable: (x) =>
    x.age < 30 || x.age > 74
      ? {
          'zh-CN': `Framingham 2008 方程由 30–74 岁人群推导（当前 ${x.age} 岁）`,
          en: `The Framingham 2008 equations were derived in people aged 30–74 (age ${x.age})`,
        }
      : undefined,
  compute: (x) => {
    const e = EQUATIONS[x.sex];
    const sum =
      e.lnAge * Math.log(x.age) +
      e.lnTc * Math.log(x.totalCholesterol) +
      e.lnHdl * Math.log(x.hdl) +
      (x.bpTreated ? e.lnTreatedSbp : e.lnUntreatedSbp) * Math.log(x.systolicBP) +
      e.smoker * (x.smoker ? 1 : 0) +
      e.diabetes * (x.diabetic ? 1 : 0);
    return { value: (1 - e.s10 ** Math.exp(sum - e.mean)) * 100, details: { individualSum: +sum.toFixed(4) } };
  },
  notes:
    'General CVD (coronary, cerebrovascular, peripheral arterial disease and heart failure) with the lipid model; the ' +
    'BMI-based "office" model is a different score. The paper defines no risk categories, so none are given here. ' +
    'Ages 30–74, the derivation range.',
});
