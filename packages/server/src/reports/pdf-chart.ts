import type { Locale } from '@careloop/core/i18n';
import { layoutChart } from './chart-layout';
import { msg } from './messages';
import type { TrendChart } from './trends';

/** Height a chart takes on the page, in points. */
export const PDF_CHART_HEIGHT = 190;

/** Draws a trend chart as vector graphics with its top-left corner at (x, y), `width` points wide. */
export function drawChartPdf(
  doc: PDFKit.PDFDocument,
  chart: TrendChart,
  locale: Locale,
  x: number,
  y: number,
  width: number,
): void {
  const l = layoutChart(chart, width, PDF_CHART_HEIGHT);
  const { left, top, right, bottom } = l.plot;
  doc.save();
  doc.translate(x, y);
  for (const s of l.series) {
    doc
      .rect(left, s.band.top, right - left, Math.max(0, s.band.bottom - s.band.top))
      .fillOpacity(0.7)
      .fill(s.bandColor);
  }
  doc.fillOpacity(1).font('body').fontSize(7).fillColor('#333333');
  for (const t of l.yTicks) {
    doc.moveTo(left, t.y).lineTo(right, t.y).lineWidth(0.4).strokeColor('#cccccc').stroke();
    doc.text(t.label, 0, t.y - 4, { width: left - 4, align: 'right', lineBreak: false });
  }
  for (const t of l.xTicks) doc.text(t.label, t.x - 30, bottom + 4, { width: 60, align: 'center', lineBreak: false });
  doc.moveTo(left, top).lineTo(left, bottom).lineTo(right, bottom).lineWidth(0.8).strokeColor('#333333').stroke();
  doc.text(msg(locale, 'date'), left, PDF_CHART_HEIGHT - 10, {
    width: right - left,
    align: 'center',
    lineBreak: false,
  });
  doc.save().rotate(-90, { origin: [8, (top + bottom) / 2] });
  doc.text(chart.unitLabel, 8 - 40, (top + bottom) / 2 - 4, { width: 80, align: 'center', lineBreak: false });
  doc.restore();
  l.series.forEach((s, i) => {
    s.points.forEach((p, j) => (j === 0 ? doc.moveTo(p.x, p.y) : doc.lineTo(p.x, p.y)));
    if (s.dash) doc.dash(s.dash[0] ?? 4, { space: s.dash[1] ?? 2 });
    if (s.points.length > 1) doc.lineWidth(1.4).strokeColor(s.color).stroke();
    doc.undash();
    for (const p of s.points) doc.circle(p.x, p.y, 2.6).fill(s.color);
    const lx = left + 8 + i * 150;
    doc
      .moveTo(lx, 6)
      .lineTo(lx + 18, 6)
      .lineWidth(2)
      .strokeColor(s.color)
      .stroke();
    doc.fillColor('#333333').text(s.label, lx + 22, 2, { lineBreak: false });
  });
  doc.restore();
}
