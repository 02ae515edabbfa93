import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendChart as Chart, TrendSeries } from '@careloop/core/app-api/types';
import { useFormats } from '../format';

const W = 360;
const H = 150;
const PAD = { left: 40, right: 10, top: 10, bottom: 22 };
// Up to four series per chart (lipids): each with its own colour AND marker shape, named in a legend.
const STROKES = ['#1d5fa8', '#8a3b00', '#2d6a3e', '#6b2d8a'];
const SHAPES = ['circle', 'square', 'triangle', 'diamond'] as const;

function Marker({ shape, x, y, r }: { shape: (typeof SHAPES)[number]; x: number; y: number; r: number }): ReactNode {
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} />;
    case 'square':
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} />;
    case 'triangle':
      return <polygon points={`${x},${y - r - 1} ${x - r - 1},${y + r} ${x + r + 1},${y + r}`} />;
    case 'diamond':
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} />;
  }
}

function outside(s: TrendSeries, v: number): boolean {
  return (s.band?.low !== undefined && v < s.band.low) || (s.band?.high !== undefined && v > s.band.high);
}

/** A small trend chart as accessible SVG (title, description, band) with the values as a table beside it. */
export function TrendChart({ chart }: { chart: Chart }): ReactNode {
  const { t } = useTranslation();
  const f = useFormats();
  const id = useId().replace(/:/g, '');
  const points = chart.series.flatMap((s) => s.points);
  const bands = chart.series.flatMap((s) => (s.band ? [s.band] : []));
  const values = [
    ...points.map((p) => p.value),
    ...bands.flatMap((b) => [b.low, b.high].filter((v) => v !== undefined)),
  ];
  const times = points.map((p) => p.time);
  const [vMin, vMax] = [Math.min(...values), Math.max(...values)];
  // At least a tenth of the value as span, so 90.5 → 90.1 kg does not fill the chart like a collapse.
  const span = Math.max(vMax - vMin, Math.abs(vMax) * 0.1) || 1;
  const lo = vMin - span * 0.1;
  const hi = vMax + span * 0.1;
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const x = (time: number): number =>
    PAD.left + (t1 === t0 ? 0.5 : (time - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number): number => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const first = points.reduce((a, p) => (p.time < a.time ? p : a), points[0]!);
  const last = points.reduce((a, p) => (p.time > a.time ? p : a), points[0]!);
  const desc = chart.series
    .map((s) => {
      const latest = s.points.at(-1);
      return `${s.label}: ${t('chart.desc', {
        count: s.points.length,
        from: f.date(s.points[0]?.date),
        to: f.date(latest?.date),
        latest: f.number(latest?.value, chart.decimals),
        unit: chart.unitLabel,
      })}${s.band ? ` ${t('chart.band', { low: f.number(s.band.low), high: f.number(s.band.high), unit: chart.unitLabel })}.` : ''}`;
    })
    .join(' ');
  return (
    <figure className="chart">
      <figcaption>
        <strong>{chart.title}</strong> <span className="muted">({chart.unitLabel})</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{chart.title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {chart.series.map((s, i) =>
          s.band ? (
            <rect
              key={`band-${s.key}`}
              className="band"
              x={PAD.left}
              width={W - PAD.left - PAD.right}
              y={y(s.band.high ?? hi)}
              height={Math.max(0, y(s.band.low ?? lo) - y(s.band.high ?? hi))}
              opacity={i === 0 ? 0.5 : 0.3}
            />
          ) : null,
        )}
        <line className="axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} />
        <text className="tick" x={PAD.left - 4} y={y(vMax) + 4} textAnchor="end">
          {f.number(vMax, chart.decimals)}
        </text>
        <text className="tick" x={PAD.left - 4} y={y(vMin) + 4} textAnchor="end">
          {f.number(vMin, chart.decimals)}
        </text>
        <text className="tick" x={PAD.left} y={H - 6}>
          {f.date(first.date)}
        </text>
        <text className="tick" x={W - PAD.right} y={H - 6} textAnchor="end">
          {f.date(last.date)}
        </text>
        {chart.series.map((s, i) => (
          <g key={s.key} stroke={STROKES[i % STROKES.length]} fill={STROKES[i % STROKES.length]}>
            <polyline
              fill="none"
              strokeWidth={2}
              points={s.points.map((p) => `${x(p.time)},${y(p.value)}`).join(' ')}
            />
            {s.points.map((p) => (
              <Marker
                key={p.observation + p.date}
                shape={SHAPES[i % SHAPES.length]!}
                x={x(p.time)}
                y={y(p.value)}
                r={outside(s, p.value) ? 5 : 3}
              />
            ))}
          </g>
        ))}
      </svg>
      {chart.series.length > 1 && (
        <ul className="legend" aria-hidden="true">
          {chart.series.map((s, i) => (
            <li key={s.key}>
              <svg width="14" height="14" viewBox="0 0 14 14" fill={STROKES[i % STROKES.length]}>
                <Marker shape={SHAPES[i % SHAPES.length]!} x={7} y={7} r={4} />
              </svg>{' '}
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('chart.table')}</summary>
        <table>
          <caption className="sr-only">{chart.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.date')}</th>
              {chart.series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label} ({chart.unitLabel})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...new Set(points.map((p) => p.date))].sort().map((date) => (
              <tr key={date}>
                <th scope="row">{f.date(date)}</th>
                {chart.series.map((s) => {
                  const p = s.points.find((q) => q.date === date);
                  return (
                    <td key={s.key}>
                      {p ? f.number(p.value, chart.decimals) : '—'}
                      {p && outside(s, p.value) && <span className="flag"> ({t('chart.outside')})</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
