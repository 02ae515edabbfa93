import type {
  DetectedIssue,
  DiagnosticReport,
  Encounter,
  Observation,
  Patient,
  Reference,
  RiskAssessment,
} from '@medplum/fhirtypes';
import type { Locale } from '../../i18n';
import type { Finding } from './types';
import { translation } from './detected-issues';
import { EXT, FINDING_SYSTEM, REPORT_SYSTEM } from './vocabulary';

export interface ReportParts {
  readonly id: string;
  readonly patient: Reference<Patient>;
  readonly encounter: Encounter;
  readonly observations: readonly Observation[];
  readonly findings: readonly Finding[];
  readonly detectedIssues: readonly DetectedIssue[];
  readonly riskAssessments: readonly RiskAssessment[];
  readonly effective: string;
  /** The interpretation instant (FHIR instant). */
  readonly issued: string;
  readonly locale: Locale;
}

const summary = (findings: readonly Finding[]) => {
  if (findings.length === 0) return { 'zh-CN': '本次体检未发现异常。', en: 'No abnormal findings in this checkup.' };
  const urgent = findings.filter((f) => f.urgent).length;
  return {
    'zh-CN': `发现 ${String(findings.length)} 项需关注的问题${urgent > 0 ? `，其中 ${String(urgent)} 项危急` : ''}：${findings.map((f) => f.title['zh-CN']).join('；')}。`,
    en: `${String(findings.length)} finding(s)${urgent > 0 ? `, ${String(urgent)} urgent` : ''}: ${findings.map((f) => f.title.en).join('; ')}.`,
  };
};

/**
 * The checkup report, preliminary until a clinician signs: result → this checkup's Observations; each finding's
 * DetectedIssue and each RiskAssessment linked by extension; conclusionCode = the finding codes.
 * https://hl7.org/fhir/R4/diagnosticreport.html
 */
export function toReport(p: ReportParts): DiagnosticReport {
  const text = summary(p.findings);
  const report = {
    resourceType: 'DiagnosticReport',
    id: p.id,
    extension: [
      ...p.detectedIssues.map((d) => ({
        url: EXT.reportFinding,
        valueReference: { reference: `DetectedIssue/${d.id ?? ''}` },
      })),
      ...p.riskAssessments.map((r) => ({
        url: EXT.reportRiskAssessment,
        valueReference: { reference: `RiskAssessment/${r.id ?? ''}` },
      })),
    ],
    status: 'preliminary',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'OTH', display: 'Other' }] },
    ],
    code: {
      coding: [{ system: REPORT_SYSTEM, code: 'checkup-interpretation', display: 'Health checkup interpretation' }],
      text: p.locale === 'zh-CN' ? '健康体检报告' : 'Health checkup report',
    },
    subject: p.patient,
    ...(p.encounter.id ? { encounter: { reference: `Encounter/${p.encounter.id}` } } : {}),
    effectiveDateTime: p.effective,
    issued: p.issued,
    result: p.observations.flatMap((o) => (o.id ? [{ reference: `Observation/${o.id}` }] : [])),
    conclusion: text[p.locale],
    _conclusion: translation(text, p.locale),
    conclusionCode: p.findings.map((f) => ({
      coding: [{ system: FINDING_SYSTEM, code: f.id, display: f.title.en }],
      text: f.title[p.locale],
    })),
  };
  if (report.extension.length === 0) delete (report as { extension?: unknown }).extension;
  if (report.conclusionCode.length === 0) delete (report as { conclusionCode?: unknown }).conclusionCode;
  return report as DiagnosticReport;
}
