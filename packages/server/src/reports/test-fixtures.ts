import type {
  Composition,
  CompositionSection,
  DetectedIssue,
  DiagnosticReport,
  Extension,
  Provenance,
  RiskAssessment,
} from '@medplum/fhirtypes';
import { chinaBmiCategory } from '@careloop/core/clinical/scores/china-bmi-category';
import { toRiskAssessment } from '@careloop/core/clinical/scores/from-record/risk-assessment';
import { runScore } from '@careloop/core/clinical/scores/run';
import type { ReportData } from './types';
import { EXT, FINDING_SYSTEM, RECOMMENDATION_SYSTEM, REPORT_SYSTEM } from '@careloop/core/engines/checkup/index';
import type { RecommendationKind, Severity } from './findings';
import { checkupHistory, PATIENT } from './test-observations';

/**
 * Hand-built report bundles in the checkup engine's output shape (DiagnosticReport, DetectedIssues with the review
 * extensions, RiskAssessments, Composition, Provenance) for the renderer tests.
 */

export { bp, checkupHistory, obs, PATIENT } from './test-observations';

/** As the engine writes it (report locale zh-CN): the value in Chinese, the English as an HL7 translation. */
function translations(_zh: string, en: string): { extension: Extension[] } {
  return {
    extension: [
      {
        url: EXT.translation,
        extension: [
          { url: 'lang', valueCode: 'en' },
          { url: 'content', valueString: en },
        ],
      },
    ],
  };
}

export interface FindingSpec {
  readonly id: string;
  readonly severity: Severity;
  readonly urgent?: boolean;
  readonly title: readonly [string, string];
  readonly reason: readonly [string, string];
  readonly evidence?: readonly { id: string; display: string }[];
  readonly recommendations?: readonly {
    kind: RecommendationKind;
    text: readonly [string, string];
    withinDays?: number;
  }[];
  readonly status?: 'rejected' | 'added';
  readonly statusReason?: string;
}

const THREE: Readonly<Record<Severity, 'high' | 'moderate' | 'low'>> = {
  critical: 'high',
  high: 'high',
  moderate: 'moderate',
  low: 'low',
  info: 'low',
};

/** A DetectedIssue as the engine writes it (text in zh-CN with translations) plus the review extensions. */
export function issue(f: FindingSpec): DetectedIssue {
  const ext: Extension[] = [
    { url: EXT.findingStatus, valueCode: f.status ?? 'active' },
    ...(f.statusReason ? [{ url: EXT.findingReason, valueString: f.statusReason }] : []),
    { url: EXT.findingSeverity, valueCode: f.severity },
    { url: EXT.findingUrgent, valueBoolean: f.urgent ?? false },
    {
      url: EXT.findingRule,
      valueCoding: { system: 'https://careloop.dev/fhir/CodeSystem/checkup-rule', code: f.id, version: '1' },
    },
    { url: EXT.findingSource, valueString: `Guideline for ${f.id}, 2020` },
  ];
  const resource = {
    resourceType: 'DetectedIssue',
    id: `di-${f.id}`,
    extension: ext,
    status: 'preliminary',
    severity: THREE[f.severity],
    code: {
      coding: [{ system: FINDING_SYSTEM, code: f.id, display: f.title[1] }],
      text: f.title[0],
      _text: translations(...f.title),
    },
    patient: { reference: `Patient/${PATIENT.id ?? ''}` },
    detail: f.reason[0],
    _detail: translations(...f.reason),
    evidence: [{ detail: (f.evidence ?? []).map((e) => ({ reference: `Observation/${e.id}`, display: e.display })) }],
    mitigation: (f.recommendations ?? []).map((r) => ({
      ...(r.withinDays !== undefined
        ? { extension: [{ url: EXT.recommendationWithinDays, valueInteger: r.withinDays }] }
        : {}),
      action: {
        coding: [{ system: RECOMMENDATION_SYSTEM, code: r.kind }],
        text: r.text[0],
        _text: translations(...r.text),
      },
    })),
  };
  return resource as DetectedIssue;
}

export const IFG: FindingSpec = {
  id: 'glucose-ifg',
  severity: 'moderate',
  title: ['空腹血糖受损', 'Impaired fasting glucose'],
  reason: [
    '空腹血糖 6.5 mmol/L（2024-05-02），在 6.1–7.0 之间',
    'Fasting glucose 6.5 mmol/L (2024-05-02), between 6.1 and 7.0',
  ],
  evidence: [{ id: 'glu-2024', display: 'LOINC 14771-0 Fasting glucose: 6.5 mmol/L (2024-05-02)' }],
  recommendations: [
    { kind: 'repeat', text: ['复查空腹血糖', 'Repeat fasting glucose'], withinDays: 90 },
    {
      kind: 'lifestyle',
      text: ['减少精制糖摄入，每周运动 150 分钟', 'Cut refined sugar; 150 minutes of exercise a week'],
    },
  ],
};
export const HTN: FindingSpec = {
  id: 'bp-grade-1',
  severity: 'high',
  title: ['1级高血压', 'Grade 1 hypertension'],
  reason: ['血压 146/94 mmHg（2024-05-02）', 'Blood pressure 146/94 mmHg (2024-05-02)'],
  evidence: [{ id: 'bp-2024', display: 'LOINC 8480-6 Systolic blood pressure: 146 mm[Hg] (2024-05-02)' }],
  recommendations: [{ kind: 'refer', text: ['心内科就诊', 'See a cardiologist'] }],
};
export const LDL_REJECTED: FindingSpec = {
  id: 'ldl-above-target',
  severity: 'moderate',
  title: ['低密度脂蛋白胆固醇高于目标', 'LDL cholesterol above target'],
  reason: ['LDL-C 3.62 mmol/L，高于 3.4 的目标', 'LDL-C 3.62 mmol/L, above the 3.4 target'],
  evidence: [{ id: 'ldl-2024', display: 'LOINC 13457-7 LDL cholesterol: 140 mg/dL (2024-05-02)' }],
  recommendations: [{ kind: 'confirm', text: ['空腹复查血脂', 'Recheck fasting lipids'] }],
  status: 'rejected',
  statusReason: 'Non-fasting sample; recheck planned',
};
export const ADDED: FindingSpec = {
  id: 'added-thyroid-nodule',
  severity: 'low',
  title: ['甲状腺结节（医生补充）', 'Thyroid nodule (added by physician)'],
  reason: ['超声见 4 mm 结节', 'Ultrasound shows a 4 mm nodule'],
  status: 'added',
  statusReason: 'Seen on ultrasound report',
};

const INTRO = {
  'zh-CN': '以下是您本次体检结果的解读，正式报告需经医生审核签字后生效。',
  en: 'This explains your checkup results; it becomes your report once a doctor has reviewed and signed it.',
} as const;
const TODO = { 'zh-CN': '您需要做的事', en: 'What to do next' } as const;

function narrative(lang: 'zh-CN' | 'en', findings: readonly FindingSpec[], person: boolean): string {
  const i = lang === 'zh-CN' ? 0 : 1;
  const items = findings
    .map(
      (f) =>
        `<li><b>${f.title[i]}</b>: ${f.reason[i]}<ul>${(f.recommendations ?? []).map((r) => `<li>${r.text[i]}</li>`).join('')}</ul></li>`,
    )
    .join('');
  const body = person
    ? `<p>${INTRO[lang]}</p><h3>${TODO[lang]}</h3><ol>${items}</ol>`
    : `<h3>Findings</h3><ol>${items}</ol>`;
  return `<div xmlns="http://www.w3.org/1999/xhtml" lang="${lang}" xml:lang="${lang}">${body}</div>`;
}

/** As the engine writes it: a physician and a person section, each with a sub-section per language. */
export function composition(findings: readonly FindingSpec[]): Composition {
  const part = (code: 'physician' | 'person', title: string): CompositionSection => ({
    title,
    code: { coding: [{ system: REPORT_SYSTEM, code }] },
    section: (['zh-CN', 'en'] as const).map((lang) => ({
      title: lang,
      code: { coding: [{ system: 'urn:ietf:bcp:47', code: lang }] },
      text: { status: 'generated', div: narrative(lang, findings, code === 'person') },
    })),
  });
  return {
    resourceType: 'Composition',
    id: 'comp-1',
    status: 'preliminary',
    type: { text: '健康体检报告' },
    date: '2024-05-02',
    author: [{ display: 'CareLoop checkup engine 1.0.0' }],
    title: '健康体检报告解读',
    section: [
      part('physician', '医生版 / Physician version'),
      part('person', '个人版（通俗说明） / Plain-language version for the person'),
    ],
  };
}

const ENGINE_PROVENANCE: Provenance = {
  resourceType: 'Provenance',
  id: 'prov-engine',
  target: [{ reference: 'DiagnosticReport/dr-1' }],
  recorded: '2024-05-02T12:00:00+08:00',
  agent: [
    {
      type: { coding: [{ code: 'assembler' }] },
      who: { reference: 'Device/careloop-checkup-engine', display: 'careloop-checkup-engine 0.1.0' },
    },
  ],
};
const SIGNED_PROVENANCE: Provenance = {
  resourceType: 'Provenance',
  id: 'prov-sign',
  target: [{ reference: 'DiagnosticReport/dr-1' }],
  recorded: '2024-05-03T10:30:00+08:00',
  agent: [
    {
      type: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'attester' }],
      },
      who: { reference: 'Practitioner/dr-li', display: '李明 Dr Li Ming' },
    },
  ],
  signature: [
    {
      type: [{ system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.5' }],
      when: '2024-05-03T10:30:00+08:00',
      who: { reference: 'Practitioner/dr-li', display: '李明 Dr Li Ming' },
    },
  ],
};

function bmiAssessment(): RiskAssessment {
  const result = runScore(chinaBmiCategory, { bmi: 26.1 });
  if (!result.applicable) throw new Error('BMI category not applicable');
  return toRiskAssessment(chinaBmiCategory, result, PATIENT, '2024-05-02', [], []);
}

export interface BundleOptions {
  readonly findings?: readonly FindingSpec[];
  readonly final?: boolean;
  readonly history?: boolean;
}

/** A report bundle: preliminary unless `final`, with three years of results unless `history: false`. */
export function reportData(o: BundleOptions = {}): ReportData {
  const findings = o.findings ?? [HTN, IFG, LDL_REJECTED, ADDED];
  const { current, past } = checkupHistory();
  const report: DiagnosticReport = {
    resourceType: 'DiagnosticReport',
    id: 'dr-1',
    status: o.final ? 'final' : 'preliminary',
    code: { text: 'Health checkup' },
    subject: { reference: `Patient/${PATIENT.id ?? ''}` },
    effectiveDateTime: '2024-05-02',
    issued: '2024-05-02T12:00:00+08:00',
    result: current.map((c) => ({ reference: `Observation/${c.id ?? ''}` })),
  };
  return {
    report,
    patient: PATIENT,
    findings: findings.map(issue),
    riskAssessments: [bmiAssessment()],
    composition: composition(findings),
    provenance: o.final ? [ENGINE_PROVENANCE, SIGNED_PROVENANCE] : [ENGINE_PROVENANCE],
    observations: o.history === false ? current : [...past, ...current],
  };
}
