import type { Locale } from '@careloop/core/i18n';
import { layoutChart } from './chart-layout';
import { formatNumber } from './fhir-text';
import { esc } from './html-escape';
import { msg } from './messages';
import type { TrendChart } from './trends';

const WIDTH = 560;
const HEIGHT = 220;

/** The chart's text alternative: every value with its date, and the band. */
export function chartDescription(chart: TrendChart, locale: Locale): string {
  const sep = locale === 'zh-CN' ? '；' : '; ';
  const points = chart.series
    .map((s) => `${s.label} ${s.points.map((p) => `${p.date} ${p.value.toFixed(chart.decimals)}`).join(', ')}`)
    .join(sep);
  const bands = chart.series
    .map((s) => {
      const low = s.band.low !== undefined ? formatNumber(s.band.low, chart.decimals) : undefined;
      const high = s.band.high !== undefined ? formatNumber(s.band.high, chart.decimals) : undefined;
      const range = low && high ? `${low}–${high}` : high ? `< ${high}` : `> ${low ?? ''}`;
      return `${s.label} ${range}`;
    })
    .join(sep);
  return msg(locale, 'trendDesc', {
    title: chart.title,
    unit: chart.unitLabel,
    points,
    band: locale === 'zh-CN' ? `（${bands}）` : ` (${bands})`,
  });
}

/** A trend chart as inline SVG (role="img" with <title> and <desc>); no external resources. */
export function renderChartSvg(chart: TrendChart, locale: Locale): string {
  const l = layoutChart(chart, WIDTH, HEIGHT);
  const id = `chart-${chart.id}`;
  const { left, top, right, bottom } = l.plot;
  const bands = l.series
    .map(
      (s) =>
        `<rect class="band" data-series="${esc(s.key)}" x="${left}" y="${s.band.top.toFixed(1)}" width="${right - left}" height="${Math.max(0, s.band.bottom - s.band.top).toFixed(1)}" fill="${s.bandColor}" fill-opacity="0.7"/>`,
    )
    .join('');
  const grid = l.yTicks
    .map(
      (t) =>
        `<line x1="${left}" x2="${right}" y1="${t.y.toFixed(1)}" y2="${t.y.toFixed(1)}" stroke="#ccc" stroke-width="0.5"/><text x="${left - 4}" y="${(t.y + 3).toFixed(1)}" text-anchor="end" font-size="9">${esc(t.label)}</text>`,
    )
    .join('');
  const xLabels = l.xTicks
    .map(
      (t) => `<text x="${t.x.toFixed(1)}" y="${bottom + 14}" text-anchor="middle" font-size="9">${esc(t.label)}</text>`,
    )
    .join('');
  const lines = l.series
    .map((s) => {
      const path = s.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
      const dash = s.dash ? ` stroke-dasharray="${s.dash.join(' ')}"` : '';
      const dots = s.points
        .map(
          (p) =>
            `<circle class="point" data-series="${esc(s.key)}" cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="3" fill="${s.color}"><title>${esc(`${s.label} ${p.date}: ${p.label}`)}</title></circle>`,
        )
        .join('');
      return `<g class="series" data-series="${esc(s.key)}"><polyline points="${path}" fill="none" stroke="${s.color}" stroke-width="1.5"${dash}/>${dots}</g>`;
    })
    .join('');
  const legend = l.series
    .map(
      (s, i) =>
        `<g transform="translate(${left + 8 + i * 150},6)"><line x1="0" x2="18" y1="6" y2="6" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash.join(' ')}"` : ''}/><text x="22" y="9" font-size="9">${esc(s.label)}</text></g>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="sans-serif">`,
    `<title id="${id}-title">${esc(`${chart.title} (${chart.unitLabel})`)}</title>`,
    `<desc id="${id}-desc">${esc(chartDescription(chart, locale))}</desc>`,
    bands,
    grid,
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="#333"/><line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#333"/>`,
    `<text x="12" y="${((top + bottom) / 2).toFixed(1)}" font-size="9" text-anchor="middle" transform="rotate(-90 12 ${((top + bottom) / 2).toFixed(1)})">${esc(chart.unitLabel)}</text>`,
    `<text x="${(left + right) / 2}" y="${HEIGHT - 2}" font-size="9" text-anchor="middle">${esc(msg(locale, 'date'))}</text>`,
    xLabels,
    lines,
    legend,
    '</svg>',
  ].join('');
}
