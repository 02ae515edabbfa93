import type { ScoreFromRecordResult } from '../../clinical/scores/from-record/types';
import type { ResultInterpretation } from '../../clinical/ranges/evaluate';
import type { Locale } from '../../i18n';
import type { Finding, FindingRecommendation } from './types';
import { citationText } from './vocabulary';

/** Escapes text for XHTML. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A narrative div in one language, as FHIR requires (XHTML namespace). */
export function div(locale: Locale, body: string): string {
  return `<div xmlns="http://www.w3.org/1999/xhtml" lang="${locale}" xml:lang="${locale}">${body}</div>`;
}

const T = {
  findings: { 'zh-CN': '发现', en: 'Findings' },
  none: { 'zh-CN': '未发现异常。', en: 'No abnormal findings.' },
  scores: { 'zh-CN': '风险评分', en: 'Risk scores' },
  abnormal: { 'zh-CN': '异常结果', en: 'Abnormal results' },
  rule: { 'zh-CN': '规则', en: 'Rule' },
  sources: { 'zh-CN': '依据', en: 'Sources' },
  evidence: { 'zh-CN': '证据', en: 'Evidence' },
  urgent: { 'zh-CN': '【危急】', en: '[URGENT] ' },
  todo: { 'zh-CN': '您需要做的事', en: 'What to do next' },
  intro: {
    'zh-CN': '以下是您本次体检结果的解读，正式报告需经医生审核签字后生效。',
    en: 'This explains your checkup results; it becomes your report once a doctor has reviewed and signed it.',
  },
  allWell: {
    'zh-CN': '本次体检结果均在正常范围内，请保持健康的生活方式，一年后再次体检。',
    en: 'All your results are in the normal range. Keep up a healthy lifestyle and come back in a year.',
  },
  within: {
    'zh-CN': (d: number) => (d === 0 ? '（今天）' : `（${String(d)} 天内）`),
    en: (d: number) => (d === 0 ? ' (today)' : ` (within ${String(d)} days)`),
  },
} as const;

function within(r: FindingRecommendation, locale: Locale): string {
  return r.withinDays === undefined ? '' : T.within[locale](r.withinDays);
}

function findingBlock(f: Finding, locale: Locale): string {
  const sources = f.rule.source.map((s) => `<li>${esc(citationText(s))}</li>`).join('');
  const evidence = f.evidence.map((e) => `<li>${esc(e.reference)}: ${esc(e.display)}</li>`).join('');
  return (
    `<li><b>${f.urgent ? esc(T.urgent[locale]) : ''}${esc(f.title[locale])}</b> (${f.severity}): ${esc(f.reason[locale])}` +
    `<br/>${T.rule[locale]}: ${esc(f.rule.id)} v${esc(f.rule.version)}` +
    `<ul>${evidence}</ul>${T.sources[locale]}:<ul>${sources}</ul>` +
    `<ul>${f.recommendations.map((r) => `<li>${esc(r.text[locale])}${esc(within(r, locale))}</li>`).join('')}</ul></li>`
  );
}

/** The physician's version: findings with evidence, rule and sources; scores; abnormal results. */
export function physicianNarrative(
  locale: Locale,
  findings: readonly Finding[],
  scores: readonly ScoreFromRecordResult[],
  results: readonly ResultInterpretation[],
): string {
  const list =
    findings.length > 0
      ? `<ol>${findings.map((f) => findingBlock(f, locale)).join('')}</ol>`
      : `<p>${T.none[locale]}</p>`;
  const scoreItems = scores.flatMap((s) => {
    const r = s.result;
    if (!r?.applicable) return [];
    const what = r.interpretation ? ` — ${r.interpretation[locale]}` : '';
    return [`<li>${esc(r.score)}: ${esc(String(r.value))} ${esc(r.unit)}${esc(what)}</li>`];
  });
  const abnormal = results
    .filter((r) => r.flag !== 'normal' && r.flag !== 'negative' && r.flag !== 'unknown')
    .map((r) => `<li>${esc(r.reference)} LOINC ${esc(r.loinc)}: ${esc(r.display)} (${r.flag})</li>`);
  return div(
    locale,
    `<h3>${T.findings[locale]}</h3>${list}<h3>${T.scores[locale]}</h3><ul>${scoreItems.join('')}</ul>` +
      (abnormal.length > 0 ? `<h3>${T.abnormal[locale]}</h3><ul>${abnormal.join('')}</ul>` : ''),
  );
}

/** The person's version: plain titles and what to do, urgent first; no codes, no citations. */
export function personNarrative(locale: Locale, findings: readonly Finding[]): string {
  if (findings.length === 0) return div(locale, `<p>${esc(T.intro[locale])}</p><p>${esc(T.allWell[locale])}</p>`);
  const ordered = [...findings].sort((a, b) => Number(b.urgent) - Number(a.urgent));
  const items = ordered.map(
    (f) =>
      `<li><b>${f.urgent ? esc(T.urgent[locale]) : ''}${esc(f.title[locale])}</b>: ${esc(f.reason[locale])}<ul>` +
      f.recommendations.map((r) => `<li>${esc(r.text[locale])}${esc(within(r, locale))}</li>`).join('') +
      '</ul></li>',
  );
  return div(locale, `<p>${esc(T.intro[locale])}</p><h3>${T.todo[locale]}</h3><ol>${items.join('')}</ol>`);
}
