import PDFDocument from 'pdfkit';
import type { ReportData, ReportOptions } from './types';
import type { FindingView } from './findings';
import { msg } from './messages';
import { buildReportModel, type ReportModel } from './model';
import { drawChartPdf, PDF_CHART_HEIGHT } from './pdf-chart';
import { reportFonts } from './pdf-font';
import { drawTablePdf } from './pdf-table';
import { chartDescription } from './svg-chart';

const MARGINS = { top: 44, bottom: 50, left: 48, right: 48 };
const INK = '#1a1a1a';
const MUTED = '#555555';
const ALERT = '#b00020';

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function heading(doc: PDFKit.PDFDocument, text: string, size = 12): void {
  ensureRoom(doc, size * 4);
  doc.moveDown(0.4).font('bold').fontSize(size).fillColor(INK).text(text);
  const y = doc.y + 1;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(1.2)
    .strokeColor('#0072B2')
    .stroke();
  doc.moveDown(0.4);
}

function header(doc: PDFKit.PDFDocument, m: ReportModel): void {
  doc.font('bold').fontSize(16).fillColor(INK).text(m.title);
  doc.font('body').fontSize(10).fillColor(MUTED).text(m.audienceLabel).moveDown(0.4);
  const rows = [{ label: msg(m.locale, 'person'), value: m.personName }, ...m.header];
  rows.push({ label: msg(m.locale, 'reportStatus'), value: m.statusLabel });
  const half = contentWidth(doc) / 2;
  const x0 = doc.page.margins.left;
  doc.fontSize(10).fillColor(INK);
  for (let i = 0; i < rows.length; i += 2) {
    const y = doc.y;
    rows.slice(i, i + 2).forEach((r, j) => {
      doc.font('bold').text(`${r.label}: `, x0 + j * half, y, { continued: true, width: half - 8 });
      doc.font('body').text(r.value);
    });
    doc.x = x0;
    doc.y = Math.max(doc.y, y + 14);
  }
  doc.moveDown(0.5);
  const text = m.banner
    ? `${m.statusLabel} — ${m.banner}`
    : `${m.statusLabel} — ${msg(m.locale, 'signedBy')}: ${m.signOff.signer ?? ''}; ${msg(m.locale, 'signedAt')}: ${m.signOff.signedAt ?? ''}`;
  const color = m.banner ? ALERT : '#2e7d32';
  const w = contentWidth(doc);
  const h =
    doc
      .font('bold')
      .fontSize(10)
      .heightOfString(text, { width: w - 16 }) + 10;
  const y = doc.y;
  doc.rect(doc.page.margins.left, y, w, h).lineWidth(1.5).strokeColor(color).stroke();
  doc.fillColor(color).text(text, doc.page.margins.left + 8, y + 5, { width: w - 16 });
  doc.x = doc.page.margins.left;
  doc.y = y + h + 4;
}

function narrative(doc: PDFKit.PDFDocument, m: ReportModel): void {
  if (m.narrative.length === 0) return;
  heading(doc, msg(m.locale, m.audience === 'person' ? 'summaryPerson' : 'summary'));
  doc.font('body').fontSize(9.5).fillColor(INK);
  for (const p of m.narrative) doc.text(p).moveDown(0.2);
}

function finding(doc: PDFKit.PDFDocument, f: FindingView, m: ReportModel): void {
  const l = m.locale;
  const person = m.audience === 'person';
  const rejected = f.status === 'rejected';
  ensureRoom(doc, 40);
  const tags = [
    f.urgent ? msg(l, 'urgent') : '',
    f.status === 'added' && !person ? msg(l, 'added') : '',
    rejected ? msg(l, 'rejected') : '',
  ]
    .filter(Boolean)
    .map((t) => `[${t}]`)
    .join(' ');
  doc
    .font('bold')
    .fontSize(10.5)
    .fillColor(rejected ? MUTED : f.urgent ? ALERT : INK);
  doc.text(f.title, { strike: rejected, continued: tags.length > 0 });
  if (tags) doc.font('body').fontSize(9).text(` ${tags}`, { strike: false });
  doc
    .font('body')
    .fontSize(10)
    .fillColor(rejected ? MUTED : INK)
    .text(f.reason, { strike: rejected });
  doc.fontSize(8.5).fillColor(MUTED);
  if (f.statusReason && !person) doc.text(`${msg(l, rejected ? 'rejected' : 'added')}: ${f.statusReason}`);
  if (!person && f.evidence.length > 0) {
    doc.text(
      `${msg(l, 'evidence')}: ${f.evidence.map((e) => [e.display, e.value, e.date].filter(Boolean).join(' ')).join('; ')}`,
    );
  }
  if (f.sources.length > 0) doc.text(`${msg(l, 'source')}: ${f.sources.join('; ')}`);
  doc.moveDown(0.25);
}

function findings(doc: PDFKit.PDFDocument, m: ReportModel): void {
  heading(doc, msg(m.locale, 'findings'));
  if (m.findingGroups.length === 0) doc.font('body').fontSize(10).fillColor(INK).text(msg(m.locale, 'noFindings'));
  for (const g of m.findingGroups) {
    ensureRoom(doc, 60);
    doc.font('bold').fontSize(11).fillColor(INK).text(g.label).moveDown(0.2);
    for (const f of g.findings) finding(doc, f, m);
  }
}

function tables(doc: PDFKit.PDFDocument, m: ReportModel): void {
  const l = m.locale;
  if (m.results.length > 0) {
    heading(doc, msg(l, 'results'));
    drawTablePdf(doc, {
      head: [msg(l, 'item'), msg(l, 'value'), msg(l, 'referenceRange'), msg(l, 'flag')],
      rows: m.results.map((r) => [r.item, r.value, r.range, r.flag]),
      widths: [0.4, 0.22, 0.22, 0.16],
      alert: (r, c) => c >= 1 && (m.results[r]?.abnormal ?? false),
    });
  }
  if (m.scores.length > 0) {
    heading(doc, msg(l, 'scores'));
    const person = m.audience === 'person';
    drawTablePdf(doc, {
      head: [msg(l, 'score'), msg(l, 'value'), msg(l, 'category'), ...(person ? [] : [msg(l, 'source')])],
      rows: m.scores.map((s) => [
        s.name,
        s.value,
        s.interpretation ?? s.category ?? '',
        ...(person ? [] : [s.sources.join('; ')]),
      ]),
      widths: person ? [0.4, 0.2, 0.4] : [0.26, 0.1, 0.26, 0.38],
    });
  }
}

function recommendations(doc: PDFKit.PDFDocument, m: ReportModel): void {
  if (m.recommendations.length === 0) return;
  heading(doc, msg(m.locale, 'recommendations'));
  for (const g of m.recommendations) {
    ensureRoom(doc, 30);
    doc.font('bold').fontSize(10).fillColor(INK).text(`${g.label}: `, { continued: true });
    doc
      .font('body')
      .text(g.items.join(m.locale === 'zh-CN' ? '；' : '; '))
      .moveDown(0.2);
  }
}

function trends(doc: PDFKit.PDFDocument, m: ReportModel): void {
  if (m.trends.length === 0) return;
  doc.addPage();
  heading(doc, msg(m.locale, 'trends'));
  for (const c of m.trends) {
    const caption = chartDescription(c, m.locale);
    const captionHeight = doc
      .font('body')
      .fontSize(8)
      .heightOfString(caption, { width: contentWidth(doc) });
    ensureRoom(doc, PDF_CHART_HEIGHT + captionHeight + 30);
    doc.font('bold').fontSize(10.5).fillColor(INK).text(`${c.title} (${c.unitLabel})`);
    const y = doc.y + 2;
    drawChartPdf(doc, c, m.locale, doc.page.margins.left, y, contentWidth(doc));
    doc.x = doc.page.margins.left;
    doc.y = y + PDF_CHART_HEIGHT + 4;
    doc.font('body').fontSize(8).fillColor(MUTED).text(caption).moveDown(0.6);
  }
}

function pageFurniture(doc: PDFKit.PDFDocument, m: ReportModel): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (m.watermark) {
      const cx = doc.page.width / 2;
      const cy = doc.page.height / 2;
      doc
        .save()
        .rotate(-30, { origin: [cx, cy] })
        .font('bold')
        .fontSize(72)
        .fillColor(ALERT)
        .fillOpacity(0.12);
      doc.text(m.watermark, 0, cy - 40, { width: doc.page.width, align: 'center', lineBreak: false });
      doc.restore();
    }
    const footer = `${m.title} · ${m.personName} · ${msg(m.locale, 'page', { n: i - start + 1, total: count })}`;
    doc.font('body').fontSize(8).fillColor(MUTED).fillOpacity(1);
    doc.text(footer, doc.page.margins.left, doc.page.height - 32, {
      width: contentWidth(doc),
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/** The report as an A4 PDF: the same content as the HTML, CJK text in the embedded font, vector charts, page numbers. */
export async function renderReportPdf(data: ReportData, options: ReportOptions): Promise<Buffer> {
  const m = buildReportModel(data, options);
  const fonts = reportFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    lang: m.locale,
    displayTitle: true,
    info: { Title: `${m.title} — ${m.personName} — ${m.audienceLabel}`, Creator: 'CareLoop' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.font('body');
  header(doc, m);
  narrative(doc, m);
  findings(doc, m);
  tables(doc, m);
  recommendations(doc, m);
  const footer = m.banner
    ? msg(m.locale, 'notSigned')
    : `${msg(m.locale, 'signedBy')}: ${m.signOff.signer ?? ''} (${m.signOff.signedAt ?? ''})`;
  const engine = m.signOff.engine ? ` · ${msg(m.locale, 'engine')}: ${m.signOff.engine}` : '';
  doc.moveDown(0.8).font('body').fontSize(8.5).fillColor(MUTED);
  doc.text(`${footer} · ${msg(m.locale, 'reportId')}: ${m.reportId}${engine}`);
  trends(doc, m);
  pageFurniture(doc, m);
  doc.end();
  return done;
}
