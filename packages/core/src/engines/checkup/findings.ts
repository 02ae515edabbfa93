import type { RuleMatch } from '../../clinical/checkup-rules/types';
import type { Finding } from './types';

const isRange = (id: string): boolean => id.startsWith('range-');
const isChange = (id: string): boolean => id.startsWith('change-');

/** A rule match as a Finding. */
function toFinding(m: RuleMatch): Finding {
  return {
    id: m.spec.id,
    rule: { id: m.rule.id, version: m.rule.version, source: m.sources },
    severity: m.spec.severity,
    urgent: m.spec.urgent ?? false,
    title: m.title,
    reason: m.reason,
    evidence: m.evidence,
    recommendations: m.spec.recommendations,
  };
}

/**
 * The findings of the matches. A plain out-of-range finding is dropped when its Observation is already evidence of
 * a clinical finding (an IFG explains the high glucose, a critical potassium its high potassium), so each abnormal
 * result is reported once, by the most specific rule.
 */
export function findingsOf(matches: readonly RuleMatch[]): Finding[] {
  const findings = matches.map(toFinding);
  const explained = new Set(
    findings.filter((f) => !isRange(f.id) && !isChange(f.id)).flatMap((f) => f.evidence.map((e) => e.reference)),
  );
  return findings.filter((f) => !isRange(f.id) || !f.evidence.every((e) => explained.has(e.reference)));
}
