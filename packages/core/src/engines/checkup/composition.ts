import type {
  Composition,
  CompositionSection,
  DetectedIssue,
  Encounter,
  Patient,
  Reference,
  RiskAssessment,
} from '@medplum/fhirtypes';
import type { ResultInterpretation } from '../../clinical/ranges/evaluate';
import type { ScoreFromRecordResult } from '../../clinical/scores/from-record/types';
import { LOCALES } from '../../i18n';
import type { Locale } from '../../i18n';
import { personNarrative, physicianNarrative } from './narrative';
import type { Finding } from './types';
import { ENGINE_REFERENCE, REPORT_SYSTEM } from './vocabulary';

export interface CompositionParts {
  readonly id: string;
  readonly reportId: string;
  readonly patient: Reference<Patient>;
  readonly encounter: Encounter;
  readonly date: string;
  readonly locale: Locale;
  readonly findings: readonly Finding[];
  readonly detectedIssues: readonly DetectedIssue[];
  readonly riskAssessments: readonly RiskAssessment[];
  readonly scores: readonly ScoreFromRecordResult[];
  readonly results: readonly ResultInterpretation[];
}

const TITLES = {
  physician: { 'zh-CN': '医生版', en: 'Physician version' },
  person: { 'zh-CN': '个人版（通俗说明）', en: 'Plain-language version for the person' },
} as const;

function languageSection(locale: Locale, title: string, div: string): CompositionSection {
  return {
    title,
    code: { coding: [{ system: 'urn:ietf:bcp:47', code: locale }] },
    text: { status: 'generated', div },
  };
}

/**
 * The human-readable report: a physician section and a plain-language section for the person, each with a
 * sub-section per language (zh-CN, en). https://hl7.org/fhir/R4/composition.html
 */
export function toComposition(p: CompositionParts): Composition {
  const entries = [
    ...p.detectedIssues.map((d) => ({ reference: `DetectedIssue/${d.id ?? ''}` })),
    ...p.riskAssessments.map((r) => ({ reference: `RiskAssessment/${r.id ?? ''}` })),
  ];
  const physician: CompositionSection = {
    title: `${TITLES.physician['zh-CN']} / ${TITLES.physician.en}`,
    code: { coding: [{ system: REPORT_SYSTEM, code: 'physician', display: TITLES.physician.en }] },
    ...(entries.length > 0 ? { entry: entries } : {}),
    section: LOCALES.map((l) =>
      languageSection(l, TITLES.physician[l], physicianNarrative(l, p.findings, p.scores, p.results)),
    ),
  };
  const person: CompositionSection = {
    title: `${TITLES.person['zh-CN']} / ${TITLES.person.en}`,
    code: { coding: [{ system: REPORT_SYSTEM, code: 'person', display: TITLES.person.en }] },
    section: LOCALES.map((l) => languageSection(l, TITLES.person[l], personNarrative(l, p.findings))),
  };
  return {
    resourceType: 'Composition',
    id: p.id,
    status: 'preliminary',
    type: {
      coding: [{ system: REPORT_SYSTEM, code: 'checkup-interpretation', display: 'Health checkup interpretation' }],
      text: p.locale === 'zh-CN' ? '健康体检报告' : 'Health checkup report',
    },
    subject: p.patient,
    ...(p.encounter.id ? { encounter: { reference: `Encounter/${p.encounter.id}` } } : {}),
    date: p.date,
    author: [ENGINE_REFERENCE],
    title: p.locale === 'zh-CN' ? '健康体检报告解读' : 'Health checkup interpretation',
    language: p.locale,
    section: [physician, person],
    relatesTo: [{ code: 'appends', targetReference: { reference: `DiagnosticReport/${p.reportId}` } }],
  };
}
