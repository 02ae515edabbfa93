import type { ReportData, ReportOptions } from './types';
import type { FindingView } from './findings';
import { esc } from './html-escape';
import { REPORT_CSS } from './html-style';
import { msg } from './messages';
import { buildReportModel, type ReportModel } from './model';
import { chartDescription, renderChartSvg } from './svg-chart';

function header(m: ReportModel): string {
  const rows = [{ label: msg(m.locale, 'person'), value: m.personName }, ...m.header]
    .map((r) => `<dt>${esc(r.label)}</dt><dd>${esc(r.value)}</dd>`)
    .join('');
  const status = m.banner
    ? `<p class="banner" role="note"><strong>${esc(m.statusLabel)}</strong> — ${esc(m.banner)}</p>`
    : `<p class="status-final" role="note"><strong>${esc(m.statusLabel)}</strong> — ${esc(msg(m.locale, 'signedBy'))}: <span class="signer">${esc(m.signOff.signer ?? '')}</span>; ${esc(msg(m.locale, 'signedAt'))}: <time>${esc(m.signOff.signedAt ?? '')}</time></p>`;
  return `<header><h1>${esc(m.title)}</h1><p class="audience">${esc(m.audienceLabel)}</p><dl class="person">${rows}<dt>${esc(msg(m.locale, 'reportStatus'))}</dt><dd>${esc(m.statusLabel)}</dd></dl>${status}</header>`;
}

function narrative(m: ReportModel): string {
  if (m.narrative.length === 0) return '';
  const blocks = m.narrative.map((p) => `<p>${esc(p)}</p>`).join('');
  const heading = msg(m.locale, m.audience === 'person' ? 'summaryPerson' : 'summary');
  return `<section class="narrative" aria-labelledby="sec-summary"><h2 id="sec-summary">${esc(heading)}</h2>${blocks}</section>`;
}

function findingItem(f: FindingView, m: ReportModel): string {
  const l = m.locale;
  const person = m.audience === 'person';
  const tags = [
    f.urgent ? `<span class="tag tag-urgent">${esc(msg(l, 'urgent'))}</span>` : '',
    f.status === 'added' && !person ? `<span class="tag tag-added">${esc(msg(l, 'added'))}</span>` : '',
    f.status === 'rejected' ? `<span class="tag">${esc(msg(l, 'rejected'))}</span>` : '',
  ].join('');
  const reason = `<p class="finding-reason">${esc(f.reason)}</p>`;
  const title = `<span class="finding-title">${esc(f.title)}</span>`;
  const body = f.status === 'rejected' ? `<del>${title}${reason}</del>` : `${title}${reason}`;
  const statusReason =
    f.statusReason && !person
      ? `<p class="rejected-reason">${esc(msg(l, f.status === 'rejected' ? 'rejected' : 'added'))}: ${esc(f.statusReason)}</p>`
      : '';
  const evidence =
    !person && f.evidence.length > 0
      ? `<p class="finding-evidence">${esc(msg(l, 'evidence'))}: ${esc(f.evidence.map((e) => [e.display, e.value, e.date].filter(Boolean).join(' ')).join('; '))}</p>`
      : '';
  const source =
    f.sources.length > 0 ? `<p class="finding-source">${esc(msg(l, 'source'))}: ${esc(f.sources.join('; '))}</p>` : '';
  return `<li class="severity-${f.severity}${f.status === 'rejected' ? ' rejected' : ''}" data-finding="${esc(f.id)}">${body}${tags}${statusReason}${evidence}${source}</li>`;
}

function findings(m: ReportModel): string {
  const groups = m.findingGroups
    .map(
      (g) => `<h3>${esc(g.label)}</h3><ul class="findings">${g.findings.map((f) => findingItem(f, m)).join('')}</ul>`,
    )
    .join('');
  const body = groups || `<p>${esc(msg(m.locale, 'noFindings'))}</p>`;
  return `<section aria-labelledby="sec-findings"><h2 id="sec-findings">${esc(msg(m.locale, 'findings'))}</h2>${body}</section>`;
}

function table(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly string[])[],
  cls: (r: number, c: number) => string = () => '',
): string {
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map(
      (r, i) =>
        `<tr>${r.map((cell, c) => (c === 0 ? `<th scope="row">${esc(cell)}</th>` : `<td${cls(i, c) ? ` class="${cls(i, c)}"` : ''}>${esc(cell)}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<table><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function results(m: ReportModel): string {
  if (m.results.length === 0) return '';
  const l = m.locale;
  const rows = m.results.map((r) => [r.item, r.value, r.range, r.flag]);
  const head = [msg(l, 'item'), msg(l, 'value'), msg(l, 'referenceRange'), msg(l, 'flag')];
  const cls = (i: number, c: number) => (c >= 1 && m.results[i]?.abnormal ? 'abnormal' : '');
  return `<section aria-labelledby="sec-results"><h2 id="sec-results">${esc(msg(l, 'results'))}</h2>${table(msg(l, 'results'), head, rows, cls)}</section>`;
}

function scores(m: ReportModel): string {
  if (m.scores.length === 0) return '';
  const l = m.locale;
  const person = m.audience === 'person';
  const head = [msg(l, 'score'), msg(l, 'value'), msg(l, 'category'), ...(person ? [] : [msg(l, 'source')])];
  const rows = m.scores.map((s) => [
    s.name,
    s.value,
    s.interpretation ?? s.category ?? '',
    ...(person ? [] : [s.sources.join('; ')]),
  ]);
  return `<section aria-labelledby="sec-scores"><h2 id="sec-scores">${esc(msg(l, 'scores'))}</h2>${table(msg(l, 'scores'), head, rows)}</section>`;
}

function recommendations(m: ReportModel): string {
  if (m.recommendations.length === 0) return '';
  const groups = m.recommendations
    .map((g) => `<h3>${esc(g.label)}</h3><ul>${g.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`)
    .join('');
  return `<section aria-labelledby="sec-recs"><h2 id="sec-recs">${esc(msg(m.locale, 'recommendations'))}</h2>${groups}</section>`;
}

function trends(m: ReportModel): string {
  if (m.trends.length === 0) return '';
  const figures = m.trends
    .map(
      (c) =>
        `<figure class="trend" data-chart="${esc(c.id)}">${renderChartSvg(c, m.locale)}<figcaption>${esc(chartDescription(c, m.locale))}</figcaption></figure>`,
    )
    .join('');
  return `<section class="trends" aria-labelledby="sec-trends"><h2 id="sec-trends">${esc(msg(m.locale, 'trends'))}</h2>${figures}</section>`;
}

function footer(m: ReportModel): string {
  const l = m.locale;
  const engine = m.signOff.engine ? ` · ${esc(msg(l, 'engine'))}: ${esc(m.signOff.engine)}` : '';
  const sign = m.banner
    ? esc(msg(l, 'notSigned'))
    : `${esc(msg(l, 'signedBy'))}: ${esc(m.signOff.signer ?? '')} (${esc(m.signOff.signedAt ?? '')})`;
  return `<footer><p>${sign}</p><p>${esc(msg(l, 'reportId'))}: ${esc(m.reportId)}${engine}</p></footer>`;
}

/**
 * The report as one printable, self-contained HTML document (inline CSS and SVG, no external resources), for the
 * physician or the person, in zh-CN or en.
 */
export function renderReportHtml(data: ReportData, options: ReportOptions): string {
  const m = buildReportModel(data, options);
  const watermark = m.watermark ? `<div class="watermark" aria-hidden="true">${esc(m.watermark)}</div>` : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${m.locale}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(`${m.title} — ${m.personName} — ${m.audienceLabel}`)}</title><style>${REPORT_CSS}</style></head>`,
    `<body>${watermark}<main>`,
    header(m),
    narrative(m),
    findings(m),
    results(m),
    scores(m),
    recommendations(m),
    trends(m),
    footer(m),
    '</main></body></html>',
  ].join('\n');
}
