import type { DetectedIssue, DetectedIssueMitigation, Extension, Patient, Reference } from '@medplum/fhirtypes';
import type { Locale, LocalizedText } from '../../i18n';
import type { Finding, FindingRecommendation } from './types';
import { deterministicId } from './ids';
import { ENGINE_REFERENCE, EXT, FINDING_SYSTEM, RECOMMENDATION_SYSTEM, RULE_SYSTEM, citationText } from './vocabulary';

/** DetectedIssue.severity has three levels: critical and high are high; info is low. */
const FHIR_SEVERITY = { critical: 'high', high: 'high', moderate: 'moderate', low: 'low', info: 'low' } as const;

/** The other language of a text, as the HL7 translation extension on a string's `_element`. */
export function translation(text: LocalizedText, primary: Locale): { extension: Extension[] } {
  const other: Locale = primary === 'zh-CN' ? 'en' : 'zh-CN';
  return {
    extension: [
      {
        url: EXT.translation,
        extension: [
          { url: 'lang', valueCode: other },
          { url: 'content', valueString: text[other] },
        ],
      },
    ],
  };
}

function mitigation(r: FindingRecommendation, locale: Locale): DetectedIssueMitigation {
  const ext: Extension[] = [];
  if (r.specialty) ext.push({ url: EXT.recommendationSpecialty, valueString: r.specialty });
  if (r.withinDays !== undefined) ext.push({ url: EXT.recommendationWithinDays, valueInteger: r.withinDays });
  return {
    ...(ext.length > 0 ? { extension: ext } : {}),
    action: {
      coding: [{ system: RECOMMENDATION_SYSTEM, code: r.kind }],
      text: r.text[locale],
      _text: translation(r.text, locale),
    } as DetectedIssueMitigation['action'],
  };
}

/** The id of the DetectedIssue of a finding. */
export function detectedIssueId(encounterKey: string, findingId: string): string {
  return deterministicId(`${encounterKey}|finding|${findingId}`);
}

/**
 * A finding as a preliminary DetectedIssue: code = finding id, detail = the reason, evidence and implicated = the
 * inputs, mitigation = the recommendations; rule, sources, severity and status as CareLoop extensions.
 * https://hl7.org/fhir/R4/detectedissue.html
 */
export function toDetectedIssue(
  f: Finding,
  patient: Reference<Patient>,
  encounterKey: string,
  identified: string,
  locale: Locale,
): DetectedIssue {
  const refs: Reference[] = f.evidence
    .filter((e, i, all) => all.findIndex((x) => x.reference === e.reference) === i)
    .map((e) => ({ reference: e.reference, display: e.display }));
  const extension: Extension[] = [
    { url: EXT.findingStatus, valueCode: 'active' },
    { url: EXT.findingSeverity, valueCode: f.severity },
    { url: EXT.findingUrgent, valueBoolean: f.urgent },
    { url: EXT.findingRule, valueCoding: { system: RULE_SYSTEM, code: f.rule.id, version: f.rule.version } },
    ...f.rule.source.map((s) => ({ url: EXT.findingSource, valueString: citationText(s) })),
  ];
  const issue = {
    resourceType: 'DetectedIssue',
    id: detectedIssueId(encounterKey, f.id),
    extension,
    status: 'preliminary',
    code: {
      coding: [{ system: FINDING_SYSTEM, code: f.id, display: f.title.en }],
      text: f.title[locale],
      _text: translation(f.title, locale),
    },
    severity: FHIR_SEVERITY[f.severity],
    patient,
    identifiedDateTime: identified,
    author: ENGINE_REFERENCE,
    ...(refs.length > 0 ? { implicated: refs.filter((r) => r.reference?.startsWith('Observation/')) } : {}),
    ...(refs.length > 0 ? { evidence: [{ detail: refs }] } : {}),
    detail: f.reason[locale],
    _detail: translation(f.reason, locale),
    mitigation: f.recommendations.map((r) => mitigation(r, locale)),
  };
  if (issue.implicated?.length === 0) delete issue.implicated;
  return issue as DetectedIssue;
}
