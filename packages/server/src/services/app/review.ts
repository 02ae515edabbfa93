import type { Composition, DiagnosticReport, Observation, Patient } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import type { FindingGroup, ReportReview } from '@careloop/core/app-api/types';
import { renderReportHtml } from '../../reports/index';
import type { FhirService } from '../fhir-service';
import type { RequestContext } from '../context';
import { requireClinician } from '../checkup/authorize';
import { memberKeys } from '../checkup/report-set';
import { loadCheckupRecords, type CheckupRecord } from './checkup-records';
import { resourceIndex } from './evidence';
import { patientBrief, SEVERITY_ORDER, unknownPatient } from './format';
import { byIds, searchAll } from './search';
import { idOf } from '../references';
import { reportConclusion } from './summary';

interface LoadedReport {
  readonly record: CheckupRecord;
  readonly patient: Patient | undefined;
  readonly observations: Observation[];
}

async function load(fhir: FhirService, ctx: RequestContext, reportId: string): Promise<LoadedReport> {
  const report = (await fhir.read(ctx, 'DiagnosticReport', reportId)) as DiagnosticReport;
  const [record] = await loadCheckupRecords(fhir, ctx, [report], { provenance: true, risks: true });
  const patientId = idOf(report.subject?.reference, 'Patient');
  const patient = patientId ? ((await fhir.read(ctx, 'Patient', patientId)) as Patient) : undefined;
  const observations = patientId
    ? await searchAll<Observation>(fhir, ctx, 'Observation', { patient: `Patient/${patientId}` })
    : [];
  return { record: record ?? { report, findings: [], risks: [], provenances: [] }, patient, observations };
}

/**
 * What the review screen of a checkup report shows: every finding (rejected ones too, with the reason) grouped by
 * severity, each with its evidence chain; the risks; the sign-off; links to the printable and person versions.
 */
export async function reportReview(
  fhir: FhirService,
  ctx: RequestContext,
  today: string,
  reportId: string,
  locale: Locale,
): Promise<ReportReview> {
  const { record, patient, observations } = await load(fhir, ctx, reportId);
  const resources = resourceIndex([...(patient ? [patient] : []), ...observations]);
  const conclusion = reportConclusion(record, resources, locale, true);
  const findingGroups: FindingGroup[] = SEVERITY_ORDER.map((severity) => ({
    severity,
    findings: conclusion.findings.filter((f) => f.severity === severity),
  })).filter((g) => g.findings.length > 0);
  const patientId = idOf(record.report.subject?.reference, 'Patient') ?? '';
  const base = `/api/reports/${encodeURIComponent(reportId)}`;
  return {
    report: conclusion,
    patient: patient ? patientBrief(patient, locale, today) : unknownPatient(patientId),
    findingGroups,
    canSign: ctx.user?.role === 'clinician' && !['cancelled', 'entered-in-error'].includes(record.report.status),
    links: {
      physicianHtml: `${base}/print?audience=physician&format=html&locale=${locale}`,
      physicianPdf: `${base}/print?audience=physician&format=pdf&locale=${locale}`,
      personPreview: `${base}/review/person-preview?locale=${locale}`,
      personHtml: `${base}/print?audience=person&format=html&locale=${locale}`,
    },
  };
}

/**
 * The plain-language person version as it will be released, rendered now for the reviewing clinician (watermarked
 * PRELIMINARY until signed; rejected findings left out, as in the released one). Clinicians only: the person
 * sees it only after sign-off, through /print?audience=person.
 */
export async function personPreviewHtml(
  fhir: FhirService,
  ctx: RequestContext,
  reportId: string,
  locale: Locale,
): Promise<string> {
  requireClinician(ctx, 'preview the person version of a report');
  const { record, patient, observations } = await load(fhir, ctx, reportId);
  const keys = new Set<string>();
  for (const p of record.provenances) memberKeys(p.target, keys);
  memberKeys(record.report, keys);
  const compositionIds = [...keys]
    .filter((k) => k.startsWith('Composition/'))
    .map((k) => k.slice('Composition/'.length));
  const composition = [...(await byIds<Composition>(fhir, ctx, 'Composition', compositionIds)).values()][0];
  return renderReportHtml(
    {
      report: record.report,
      patient: patient ?? { resourceType: 'Patient' },
      findings: record.findings,
      riskAssessments: record.risks,
      ...(composition ? { composition } : {}),
      provenance: record.provenances,
      observations,
    },
    { audience: 'person', locale },
  );
}
