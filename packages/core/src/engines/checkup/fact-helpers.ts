import type { Evidence, Fact, FactValue } from '../../clinical/checkup-rules/types';
import { CHECKUP_ANALYTES } from '../../clinical/ranges/analytes';
import type { ResultInterpretation } from '../../clinical/ranges/evaluate';
import type { Derivation } from '../../clinical/scores/from-record/types';
import type { Citation } from '../../clinical/source';
import type { LocalizedText } from '../../i18n';

/** The same text in both languages (numbers, codes). */
export function both(text: string): LocalizedText {
  return { 'zh-CN': text, en: text };
}

/** A fact. */
export function fact(
  value: FactValue,
  display: LocalizedText,
  evidence: readonly Evidence[],
  sources?: readonly Citation[],
): Fact {
  return { value, display, evidence, ...(sources && sources.length > 0 ? { sources } : {}) };
}

/** A number for a sentence: at most `decimals` decimals, no trailing zeros. */
export function num(value: number, decimals = 2): string {
  return String(+value.toFixed(decimals));
}

/** The evidence line of one result: "Observation/x, LOINC 14771-0 Fasting glucose: 6.5 mmol/L". */
export function resultEvidence(r: ResultInterpretation): Evidence {
  return {
    reference: r.reference,
    display: `LOINC ${r.loinc} ${CHECKUP_ANALYTES[r.analyte].name.en}: ${r.display}${r.date ? ` (${r.date})` : ''}`,
    value: r.display,
    ...(r.date ? { date: r.date } : {}),
  };
}

/** Evidence lines of a score's inputs, one per resource an input came from. */
export function derivationEvidence(derivations: readonly Derivation[]): Evidence[] {
  const out: Evidence[] = [];
  for (const d of derivations) {
    for (const b of d.basis) {
      if (!b.reference) continue;
      const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(d.how)?.[1];
      out.push({ reference: b.reference, display: `${d.input}: ${d.how}`, ...(date ? { date } : {}) });
    }
  }
  return out;
}

/** Evidence lines without repeats. */
export function uniqueEvidence(lists: readonly (readonly Evidence[])[]): Evidence[] {
  const out: Evidence[] = [];
  for (const e of lists.flat()) {
    if (!out.some((x) => x.reference === e.reference && x.display === e.display)) out.push(e);
  }
  return out;
}
