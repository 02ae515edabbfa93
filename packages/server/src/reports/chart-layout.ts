import type { TrendChart } from './trends';
import { formatNumber } from './fhir-text';

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, and dashes tell series apart. */
export const SERIES_STYLES = [
  { color: '#0072B2', band: '#DCEBF5', dash: undefined },
  { color: '#D55E00', band: '#F8E3D5', dash: [6, 3] as const },
] as const;

export interface PlacedPoint {
  readonly x: number;
  readonly y: number;
  readonly date: string;
  readonly value: number;
  readonly label: string;
}
export interface PlacedSeries {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly bandColor: string;
  readonly dash?: readonly number[];
  readonly points: readonly PlacedPoint[];
  /** The shaded reference band, as y of its top and bottom edges. */
  readonly band: { readonly top: number; readonly bottom: number };
}
/** A chart placed in a box, in the box's units (SVG user units or PDF points): one geometry, two renderers. */
export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
  readonly series: readonly PlacedSeries[];
}

const MARGIN = { left: 44, right: 12, top: 22, bottom: 30 };
const DAY = 86_400_000;

function niceStep(span: number): number {
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10;
  return step * power;
}

function yDomain(chart: TrendChart): { min: number; max: number; step: number } {
  const values = chart.series.flatMap((s) => [
    ...s.points.map((p) => p.value),
    ...(s.band.low !== undefined ? [s.band.low] : []),
    ...(s.band.high !== undefined ? [s.band.high] : []),
  ]);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || Math.abs(hi) || 1;
  const step = niceStep(span * 1.2);
  return { min: Math.floor((lo - span * 0.1) / step) * step, max: Math.ceil((hi + span * 0.1) / step) * step, step };
}

/** Places a trend chart's points, band, ticks and labels in a `width` × `height` box. */
export function layoutChart(chart: TrendChart, width: number, height: number): ChartLayout {
  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const times = chart.series.flatMap((s) => s.points.map((p) => p.time));
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  if (t1 - t0 < DAY) [t0, t1] = [t0 - 15 * DAY, t1 + 15 * DAY];
  const inset = (plot.right - plot.left) * 0.06;
  const x = (t: number) => plot.left + inset + ((t - t0) / (t1 - t0)) * (plot.right - plot.left - 2 * inset);
  const { min, max, step } = yDomain(chart);
  const y = (v: number) => plot.bottom - ((v - min) / (max - min)) * (plot.bottom - plot.top);
  const yTicks = [];
  for (let v = min; v <= max + step / 1000; v += step) yTicks.push({ y: y(v), label: formatNumber(v, 2) });
  const dates = [...new Map(chart.series.flatMap((s) => s.points.map((p) => [p.date, p.time] as const)))].sort(
    (a, b) => a[1] - b[1],
  );
  const every = Math.ceil(dates.length / 6);
  const xTicks = dates.filter((_, i) => i % every === 0).map(([label, t]) => ({ x: x(t), label }));
  const series = chart.series.map((s, i) => {
    const style = SERIES_STYLES[i % SERIES_STYLES.length] ?? SERIES_STYLES[0];
    return {
      key: s.key,
      label: s.label,
      color: style.color,
      bandColor: style.band,
      ...(style.dash ? { dash: style.dash } : {}),
      points: s.points.map((p) => ({
        x: x(p.time),
        y: y(p.value),
        date: p.date,
        value: p.value,
        label: formatNumber(p.value, chart.decimals),
      })),
      band: { top: y(s.band.high ?? max), bottom: y(s.band.low ?? min) },
    };
  });
  return { width, height, plot, yTicks, xTicks, series };
}
