import type { Fact } from '../../clinical/checkup-rules/types';
import { CHECKUP_ANALYTES } from '../../clinical/ranges/analytes';
import { prettyUnit } from '../../clinical/ranges/evaluate';
import type { AppliedRange, ResultFlag, ResultInterpretation } from '../../clinical/ranges/evaluate';
import type { Citation } from '../../clinical/source';
import type { LocalizedText } from '../../i18n';
import { both, fact, num, resultEvidence } from './fact-helpers';

const FLAG_TEXT: Readonly<Record<ResultFlag, LocalizedText>> = {
  normal: { 'zh-CN': '正常', en: 'normal' },
  low: { 'zh-CN': '偏低', en: 'low' },
  high: { 'zh-CN': '偏高', en: 'high' },
  'critical-low': { 'zh-CN': '危急低值', en: 'critically low' },
  'critical-high': { 'zh-CN': '危急高值', en: 'critically high' },
  positive: { 'zh-CN': '阳性', en: 'positive' },
  negative: { 'zh-CN': '阴性', en: 'negative' },
  unknown: { 'zh-CN': '无法判断', en: 'not judged' },
};

/** The laboratory's own range, cited as such. */
export const LAB_RANGE_SOURCE: Citation = {
  citation: 'Reference interval reported by the laboratory with the result (Observation.referenceRange).',
};

/** "3.9–6.1 mmol/L", "<5.2 mmol/L", "≥1 mmol/L". */
export function rangeText(range: AppliedRange, unit: string | undefined): string {
  const u = unit ? ` ${prettyUnit(unit)}` : '';
  if (range.low !== undefined && range.high !== undefined) return `${num(range.low)}–${num(range.high)}${u}`;
  if (range.high !== undefined) return `${range.highInclusive ? '<' : '≤'}${num(range.high)}${u}`;
  return `≥${num(range.low ?? 0)}${u}`;
}

function sourcesOf(r: ResultInterpretation): Citation[] {
  const out: Citation[] = [];
  if (r.range) out.push(r.range.origin === 'lab' ? LAB_RANGE_SOURCE : (r.range.source ?? LAB_RANGE_SOURCE));
  if (r.criticalSource) out.push(r.criticalSource);
  return out;
}

/**
 * Facts of this checkup's results: `<analyte>` (value in CareLoop's unit, shown as reported), `<analyte>.flag`
 * (against the range, with the range's source) and `<analyte>.range`. A later result of an analyte replaces an earlier.
 */
export function resultFacts(results: readonly ResultInterpretation[], into: Map<string, Fact>): void {
  for (const r of results) {
    const evidence = [resultEvidence(r)];
    const key = r.analyte;
    if (r.value !== undefined) into.set(key, fact(r.value, both(r.display), evidence));
    else into.set(key, fact(r.qualitative ?? 'unknown', FLAG_TEXT[r.qualitative ?? 'unknown'], evidence));
    into.set(`${key}.flag`, fact(r.flag, FLAG_TEXT[r.flag], evidence, sourcesOf(r)));
    if (r.range) {
      const text = rangeText(r.range, CHECKUP_ANALYTES[key].unit);
      into.set(`${key}.range`, fact(text, both(text), []));
    }
  }
}

export { FLAG_TEXT };
