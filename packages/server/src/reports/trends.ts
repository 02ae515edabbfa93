import type { Observation, ObservationReferenceRange, Quantity } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import { analyteForLoinc } from '@careloop/core/clinical/analytes';
import { dateRange } from '@careloop/core/fhir/dates';
import { convertUnit } from '@careloop/core/fhir/units';
import { formatDate } from './fhir-text';
import { TREND_CHARTS, type TrendChartDefinition, type TrendSeriesDefinition } from './trend-series';

const LOINC = 'http://loinc.org';
/** Observation statuses never charted. */
export const UNUSABLE = new Set(['entered-in-error', 'cancelled']);

export interface TrendPoint {
  /** `YYYY-MM-DD` as printed. */
  readonly date: string;
  /** Epoch ms of the measurement (the start of its date when it has no time). */
  readonly time: number;
  readonly value: number;
}
export interface TrendSeries {
  readonly key: string;
  readonly label: string;
  readonly points: readonly TrendPoint[];
  readonly band: { readonly low?: number; readonly high?: number };
  /** True when the band is the lab's own range, false when it is CareLoop's default (with its source). */
  readonly labBand: boolean;
  readonly bandSource?: string;
}
/** One chart of a repeated measure over the person's checkups, in one unit and language. */
export interface TrendChart {
  readonly id: string;
  readonly title: string;
  readonly unitLabel: string;
  readonly decimals: number;
  readonly series: readonly TrendSeries[];
}

export interface Carrier {
  readonly loinc: string;
  readonly quantity?: Quantity;
  readonly range?: ObservationReferenceRange;
}

/** Every LOINC-coded value of an Observation: itself and its components (a BP panel carries two). */
export function carriers(o: Observation): Carrier[] {
  return [o, ...(o.component ?? [])].flatMap((c) =>
    (c.code?.coding ?? [])
      .filter((coding) => coding.system === LOINC && coding.code)
      .map((coding) => ({
        loinc: coding.code ?? '',
        ...(c.valueQuantity ? { quantity: c.valueQuantity } : {}),
        ...(c.referenceRange?.[0] ? { range: c.referenceRange[0] } : {}),
      })),
  );
}

/** A quantity in `unit` (mass ⇄ substance through the LOINC code's molar mass), or undefined. */
export function toUnit(q: Quantity | undefined, loinc: string, unit: string): number | undefined {
  if (q?.value === undefined) return undefined;
  const from = q.code ?? q.unit;
  if (!from) return undefined;
  const converted = convertUnit(q.value, from, unit, analyteForLoinc(loinc)?.molarMass);
  return converted.ok ? converted.value : undefined;
}

export function effective(o: Observation): string | undefined {
  return o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued;
}

function seriesOf(
  def: TrendSeriesDefinition,
  chart: TrendChartDefinition,
  obs: readonly Observation[],
  locale: Locale,
) {
  const found = obs.flatMap((o) => {
    const when = effective(o);
    const time = when ? dateRange(when)?.low : undefined;
    if (!when || time === undefined || UNUSABLE.has(o.status)) return [];
    const c = carriers(o).find((x) => def.loinc.includes(x.loinc));
    const value = c ? toUnit(c.quantity, c.loinc, chart.unit) : undefined;
    if (!c || value === undefined) return [];
    const low = toUnit(c.range?.low, c.loinc, chart.unit);
    const high = toUnit(c.range?.high, c.loinc, chart.unit);
    return [{ point: { date: formatDate(when), time, value }, low, high }];
  });
  found.sort((a, b) => a.point.time - b.point.time);
  const latest = found.at(-1);
  const labBand = latest !== undefined && (latest.low !== undefined || latest.high !== undefined);
  const band = labBand
    ? {
        ...(latest.low !== undefined ? { low: latest.low } : {}),
        ...(latest.high !== undefined ? { high: latest.high } : {}),
      }
    : {
        ...(def.band.low !== undefined ? { low: def.band.low } : {}),
        ...(def.band.high !== undefined ? { high: def.band.high } : {}),
      };
  return {
    key: def.key,
    label: def.label[locale],
    points: found.map((f) => f.point),
    band,
    labBand,
    ...(labBand ? {} : { bandSource: def.band.source.citation }),
  };
}

/**
 * The trend charts worth drawing: a chart appears when one of its series has at least two measurements (a trend
 * needs two points). Values are converted to the chart's unit (mg/dL → mmol/L through the analyte's molar mass).
 */
export function buildTrends(observations: readonly Observation[], locale: Locale): TrendChart[] {
  return TREND_CHARTS.flatMap((def) => {
    const series = def.series.map((s) => seriesOf(s, def, observations, locale)).filter((s) => s.points.length > 0);
    if (!series.some((s) => s.points.length >= 2)) return [];
    return [{ id: def.id, title: def.title[locale], unitLabel: def.unitLabel, decimals: def.decimals, series }];
  });
}
