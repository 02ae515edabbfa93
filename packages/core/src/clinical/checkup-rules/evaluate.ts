import type { LocalizedText } from '../../i18n';
import { LOCALES } from '../../i18n';
import type { Citation } from '../source';
import type { CheckupRule, Condition, Evidence, Facts, FindingSpec, RuleMatch } from './types';

const NOT_MEASURED = '—';

function holds(c: Condition, facts: Facts): boolean {
  const f = facts.get(c.fact);
  if (!f) return false;
  if (c.in !== undefined && !c.in.includes(f.value)) return false;
  const numeric = c.min !== undefined || c.max !== undefined || c.gt !== undefined || c.atMost !== undefined;
  if (!numeric) return true;
  const v = f.value;
  if (typeof v !== 'number') return false;
  return (
    (c.min === undefined || v >= c.min) &&
    (c.max === undefined || v < c.max) &&
    (c.gt === undefined || v > c.gt) &&
    (c.atMost === undefined || v <= c.atMost)
  );
}

/** The conditions of every group that holds (empty when none does): all of them are the finding's evidence. */
function matchingConditions(spec: FindingSpec, facts: Facts): readonly Condition[] {
  return spec.when.filter((group) => group.every((c) => holds(c, facts))).flat();
}

/** Replaces `{fact}` with the fact's display in that language; a fact the record lacks reads "—". */
export function render(template: LocalizedText, facts: Facts): LocalizedText {
  const out: Record<string, string> = {};
  for (const locale of LOCALES) {
    out[locale] = template[locale].replace(/\{([A-Za-z0-9_.-]+)\}/g, (_whole, name: string) => {
      const f = facts.get(name);
      return f ? f.display[locale] : NOT_MEASURED;
    });
  }
  return out as LocalizedText;
}

function evidenceOf(group: readonly Condition[], facts: Facts): Evidence[] {
  const out: Evidence[] = [];
  for (const c of group) {
    for (const e of facts.get(c.fact)?.evidence ?? []) {
      if (!out.some((x) => x.reference === e.reference && x.display === e.display)) out.push(e);
    }
  }
  return out;
}

function sourcesOf(rule: CheckupRule, group: readonly Condition[], facts: Facts): Citation[] {
  const out: Citation[] = [...rule.source];
  for (const c of group) {
    for (const s of facts.get(c.fact)?.sources ?? []) {
      if (!out.some((x) => x.citation === s.citation)) out.push(s);
    }
  }
  return out;
}

/** Runs the rules on the facts: at most one finding per rule, the first of its findings that applies. */
export function evaluateRules(rules: readonly CheckupRule[], facts: Facts): RuleMatch[] {
  const out: RuleMatch[] = [];
  for (const rule of rules) {
    for (const spec of rule.findings) {
      const group = matchingConditions(spec, facts);
      if (group.length === 0) continue;
      out.push({
        rule,
        spec,
        title: render(spec.title, facts),
        reason: render(spec.reason, facts),
        evidence: evidenceOf(group, facts),
        sources: sourcesOf(rule, group, facts),
      });
      break;
    }
  }
  return out;
}
