import type { LocalizedText } from '@careloop/core/i18n';
import { CHECKUP_ANALYTES, careLoopAppliedRange, type AnalyteKey } from '@careloop/core/clinical/ranges/index';
import type { Citation } from '@careloop/core/clinical/source';
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
    const range = careLoopAppliedRange(analyte, person);
    if (!range) return undefined;
    // A chart shades the band; whether its upper bound itself counts as high matters to flags, not to the chart.
    const { highInclusive: _highInclusive, ...band } = range;
    return band;
  };
}

/** A band of CareLoop's with its source; an absent bound is left out. */
function careLoopBand(source: Citation, low: number | undefined, high: number | undefined): TrendBand {
  return { origin: 'careloop', source, ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}) };
}

/** The band the printed report's trend charts use (blood pressure, HbA1c), with its source. */
function reportBand(key: string): SummarySeriesDefinition['band'] {
  const def = TREND_CHARTS.flatMap((c) => c.series).find((s) => s.key === key);
  if (!def) throw new Error(`no report trend series ${key}`);
  const band = careLoopBand(def.band.source, def.band.low, def.band.high);
  return () => band;
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
  const band = careLoopBand(def.source[sourceIndex] ?? def.source[0], low, high);
  return () => band;
}

const analyte = (key: TrendKey, a: AnalyteKey, band = rangeBand(a)): SummarySeriesDefinition => ({
  key,
  label: CHECKUP_ANALYTES[a].name,
  loinc: CHECKUP_ANALYTES[a].loinc,
  band,
});

/** A series with no band (no range applies to everyone). */
const unbanded = (key: TrendKey, label: LocalizedText, loinc: readonly string[]): SummarySeriesDefinition => ({
  key,
  label,
  loinc,
  band: () => undefined,
});

type ChartHead = Omit<SummaryChartDefinition, 'series'>;

/** The printed report's chart of this id (title, unit, decimals): the summary shows those measures the same way. */
function reportChart(id: string): ChartHead {
  const chart = TREND_CHARTS.find((c) => c.id === id);
  if (!chart) throw new Error(`no report trend chart ${id}`);
  const { series: _series, ...head } = chart;
  return head;
}

/** A chart of the summary's own: id, title, [UCUM unit, unit as printed, decimals]. */
function chart(id: string, title: LocalizedText, [unit, unitLabel, decimals]: [string, string, number]): ChartHead {
  return { id, title, unit, unitLabel, decimals };
}

/** Capillary glucose by glucometer (home readings), mass and substance: https://loinc.org/14743-9/, /41653-7/. */
const CAPILLARY_GLUCOSE = ['14743-9', '41653-7'];
/** Body weight: https://loinc.org/29463-7/. */
const BODY_WEIGHT = ['29463-7'];
const WEIGHT: LocalizedText = { 'zh-CN': '体重', en: 'Body weight' };

/** The summary's trend charts, in display order. */
export const SUMMARY_CHARTS: readonly SummaryChartDefinition[] = [
  {
    ...reportChart('blood-pressure'),
    series: [
      analyte('systolic', 'systolicBP', reportBand('systolic')),
      analyte('diastolic', 'diastolicBP', reportBand('diastolic')),
    ],
  },
  { ...reportChart('fasting-glucose'), series: [analyte('fasting-glucose', 'fastingGlucose')] },
  {
    ...chart('glucose', { 'zh-CN': '随机/指尖血糖', en: 'Glucose (random, capillary)' }, ['mmol/L', 'mmol/L', 1]),
    series: [
      unbanded('glucose', { 'zh-CN': '血糖', en: 'Glucose' }, [
        ...CHECKUP_ANALYTES.glucose.loinc,
        ...CAPILLARY_GLUCOSE,
      ]),
    ],
  },
  { ...reportChart('hba1c'), series: [analyte('hba1c', 'hba1c', reportBand('hba1c'))] },
  {
    ...chart('lipids', { 'zh-CN': '血脂', en: 'Lipids' }, ['mmol/L', 'mmol/L', 2]),
    series: [
      analyte('total-cholesterol', 'totalCholesterol'),
      analyte('ldl', 'ldl'),
      analyte('hdl', 'hdl'),
      analyte('triglycerides', 'triglycerides'),
    ],
  },
  {
    ...chart('egfr', { 'zh-CN': '估算肾小球滤过率', en: 'eGFR' }, ['mL/min/{1.73_m2}', 'mL/min/1.73 m²', 0]),
    series: [analyte('egfr', 'egfr', scoreBand('ckd-epi-2021-egfr', ['G1', 'G2'], 1))],
  },
  {
    ...chart('creatinine', { 'zh-CN': '血肌酐', en: 'Creatinine' }, ['umol/L', 'µmol/L', 0]),
    series: [analyte('creatinine', 'creatinine')],
  },
  { ...chart('weight', WEIGHT, ['kg', 'kg', 1]), series: [unbanded('weight', WEIGHT, BODY_WEIGHT)] },
  {
    ...chart('bmi', { 'zh-CN': '体质指数', en: 'BMI' }, ['kg/m2', 'kg/m²', 1]),
    series: [analyte('bmi', 'bmi', scoreBand('china-bmi-category', ['normal']))],
  },
];
