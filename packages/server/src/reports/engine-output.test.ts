import { describe, expect, it } from 'vitest';
import type { Encounter, Observation } from '@medplum/fhirtypes';
import { interpretCheckup } from '@careloop/core/engines/checkup/index';
import { extractText, getDocumentProxy } from 'unpdf';
import { esc } from './html-escape';
import { renderReportHtml } from './html';
import { renderReportPdf } from './pdf';
import { checkupHistory, PATIENT } from './test-fixtures';
import type { ReportData } from './types';

/** The renderers on the checkup engine's real output (not a hand-built copy of its shape). */
function engineReport(): {
  data: ReportData;
  titles: { 'zh-CN': string; en: string }[];
  reasons: { 'zh-CN': string; en: string }[];
} {
  const { current, past } = checkupHistory();
  const encounter: Encounter = {
    resourceType: 'Encounter',
    id: 'enc-2024',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    subject: { reference: `Patient/${PATIENT.id ?? ''}` },
    period: { start: '2024-05-02T08:00:00+08:00' },
  };
  const observations: Observation[] = current.map((o) => ({ ...o, encounter: { reference: 'Encounter/enc-2024' } }));
  const out = interpretCheckup({
    patient: PATIENT,
    encounter,
    observations,
    history: past,
    asOf: '2024-05-02T12:00:00+08:00',
    locale: 'zh-CN',
  });
  const r = out.resources;
  return {
    data: {
      report: r.report,
      patient: PATIENT,
      findings: r.detectedIssues,
      riskAssessments: r.riskAssessments,
      composition: r.composition,
      provenance: r.provenance,
      observations: [...past, ...observations],
    },
    titles: out.findings.map((f) => f.title),
    reasons: out.findings.map((f) => f.reason),
  };
}

describe('reports on the engine’s output', () => {
  const { data, titles, reasons } = engineReport();

  it('finds something to report in the fixture (raised glucose, BP and LDL)', () => {
    expect(titles.length).toBeGreaterThan(0);
  });

  it.each(['zh-CN', 'en'] as const)('%s HTML prints every finding with its reason, preliminary', (locale) => {
    for (const audience of ['physician', 'person'] as const) {
      const html = renderReportHtml(data, { locale, audience });
      for (const t of titles) expect(html).toContain(esc(t[locale]));
      for (const r of reasons) expect(html).toContain(esc(r[locale]));
      expect(html).toContain('class="banner"');
      expect(html).toContain('CareLoop checkup engine');
    }
  });

  it('PDF opens and carries the Chinese titles', async () => {
    const bytes = await renderReportPdf(data, { locale: 'zh-CN', audience: 'person' });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    const flat = text.replace(/\s+/g, '');
    for (const t of titles) expect(flat).toContain(t['zh-CN'].replace(/\s+/g, ''));
  });
});
