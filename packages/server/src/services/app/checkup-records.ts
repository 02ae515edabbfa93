import type { DetectedIssue, DiagnosticReport, Provenance, RiskAssessment } from '@medplum/fhirtypes';
import { REPORT_SYSTEM } from '@careloop/core/engines/checkup/index';
import type { FhirService } from '../fhir-service';
import type { RequestContext } from '../context';
import { memberKeys } from '../checkup/report-set';
import { byIds, searchAll } from './search';

/** The token of the checkup engine's reports (DiagnosticReport.code). */
export const CHECKUP_REPORT_CODE = `${REPORT_SYSTEM}|checkup-interpretation`;

/** A checkup report with its findings, risks and the Provenances that target it (engine and sign-offs). */
export interface CheckupRecord {
  readonly report: DiagnosticReport;
  readonly findings: readonly DetectedIssue[];
  readonly risks: readonly RiskAssessment[];
  /** Oldest first. */
  readonly provenances: readonly Provenance[];
}

/** CareLoop checkup reports matching extra search parameters (status, patient…). */
export function checkupReports(
  fhir: FhirService,
  ctx: RequestContext,
  params: Readonly<Record<string, string>>,
): Promise<DiagnosticReport[]> {
  return searchAll<DiagnosticReport>(fhir, ctx, 'DiagnosticReport', { code: CHECKUP_REPORT_CODE, ...params });
}

function idsOfType(report: DiagnosticReport, type: string): string[] {
  return [...memberKeys(report)].filter((k) => k.startsWith(`${type}/`)).map((k) => k.slice(type.length + 1));
}

async function provenancesFor(
  fhir: FhirService,
  ctx: RequestContext,
  reports: readonly DiagnosticReport[],
): Promise<Map<string, Provenance[]>> {
  const out = new Map<string, Provenance[]>();
  const refs = reports.map((r) => `DiagnosticReport/${r.id ?? ''}`);
  for (let i = 0; i < refs.length; i += 50) {
    const chunk = refs.slice(i, i + 50);
    for (const p of await searchAll<Provenance>(fhir, ctx, 'Provenance', { target: chunk.join(',') })) {
      // Sign-offs target the exact versions they signed (`DiagnosticReport/x/_history/3`).
      const targets = new Set(p.target.flatMap((t) => t.reference?.split('/_history/')[0] ?? []));
      for (const ref of targets) if (chunk.includes(ref)) out.set(ref, [...(out.get(ref) ?? []), p]);
    }
  }
  for (const list of out.values())
    list.sort((a, b) => (a.recorded < b.recorded ? -1 : a.recorded > b.recorded ? 1 : 0));
  return out;
}

/**
 * Loads the members of many reports at once (a few `_id` searches, not one read per member). The report lists its
 * findings and risks by extension (the engine's and clinician-added ones alike).
 */
export async function loadCheckupRecords(
  fhir: FhirService,
  ctx: RequestContext,
  reports: readonly DiagnosticReport[],
  options: { readonly provenance: boolean; readonly risks: boolean },
): Promise<CheckupRecord[]> {
  const findings = await byIds<DetectedIssue>(
    fhir,
    ctx,
    'DetectedIssue',
    reports.flatMap((r) => idsOfType(r, 'DetectedIssue')),
  );
  const risks = options.risks
    ? await byIds<RiskAssessment>(
        fhir,
        ctx,
        'RiskAssessment',
        reports.flatMap((r) => idsOfType(r, 'RiskAssessment')),
      )
    : new Map<string, RiskAssessment>();
  const provenances = options.provenance ? await provenancesFor(fhir, ctx, reports) : new Map<string, Provenance[]>();
  return reports.map((report) => ({
    report,
    findings: idsOfType(report, 'DetectedIssue').flatMap((id) => findings.get(id) ?? []),
    risks: idsOfType(report, 'RiskAssessment').flatMap((id) => risks.get(id) ?? []),
    provenances: provenances.get(`DiagnosticReport/${report.id ?? ''}`) ?? [],
  }));
}

/** The checkup date of a report: its effective time, else when it was issued. */
export function reportDate(report: DiagnosticReport): string | undefined {
  return report.effectiveDateTime ?? report.effectivePeriod?.start ?? report.issued;
}
