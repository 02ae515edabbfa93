import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { renderReportPdf } from './pdf';
import { HTN, IFG, LDL_REJECTED, reportData, type FindingSpec } from './test-fixtures';
import type { ReportData, ReportOptions } from './types';

async function pdfText(data: ReportData, options: ReportOptions): Promise<{ pages: string[]; bytes: Buffer }> {
  const bytes = await renderReportPdf(data, options);
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(doc, { mergePages: false });
  return { pages: text, bytes };
}

const MANY: FindingSpec[] = Array.from({ length: 40 }, (_, i) => ({
  ...IFG,
  id: `finding-${i}`,
  title: [`发现${i}号`, `Finding number ${i}`],
}));

describe('renderReportPdf', () => {
  it('a short report (no earlier checkups, two findings) is one A4 page with the Chinese text', async () => {
    const { pages, bytes } = await pdfText(reportData({ history: false, findings: [HTN, IFG] }), {
      locale: 'zh-CN',
      audience: 'person',
    });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(pages).toHaveLength(1);
    const text = pages[0] ?? '';
    for (const s of ['健康体检报告', '王秀英', '1级高血压', '空腹血糖受损', '初步', '第 1 页，共 1 页'])
      expect(text).toContain(s);
  });

  it('a short report in English, signed: signer shown, no PRELIMINARY', async () => {
    const { pages } = await pdfText(reportData({ history: false, findings: [HTN, IFG], final: true }), {
      locale: 'en',
      audience: 'physician',
    });
    expect(pages).toHaveLength(1);
    const text = pages.join('\n');
    for (const s of ['Health checkup report', 'Xiuying Wang', 'Grade 1 hypertension', 'Dr Li Ming', 'Page 1 of 1']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('PRELIMINARY');
  });

  it('a long report flows over several pages, numbered "n of N", charts on their own pages', async () => {
    const { pages } = await pdfText(reportData({ findings: [HTN, ...MANY, LDL_REJECTED] }), {
      locale: 'en',
      audience: 'physician',
    });
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p).toContain('PRELIMINARY');
    });
    const trendsPage = pages.findIndex((p) => p.includes('Trends over past checkups'));
    expect(trendsPage).toBeGreaterThan(0);
    expect(pages[trendsPage]).not.toContain('Finding number');
    // every finding made it into the document, the last one too
    expect(pages.join('\n')).toContain('Finding number 39');
    expect(pages.join('\n')).toContain(LDL_REJECTED.title[1]);
  });

  it('leaves rejected findings out of the person’s PDF', async () => {
    const { pages } = await pdfText(reportData(), { locale: 'zh-CN', audience: 'person' });
    const text = pages.join('\n');
    expect(text).toContain('空腹血糖受损');
    expect(text).not.toContain(LDL_REJECTED.title[0]);
    expect(text).not.toContain(LDL_REJECTED.reason[0]);
  });

  it('draws the trend charts with their axis labels and text alternative', async () => {
    const { pages } = await pdfText(reportData(), { locale: 'zh-CN', audience: 'physician' });
    const text = pages.join('\n');
    for (const s of ['历次检查趋势', '血压 (mmHg)', '收缩压', '舒张压', '2022-05-10', '低密度脂蛋白胆固醇'])
      expect(text).toContain(s);
  });
});
