import type { Locale } from '@careloop/core/i18n';
import type { Audience, ReportData } from './types';

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/**
 * A safe, predictable file name for a rendered report: `checkup-<date>-<patient id>-<audience>-<locale>.<ext>`
 * (no name of the person in it, so a file list leaks no identity), e.g. `checkup-2024-05-02-p123-person-zh-CN.pdf`.
 */
export function reportFileName(data: ReportData, audience: Audience, locale: Locale, ext: 'html' | 'pdf'): string {
  const date = (data.report.effectiveDateTime ?? data.report.effectivePeriod?.start ?? data.report.issued ?? '').slice(
    0,
    10,
  );
  const who = slug(data.patient.id ?? data.report.id ?? 'report') || 'report';
  const status =
    data.report.status === 'final' || data.report.status === 'amended' || data.report.status === 'corrected'
      ? ''
      : '-preliminary';
  return `checkup-${[date, who].filter(Boolean).join('-')}-${audience}-${locale}${status}.${ext}`;
}
