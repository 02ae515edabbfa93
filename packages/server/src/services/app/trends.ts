import type { Observation } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import { dateRange } from '@careloop/core/fhir/dates';
import { getScore } from '@careloop/core/clinical/scores/registry';
import { runScore } from '@careloop/core/clinical/scores/run';
import type { TrendChart, TrendPoint, TrendSeries } from '@careloop/core/app-api/types';
import { ageOn } from '../../reports/person';
import { carriers, effective, toUnit, UNUSABLE } from '../../reports/trends';
import {
  SUMMARY_CHARTS,
  type BandPerson,
  type SummaryChartDefinition,
  type SummarySeriesDefinition,
} from './trend-definitions';

const EGFR_SCORE = 'ckd-epi-2021-egfr';

/** The measured points of a series, oldest first, in the chart's unit (BP panels give their components). */
function pointsOf(def: SummarySeriesDefinition, unit: string, observations: readonly Observation[]): TrendPoint[] {
  const points = observations.flatMap((o) => {
    const date = effective(o);
    const time = date ? dateRange(date)?.low : undefined;
    if (!date || time === undefined || UNUSABLE.has(o.status) || !o.id) return [];
    const c = carriers(o).find((x) => def.loinc.includes(x.loinc));
    const value = c ? toUnit(c.quantity, c.loinc, unit) : undefined;
    return value === undefined ? [] : [{ date, time, value, observation: `Observation/${o.id}` }];
  });
  return points.sort((a, b) => a.time - b.time);
}

/** eGFR computed with CKD-EPI 2021 from each creatinine result, when no eGFR is stored (the lab sent none). */
function egfrFromCreatinine(
  creatinine: readonly TrendPoint[],
  birthDate: string | undefined,
  sex: BandPerson['sex'],
): TrendPoint[] {
  const def = getScore(EGFR_SCORE);
  if (!def || !sex) return [];
  return creatinine.flatMap((p) => {
    const age = ageOn(birthDate, p.date);
    if (age === undefined) return [];
    const r = runScore(def, { age, sex, creatinine: { value: p.value, unit: 'umol/L' } });
    return r.applicable ? [{ ...p, value: r.value }] : [];
  });
}

function seriesOf(
  chart: SummaryChartDefinition,
  def: SummarySeriesDefinition,
  person: BandPerson,
  locale: Locale,
): Omit<TrendSeries, 'points'> {
  const band = def.band(person);
  return {
    key: def.key,
    label: def.label[locale],
    loinc: def.loinc,
    unit: chart.unit,
    unitLabel: chart.unitLabel,
    ...(band ? { band } : {}),
  };
}

/**
 * The summary's trend charts: every point of each series with the Observation it comes from, converted to the
 * chart's UCUM unit, and the published reference band for this person's sex and age. Charts without a point are
 * left out; eGFR falls back to values computed from creatinine (marked `computedFrom`).
 */
export function summaryTrends(
  observations: readonly Observation[],
  person: BandPerson & { readonly birthDate?: string },
  locale: Locale,
): TrendChart[] {
  const creatinineChart = SUMMARY_CHARTS.find((c) => c.id === 'creatinine');
  const creatinine = creatinineChart?.series[0]
    ? pointsOf(creatinineChart.series[0], creatinineChart.unit, observations)
    : [];
  return SUMMARY_CHARTS.flatMap((chart) => {
    const series = chart.series.flatMap((def): TrendSeries[] => {
      const base = seriesOf(chart, def, person, locale);
      const measured = pointsOf(def, chart.unit, observations);
      if (measured.length > 0) return [{ ...base, points: measured }];
      if (def.key !== 'egfr') return [];
      const computed = egfrFromCreatinine(creatinine, person.birthDate, person.sex);
      const score = getScore(EGFR_SCORE);
      if (computed.length === 0 || !score) return [];
      return [
        {
          ...base,
          points: computed,
          computedFrom: { kind: 'score', id: score.id, version: score.version, name: score.name[locale] },
        },
      ];
    });
    if (series.length === 0) return [];
    return [
      {
        id: chart.id,
        title: chart.title[locale],
        unit: chart.unit,
        unitLabel: chart.unitLabel,
        decimals: chart.decimals,
        series,
      },
    ];
  });
}
