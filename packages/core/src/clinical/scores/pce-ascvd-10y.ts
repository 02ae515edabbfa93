import type { LocalizedText } from '../../i18n';
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

type Group = 'white-female' | 'aa-female' | 'white-male' | 'aa-male';

/** Coefficients of one race–sex equation; absent terms are zero. */
interface PceEquation {
  readonly lnAge: number;
  readonly lnAgeSquared?: number;
  readonly lnTc: number;
  readonly lnAgeLnTc?: number;
  readonly lnHdl: number;
  readonly lnAgeLnHdl?: number;
  readonly lnTreatedSbp: number;
  readonly lnAgeLnTreatedSbp?: number;
  readonly lnUntreatedSbp: number;
  readonly lnAgeLnUntreatedSbp?: number;
  readonly smoker: number;
  readonly lnAgeSmoker?: number;
  readonly diabetes: number;
  /** Baseline survival at 10 years. */
  readonly s10: number;
  /** Overall mean of the linear predictor. */
  readonly mean: number;
}

/** Goff et al. 2014, Table A (appendix 7 of the full work group report): the four race–sex equations. */
const EQUATIONS: Readonly<Record<Group, PceEquation>> = {
  'white-female': {
    lnAge: -29.799,
    lnAgeSquared: 4.884,
    lnTc: 13.54,
    lnAgeLnTc: -3.114,
    lnHdl: -13.578,
    lnAgeLnHdl: 3.149,
    lnTreatedSbp: 2.019,
    lnUntreatedSbp: 1.957,
    smoker: 7.574,
    lnAgeSmoker: -1.665,
    diabetes: 0.661,
    s10: 0.9665,
    mean: -29.18,
  },
  'aa-female': {
    lnAge: 17.114,
    lnTc: 0.94,
    lnHdl: -18.92,
    lnAgeLnHdl: 4.475,
    lnTreatedSbp: 29.291,
    lnAgeLnTreatedSbp: -6.432,
    lnUntreatedSbp: 27.82,
    lnAgeLnUntreatedSbp: -6.087,
    smoker: 0.691,
    diabetes: 0.874,
    s10: 0.9533,
    mean: 86.61,
  },
  'white-male': {
    lnAge: 12.344,
    lnTc: 11.853,
    lnAgeLnTc: -2.664,
    lnHdl: -7.99,
    lnAgeLnHdl: 1.769,
    lnTreatedSbp: 1.797,
    lnUntreatedSbp: 1.764,
    smoker: 7.837,
    lnAgeSmoker: -1.795,
    diabetes: 0.658,
    s10: 0.9144,
    mean: 61.18,
  },
  'aa-male': {
    lnAge: 2.469,
    lnTc: 0.302,
    lnHdl: -0.307,
    lnTreatedSbp: 1.916,
    lnUntreatedSbp: 1.809,
    smoker: 0.549,
    diabetes: 0.645,
    s10: 0.8954,
    mean: 19.54,
  },
};

/** Ranges the equations were derived and validated over (ACC/AHA ASCVD Risk Estimator input limits). */
const VALIDATED = {
  age: [40, 79],
  totalCholesterol: [130, 320],
  hdl: [20, 100],
  systolicBP: [90, 200],
} as const;

interface PceInput {
  readonly age: number;
  readonly totalCholesterol: number;
  readonly hdl: number;
  readonly systolicBP: number;
  readonly bpTreated: boolean;
  readonly smoker: boolean;
  readonly diabetic: boolean;
}

/** The individual sum Σ coefficient × value of one equation. */
function linearPredictor(e: PceEquation, x: PceInput): number {
  const lnAge = Math.log(x.age);
  const lnTc = Math.log(x.totalCholesterol);
  const lnHdl = Math.log(x.hdl);
  const lnSbp = Math.log(x.systolicBP);
  const smoker = x.smoker ? 1 : 0;
  const sbpTerm = x.bpTreated
    ? e.lnTreatedSbp * lnSbp + (e.lnAgeLnTreatedSbp ?? 0) * lnAge * lnSbp
    : e.lnUntreatedSbp * lnSbp + (e.lnAgeLnUntreatedSbp ?? 0) * lnAge * lnSbp;
  return (
    e.lnAge * lnAge +
    (e.lnAgeSquared ?? 0) * lnAge * lnAge +
    e.lnTc * lnTc +
    (e.lnAgeLnTc ?? 0) * lnAge * lnTc +
    e.lnHdl * lnHdl +
    (e.lnAgeLnHdl ?? 0) * lnAge * lnHdl +
    sbpTerm +
    e.smoker * smoker +
    (e.lnAgeSmoker ?? 0) * lnAge * smoker +
    e.diabetes * (x.diabetic ? 1 : 0)
  );
}

function outside(
  name: string,
  value: number,
  [lo, hi]: readonly [number, number],
  unit: string,
): LocalizedText | undefined {
  if (value >= lo && value <= hi) return undefined;
  return {
    'zh-CN': `${name} ${value} ${unit} 超出汇总队列方程的适用范围 ${lo}–${hi} ${unit}`,
    en: `${name} ${value} ${unit} is outside the range the Pooled Cohort Equations were validated for (${lo}–${hi} ${unit})`,
  };
}

/** ACC/AHA 2013 Pooled Cohort Equations: 10-year risk of a first hard ASCVD event, in percent. */
export const pceAscvd10y = defineScore({
  id: 'pce-ascvd-10y',
  version: '2013',
  name: { 'zh-CN': 'ACC/AHA 汇总队列方程 10 年 ASCVD 风险', en: 'ACC/AHA Pooled Cohort Equations 10-year ASCVD risk' },
  source: [
    {
      citation:
        'Goff DC Jr, Lloyd-Jones DM, Bennett G, et al. 2013 ACC/AHA Guideline on the Assessment of Cardiovascular Risk. Circulation. 2014;129(25 Suppl 2):S49–S73 (Appendix 7, Table A).',
      doi: '10.1161/01.cir.0000437741.48606.98',
    },
    {
      citation:
        'Arnett DK, Blumenthal RS, Albert MA, et al. 2019 ACC/AHA Guideline on the Primary Prevention of Cardiovascular Disease (risk categories low <5%, borderline 5–<7.5%, intermediate 7.5–<20%, high ≥20%). Circulation. 2019;140:e596–e646.',
      doi: '10.1161/CIR.0000000000000678',
    },
  ],
  unit: '%',
  decimals: 1,
  inputs: {
    age: ageInput,
    sex: sexInput,
    race: {
      kind: 'enum',
      values: ['white', 'african-american', 'other'],
      label: { 'zh-CN': '种族', en: 'Race' },
    },
    totalCholesterol: totalCholesterolInput,
    hdl: hdlInput,
    systolicBP: systolicInput,
    bpTreated: bpTreatedInput,
    smoker: smokerInput,
    diabetic: diabeticInput,
  },
  notApplicable: (x) => {
    if (x.age < VALIDATED.age[0] || x.age > VALIDATED.age[1]) {
      return {
        'zh-CN': `汇总队列方程仅适用于 40–79 岁人群（当前 ${x.age} 岁）`,
        en: `The Pooled Cohort Equations apply to ages 40–79 only (age ${x.age})`,
      };
    }
    return (
      outside('totalCholesterol', x.totalCholesterol, VALIDATED.totalCholesterol, 'mg/dL') ??
      outside('hdl', x.hdl, VALIDATED.hdl, 'mg/dL') ??
      outside('systolicBP', x.systolicBP, VALIDATED.systolicBP, 'mmHg')
    );
  },
  compute: (x) => {
    const group: Group = `${x.race === 'african-american' ? 'aa' : 'white'}-${x.sex}`;
    const e = EQUATIONS[group];
    const sum = linearPredictor(e, x);
    const risk = 1 - e.s10 ** Math.exp(sum - e.mean);
    return { value: risk * 100, details: { equation: group, individualSum: +sum.toFixed(4) } };
  },
  categories: [
    {
      code: 'low',
      max: 5,
      interpretation: { 'zh-CN': '低风险（<5%）', en: 'Low risk (<5%)' },
    },
    {
      code: 'borderline',
      min: 5,
      max: 7.5,
      interpretation: { 'zh-CN': '临界风险（5%–<7.5%）', en: 'Borderline risk (5% to <7.5%)' },
    },
    {
      code: 'intermediate',
      min: 7.5,
      max: 20,
      interpretation: { 'zh-CN': '中等风险（7.5%–<20%）', en: 'Intermediate risk (7.5% to <20%)' },
    },
    {
      code: 'high',
      min: 20,
      interpretation: { 'zh-CN': '高风险（≥20%）', en: 'High risk (≥20%)' },
    },
  ],
  notes:
    'Race "other" uses the white equations, as the 2013 guideline recommends for races other than African American. ' +
    'Outside the ranges the equations were validated for (age 40–79, total cholesterol 130–320 mg/dL, HDL 20–100 mg/dL, ' +
    'systolic 90–200 mmHg, the ACC/AHA ASCVD Risk Estimator limits) the score is not applicable rather than extrapolated. ' +
    'Risk is computed from unrounded terms; the appendix worked example rounds each term to two decimals, which is why its ' +
    'white-male figure reads 5.3% where the unrounded sum gives 5.38%.',
});
