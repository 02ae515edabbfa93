import type { Observation } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import { analytesOf, CHECKUP_ANALYTES } from '@careloop/core/clinical/ranges/analytes';
import type { ReportData, ReportOptions } from './types';
import { compositionNarrative } from './composition-text';
import { conceptText, formatDate, referenceId } from './fhir-text';
import {
  groupBySeverity,
  readFinding,
  RECOMMENDATION_KINDS,
  type FindingView,
  type RecommendationKind,
  type Severity,
} from './findings';
import { msg, type MessageKey } from './messages';
import { observationValue, rangeText } from './observation-value';
import { ageOn, personName, sexText } from './person';
import { readScore, type ScoreView } from './scores';
import { readSignOff, type SignOffView } from './sign-off';
import { buildTrends, type TrendChart } from './trends';

export interface ResultRow {
  readonly item: string;
  readonly value: string;
  readonly range: string;
  readonly flag: string;
  readonly abnormal: boolean;
}
export interface FindingGroup {
  readonly severity: Severity;
  readonly label: string;
  readonly findings: readonly FindingView[];
}
export interface RecommendationGroup {
  readonly kind: RecommendationKind;
  readonly label: string;
  readonly items: readonly string[];
}
/** Everything a report prints, in one language for one audience: the HTML and PDF renderers share it. */
export interface ReportModel {
  readonly locale: Locale;
  readonly audience: ReportOptions['audience'];
  readonly title: string;
  readonly audienceLabel: string;
  readonly personName: string;
  readonly header: readonly { readonly label: string; readonly value: string }[];
  readonly signOff: SignOffView;
  readonly statusLabel: string;
  /** Printed across every page while the report is not final. */
  readonly watermark?: string;
  readonly banner?: string;
  /** The person's plain-language introduction from the Composition (the physician's version has none). */
  readonly narrative: readonly string[];
  readonly findingGroups: readonly FindingGroup[];
  readonly results: readonly ResultRow[];
  readonly scores: readonly ScoreView[];
  readonly recommendations: readonly RecommendationGroup[];
  readonly trends: readonly TrendChart[];
  readonly reportId: string;
}

const SEVERITY_LABEL: Readonly<Record<Severity, MessageKey>> = {
  critical: 'severityCritical',
  high: 'severityHigh',
  moderate: 'severityModerate',
  low: 'severityLow',
  info: 'severityInfo',
};
const KIND_LABEL: Readonly<Record<RecommendationKind, MessageKey>> = {
  repeat: 'recRepeat',
  confirm: 'recConfirm',
  refer: 'recRefer',
  return: 'recReturn',
  lifestyle: 'recLifestyle',
  other: 'recOther',
};
const FLAGS: Readonly<Record<string, MessageKey>> = {
  H: 'flagHigh',
  HH: 'flagCritical',
  L: 'flagLow',
  LL: 'flagCritical',
  A: 'flagAbnormal',
  AA: 'flagCritical',
  POS: 'flagAbnormal',
};

function resultRow(o: Observation, locale: Locale): ResultRow {
  const code = o.interpretation?.[0]?.coding?.find((c) => c.code && c.code in FLAGS)?.code;
  const key = code ? FLAGS[code] : undefined;
  const names = analytesOf(o).map((a) => CHECKUP_ANALYTES[a.analyte].name[locale]);
  return {
    item: names.length > 0 ? names.join(' / ') : (conceptText(o.code, locale) ?? ''),
    value: observationValue(o) ?? '',
    range: rangeText(o.referenceRange?.[0]),
    flag: key ? msg(locale, key) : '',
    abnormal: key !== undefined,
  };
}

function recommendationGroups(findings: readonly FindingView[], locale: Locale): RecommendationGroup[] {
  const kinds = [...RECOMMENDATION_KINDS, 'other'] as const;
  return kinds
    .map((kind) => ({
      kind,
      label: msg(locale, KIND_LABEL[kind]),
      items: [...new Set(findings.flatMap((f) => f.recommendations.filter((r) => r.kind === kind).map((r) => r.text)))],
    }))
    .filter((g) => g.items.length > 0);
}

/** Builds what the report prints: the person's version drops rejected findings and speaks plainly. */
export function buildReportModel(data: ReportData, options: ReportOptions): ReportModel {
  const { locale, audience } = options;
  const all = data.findings.map((issue) => readFinding(issue, data.observations, locale));
  const covered = data.findings.flatMap((d) =>
    (['zh-CN', 'en'] as const).flatMap((l) => {
      const f = readFinding(d, [], l);
      return [f.title, f.reason, ...f.recommendations.map((r) => r.action)];
    }),
  );
  const shown = audience === 'person' ? all.filter((f) => f.status !== 'rejected') : all;
  const signOff = readSignOff(data.report, data.provenance);
  const checkupDate = data.report.effectiveDateTime ?? data.report.effectivePeriod?.start ?? data.report.issued;
  const age = ageOn(data.patient.birthDate, checkupDate);
  const resultIds = new Set((data.report.result ?? []).map((r) => referenceId(r)));
  const final = signOff.state !== 'preliminary';
  return {
    locale,
    audience,
    title: msg(locale, 'title'),
    audienceLabel: msg(locale, audience === 'person' ? 'audiencePerson' : 'audiencePhysician'),
    personName: personName(data.patient, locale),
    header: [
      { label: msg(locale, 'sex'), value: sexText(data.patient, locale) },
      { label: msg(locale, 'birthDate'), value: formatDate(data.patient.birthDate) },
      ...(age !== undefined ? [{ label: msg(locale, 'age'), value: msg(locale, 'ageYears', { n: age }) }] : []),
      { label: msg(locale, 'checkupDate'), value: formatDate(checkupDate) },
    ],
    signOff,
    statusLabel: msg(locale, signOff.state === 'preliminary' ? 'preliminary' : signOff.state),
    ...(final ? {} : { watermark: msg(locale, 'preliminary'), banner: msg(locale, 'preliminaryBanner') }),
    narrative: audience === 'person' ? compositionNarrative(data.composition, 'person', locale, covered) : [],
    findingGroups: groupBySeverity(shown).map((g) => ({ ...g, label: msg(locale, SEVERITY_LABEL[g.severity]) })),
    results: data.observations.filter((o) => o.id && resultIds.has(o.id)).map((o) => resultRow(o, locale)),
    scores: data.riskAssessments.map((ra) => readScore(ra, locale)),
    recommendations: recommendationGroups(
      all.filter((f) => f.status !== 'rejected'),
      locale,
    ),
    trends: buildTrends(data.observations, locale),
    reportId: data.report.id ?? '',
  };
}
