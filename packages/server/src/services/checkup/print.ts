import type { Observation, Patient, Provenance } from '@medplum/fhirtypes';
import { badRequest, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { Locale } from '@careloop/core';
import { renderReportHtml, renderReportPdf, reportFileName, type Audience, type ReportData } from '../../reports/index';
import type { RequestContext } from '../context';
import type { CheckupDeps, SignOffService } from './sign-off';
import { audited } from '../audit/audited';

export interface PrintOptions {
  readonly audience: Audience;
  readonly locale: Locale;
  readonly format: 'html' | 'pdf';
}

export interface PrintedReport {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: string | Buffer;
}

/** Reads print options from query values, or throws a 400 naming the bad one. */
export function printOptions(q: Readonly<Record<string, unknown>>): PrintOptions {
  const audience = q.audience ?? 'physician';
  const locale = q.locale ?? 'zh-CN';
  const format = q.format ?? 'html';
  if (audience !== 'physician' && audience !== 'person')
    throw new OperationOutcomeError(badRequest('audience must be physician or person', 'audience'));
  if (locale !== 'zh-CN' && locale !== 'en')
    throw new OperationOutcomeError(badRequest('locale must be zh-CN or en', 'locale'));
  if (format !== 'html' && format !== 'pdf')
    throw new OperationOutcomeError(badRequest('format must be html or pdf', 'format'));
  return { audience, locale, format };
}

/**
 * A checkup report printed for the physician or the person, as HTML or PDF. The person's version goes through the
 * release rule (final and signed only, rejected findings left out); the physician's shows the review too.
 */
export async function printReport(
  ctx: RequestContext,
  deps: CheckupDeps,
  signOff: SignOffService,
  reportId: string,
  options: PrintOptions,
): Promise<PrintedReport> {
  if (!deps.audit) return print(ctx, deps, signOff, reportId, options);
  const asked = { entities: [`DiagnosticReport/${reportId}`], detail: `print ${options.audience} ${options.format}` };
  return audited(
    deps.audit,
    ctx,
    'print',
    asked,
    () => print(ctx, deps, signOff, reportId, options),
    () => asked,
  );
}

/** Renders after the access check made by the report view it starts from. */
async function print(
  ctx: RequestContext,
  deps: CheckupDeps,
  signOff: SignOffService,
  reportId: string,
  options: PrintOptions,
): Promise<PrintedReport> {
  const view =
    options.audience === 'person'
      ? await signOff.releasedReportFor(ctx, reportId)
      : await signOff.reportView(ctx, reportId);
  const subject = view.report.subject?.reference ?? '';
  const patientId = subject.split('/')[1] ?? '';
  const patient = await deps.repo.read<Patient>('Patient', patientId);
  const observations = await deps.repo.searchResources<Observation>('Observation', {
    subject: `Patient/${patientId}`,
    _count: '1000',
    _sort: 'date',
  });
  const provenance = await deps.repo.searchResources<Provenance>('Provenance', {
    target: `DiagnosticReport/${reportId}`,
    _count: '100',
  });
  const data: ReportData = {
    report: view.report,
    patient,
    findings: view.findings,
    riskAssessments: view.risks,
    ...(view.composition ? { composition: view.composition } : {}),
    provenance,
    observations,
  };
  const fileName = reportFileName(data, options.audience, options.locale, options.format);
  if (options.format === 'pdf') {
    return { fileName, contentType: 'application/pdf', body: await renderReportPdf(data, options) };
  }
  return { fileName, contentType: 'text/html; charset=utf-8', body: renderReportHtml(data, options) };
}
