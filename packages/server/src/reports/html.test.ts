import { describe, expect, it } from 'vitest';
import type { Locale } from '@careloop/core/i18n';
import { renderReportHtml } from './html';
import { ADDED, HTN, IFG, LDL_REJECTED, PATIENT, reportData } from './test-fixtures';
import type { Audience } from './types';

const L = (locale: Locale) => (locale === 'zh-CN' ? 0 : 1);
const NAME: Readonly<Record<Locale, string>> = { 'zh-CN': '王秀英', en: 'Xiuying Wang' };
const BANNER: Readonly<Record<Locale, string>> = { 'zh-CN': '初步', en: 'PRELIMINARY' };
const CASES: readonly { locale: Locale; audience: Audience }[] = [
  { locale: 'zh-CN', audience: 'physician' },
  { locale: 'zh-CN', audience: 'person' },
  { locale: 'en', audience: 'physician' },
  { locale: 'en', audience: 'person' },
];

function between(html: string, start: string, end: string): string {
  const i = html.indexOf(start);
  return i < 0 ? '' : html.slice(i, html.indexOf(end, i));
}

describe('renderReportHtml', () => {
  it.each(CASES)(
    '$audience / $locale: a complete document with the person, findings and reasons',
    ({ locale, audience }) => {
      const html = renderReportHtml(reportData(), { locale, audience });
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).toContain(NAME[locale]);
      for (const f of [HTN, IFG, ADDED]) expect(html).toContain(f.title[L(locale)]);
      // each finding's one-line reason, in the reader's language
      for (const f of [HTN, IFG, ADDED]) expect(html).toContain(f.reason[L(locale)]);
      // recommendations with their deadline
      expect(html).toContain(
        locale === 'zh-CN' ? '复查空腹血糖（90 天内）' : 'Repeat fasting glucose (within 90 days)',
      );
      // sources are printed beside each finding
      expect(html).toContain('Guideline for glucose-ifg, 2020');
      // severity groups, most severe first
      expect(html.indexOf(HTN.title[L(locale)])).toBeLessThan(html.indexOf(IFG.title[L(locale)]));
    },
  );

  it.each(CASES)('$audience / $locale: PRELIMINARY banner and watermark until signed', ({ locale, audience }) => {
    const html = renderReportHtml(reportData(), { locale, audience });
    expect(between(html, '<p class="banner"', '</p>')).toContain(BANNER[locale]);
    expect(between(html, '<div class="watermark"', '</div>')).toContain(BANNER[locale]);
    expect(html).not.toContain('李明 Dr Li Ming');
  });

  it.each(CASES)('$audience / $locale: signer and time once final, no banner', ({ locale, audience }) => {
    const html = renderReportHtml(reportData({ final: true }), { locale, audience });
    expect(html).not.toContain('class="banner"');
    expect(html).not.toContain('class="watermark"');
    const status = between(html, '<p class="status-final"', '</p>');
    expect(status).toContain('李明 Dr Li Ming');
    expect(status).toContain('2024-05-03 10:30 +08:00');
  });

  it.each(['zh-CN', 'en'] as const)('%s: a rejected finding never reaches the person', (locale) => {
    const html = renderReportHtml(reportData(), { locale, audience: 'person' });
    for (const text of [...LDL_REJECTED.title, ...LDL_REJECTED.reason]) expect(html).not.toContain(text);
    expect(html).not.toContain(LDL_REJECTED.statusReason);
    expect(html).not.toContain('ldl-above-target');
    // the plain-language introduction is kept; the narrative's list of findings (written before the review,
    // the rejected one included) is not repeated: findings print from the DetectedIssues
    const intro = between(html, '<section class="narrative"', '</section>');
    expect(intro).toContain(locale === 'zh-CN' ? '以下是您本次体检结果的解读' : 'This explains your checkup results');
    expect(intro).not.toContain(IFG.title[L(locale)]);
    expect(intro).not.toContain(locale === 'zh-CN' ? '您需要做的事' : 'What to do next');
  });

  it.each(['zh-CN', 'en'] as const)(
    '%s: the physician sees the rejected finding struck through, with the reason',
    (locale) => {
      const html = renderReportHtml(reportData(), { locale, audience: 'physician' });
      const item = between(html, 'data-finding="ldl-above-target"', '</li>');
      expect(between(item, '<del>', '</del>')).toContain(LDL_REJECTED.title[L(locale)]);
      expect(item).toContain(LDL_REJECTED.statusReason);
      // the accepted ones are not struck through
      expect(between(html, 'data-finding="glucose-ifg"', '</li>')).not.toContain('<del>');
    },
  );

  it('draws one accessible SVG chart per repeated measure, one point per measurement', () => {
    const html = renderReportHtml(reportData(), { locale: 'en', audience: 'person' });
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    // BP, fasting glucose, HbA1c and cholesterol each have two or more checkups in the fixture
    expect(svgs).toHaveLength(4);
    for (const svg of svgs) {
      expect(svg).toContain('role="img"');
      expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
      expect(svg).toMatch(/<desc id="[^"]+">[^<]+<\/desc>/);
      expect(svg).toContain('class="band"');
    }
    const points = (key: string) => (html.match(new RegExp(`class="point" data-series="${key}"`, 'g')) ?? []).length;
    // case table: series → measurements in the fixture (2022, 2023, 2024 checkups)
    const expected: readonly [string, number][] = [
      ['systolic', 3],
      ['diastolic', 3],
      ['fasting-glucose', 3],
      ['hba1c', 2],
      ['total-cholesterol', 2],
      ['ldl', 3],
    ];
    for (const [key, n] of expected) expect(points(key), key).toBe(n);
  });

  it('puts each value with its date in the text alternative, converting mg/dL to mmol/L', () => {
    const html = renderReportHtml(reportData(), { locale: 'en', audience: 'physician' });
    const desc = between(html, 'id="chart-cholesterol-desc"', '</desc>');
    // LDL-C 140 mg/dL × 0.02586 (NCEP ATP III conversion factor) = 3.62 mmol/L
    expect(desc).toContain('2024-05-02 3.62');
    // total cholesterol 230 mg/dL × 0.02586 = 5.95 mmol/L
    expect(desc).toContain('2024-05-02 5.95');
  });

  it('has no external resources and escapes stored text', () => {
    const data = reportData();
    const html = renderReportHtml(
      { ...data, patient: { ...PATIENT, name: [{ text: '<script>alert(1)</script>' }] } },
      { locale: 'en', audience: 'physician' },
    );
    expect(html).not.toMatch(/\s(src|href)=/);
    expect(html).not.toMatch(/url\(|@import/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('uses tables with captions and header scopes, and a page break before the charts', () => {
    const html = renderReportHtml(reportData(), { locale: 'zh-CN', audience: 'physician' });
    expect(html).toContain('<caption>本次检查结果</caption>');
    expect(html).toContain('<th scope="col">参考范围</th>');
    expect(html).toContain('<th scope="row">');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('section.trends { break-before: page; }');
  });

  it('prints the scores with their category in the reader’s language', () => {
    expect(renderReportHtml(reportData(), { locale: 'zh-CN', audience: 'person' })).toContain(
      '超重（24.0 ≤ BMI &lt;28.0）',
    );
    expect(renderReportHtml(reportData(), { locale: 'en', audience: 'person' })).toContain(
      'Overweight (24.0 ≤ BMI &lt;28.0)',
    );
  });

  it('omits the trends section when there is no earlier checkup', () => {
    const html = renderReportHtml(reportData({ history: false }), { locale: 'en', audience: 'person' });
    expect(html).not.toContain('<svg');
  });
});
