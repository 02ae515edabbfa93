import type { LocalizedText } from '@careloop/core/i18n';
import { CHECKUP_ANALYTES, careLoopRange, type AnalyteKey } from '@careloop/core/clinical/ranges/index';
import { getScore } from '@careloop/core/clinical/scores/registry';
import type { TrendBand, TrendKey } from '@careloop/core/app-api/types';
import { TREND_CHARTS } from '../../reports/trend-series';

/** Who the bands are for: CareLoop's ranges depend on sex and age. */
export interface BandPerson {
  readonly sex?: 'male' | 'female';
  readonly age?: number;
}

export interface SummarySeriesDefinition {
  readonly key: TrendKey;
  readonly label: LocalizedText;
  readonly loinc: readonly string[];
  /** The published band for this person, or undefined when none applies. */
  readonly band: (person: BandPerson) => TrendBand | undefined;
}

export interface SummaryChartDefinition {
  readonly id: string;
  readonly title: LocalizedText;
  /** UCUM unit of every series of the chart. */
  readonly unit: string;
  readonly unitLabel: string;
  readonly decimals: number;
  readonly series: readonly SummarySeriesDefinition[];
}

/** The band of CareLoop's reference-range table (core/clinical/ranges) for the analyte, sex and age. */
function rangeBand(analyte: AnalyteKey): SummarySeriesDefinition['band'] {
  return (person) => {
    const row = careLoopRange(analyte, person.sex, person.age);
    if (!row) return undefined;
    return {
      origin: 'careloop',
      source: row.source,
      ...(row.low !== undefined ? { low: row.low } : {}),
      ...(row.high !== undefined ? { high: row.high } : {}),
    };
  };
}

/** The band the printed report's trend charts use (blood pressure, HbA1c), with its source. */
function reportBand(key: string): SummarySeriesDefinition['band'] {
  const def = TREND_CHARTS.flatMap((c) => c.series).find((s) => s.key === key);
  if (!def) throw new Error(`no report trend series ${key}`);
  const { low, high, source } = def.band;
  return () => ({
    origin: 'careloop',
    source,
    ...(low !== undefined ? { low } : {}),
    ...(high !== undefined ? { high } : {}),
  });
}

/** A band from a score's category bounds (eGFR G1–G2 per KDIGO 2012, normal BMI per WS/T 428), with its source. */
function scoreBand(scoreId: string, category: readonly string[], sourceIndex = 0): SummarySeriesDefinition['band'] {
  const def = getScore(scoreId);
  const cats = (def?.categories ?? []).filter((c) => category.includes(c.code));
  const lows = cats.flatMap((c) => (c.min !== undefined ? [c.min] : []));
  const highs = cats.flatMap((c) => (c.max !== undefined ? [c.max] : []));
  if (!def || cats.length === 0) throw new Error(`no categories ${category.join(',')} in score ${scoreId}`);
  const low = lows.length === cats.length ? Math.min(...lows) : undefined;
  const high = highs.length === cats.length ? Math.max(...highs) : undefined;
  return () => ({
    origin: 'careloop',
    source: def.source[sourceIndex] ?? def.source[0],
    ...(low !== undefined ? { low } : {}),
    ...(high !== undefined ? { high } : {}),
  });
}

const analyte = (key: TrendKey, a: AnalyteKey, band = rangeBand(a)): SummarySeriesDefinition => ({
  key,
  label: CHECKUP_ANALYTES[a].name,
  loinc: CHECKUP_ANALYTES[a].loinc,
  band,
});

/** Capillary glucose by glucometer (home readings), mass and substance: https://loinc.org/14743-9/, /41653-7/. */
const CAPILLARY_GLUCOSE = ['14743-9', '41653-7'];
/** Body weight: https://loinc.org/29463-7/. */
const BODY_WEIGHT = ['29463-7'];

/** The summary's trend charts, in display order. */
export const SUMMARY_CHARTS: readonly SummaryChartDefinition[] = [
  {
    id: 'blood-pressure',
    title: { 'zh-CN': '血压', en: 'Blood pressure' },
    unit: 'mm[Hg]',
    unitLabel: 'mmHg',
    decimals: 0,
    series: [
      analyte('systolic', 'systolicBP', reportBand('systolic')),
      analyte('diastolic', 'diastolicBP', reportBand('diastolic')),
    ],
  },
  {
    id: 'fasting-glucose',
    title: { 'zh-CN': '空腹血糖', en: 'Fasting glucose' },
    unit: 'mmol/L',
    unitLabel: 'mmol/L',
    decimals: 1,
    series: [analyte('fasting-glucose', 'fastingGlucose')],
  },
  {
    id: 'glucose',
    title: { 'zh-CN': '随机/指尖血糖', en: 'Glucose (random, capillary)' },
    unit: 'mmol/L',
    unitLabel: 'mmol/L',
    decimals: 1,
    series: [
      {
        key: 'glucose',
        label: { 'zh-CN': '血糖', en: 'Glucose' },
        loinc: [...CHECKUP_ANALYTES.glucose.loinc, ...CAPILLARY_GLUCOSE],
        band: () => undefined,
      },
    ],
  },
  {
    id: 'hba1c',
    title: { 'zh-CN': '糖化血红蛋白', en: 'HbA1c' },
    unit: '%',
    unitLabel: '%',
    decimals: 1,
    series: [analyte('hba1c', 'hba1c', reportBand('hba1c'))],
  },
  {
    id: 'lipids',
    title: { 'zh-CN': '血脂', en: 'Lipids' },
    unit: 'mmol/L',
    unitLabel: 'mmol/L',
    decimals: 2,
    series: [
      analyte('total-cholesterol', 'totalCholesterol'),
      analyte('ldl', 'ldl'),
      analyte('hdl', 'hdl'),
      analyte('triglycerides', 'triglycerides'),
    ],
  },
  {
    id: 'egfr',
    title: { 'zh-CN': '估算肾小球滤过率', en: 'eGFR' },
    unit: 'mL/min/{1.73_m2}',
    unitLabel: 'mL/min/1.73 m²',
    decimals: 0,
    series: [analyte('egfr', 'egfr', scoreBand('ckd-epi-2021-egfr', ['G1', 'G2'], 1))],
  },
  {
    id: 'creatinine',
    title: { 'zh-CN': '血肌酐', en: 'Creatinine' },
    unit: 'umol/L',
    unitLabel: 'µmol/L',
    decimals: 0,
    series: [analyte('creatinine', 'creatinine')],
  },
  {
    id: 'weight',
    title: { 'zh-CN': '体重', en: 'Body weight' },
    unit: 'kg',
    unitLabel: 'kg',
    decimals: 1,
    series: [
      { key: 'weight', label: { 'zh-CN': '体重', en: 'Body weight' }, loinc: BODY_WEIGHT, band: () => undefined },
    ],
  },
  {
    id: 'bmi',
    title: { 'zh-CN': '体质指数', en: 'BMI' },
    unit: 'kg/m2',
    unitLabel: 'kg/m²',
    decimals: 1,
    series: [analyte('bmi', 'bmi', scoreBand('china-bmi-category', ['normal']))],
  },
];
