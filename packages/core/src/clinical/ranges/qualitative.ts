import type { CodeableConcept } from '@medplum/fhirtypes';

/**
 * Qualitative answers: SNOMED CT 10828004 Positive, 260373001 Detected, 11214006 Reactive; 260385009 Negative,
 * 260415000 Not detected, 131194007 Non-reactive; HL7 v3 ObservationInterpretation POS/DET/NEG/ND; else the text.
 */
const POSITIVE_CODES: ReadonlySet<string> = new Set(['10828004', '260373001', '11214006', 'POS', 'DET']);
const NEGATIVE_CODES: ReadonlySet<string> = new Set(['260385009', '260415000', '131194007', 'NEG', 'ND']);
const POSITIVE_TEXT = /^\s*(positive|detected|reactive|阳性|\+)\s*$/i;
const NEGATIVE_TEXT = /^\s*(negative|not detected|non-?reactive|阴性|-)\s*$/i;

export type QualitativeResult = 'positive' | 'negative';

/** Positive or negative from a coded or text answer; undefined when it says neither. */
export function qualitativeOf(
  concept: CodeableConcept | undefined,
  text: string | undefined,
): QualitativeResult | undefined {
  const codes = (concept?.coding ?? []).map((c) => c.code ?? '');
  if (codes.some((c) => POSITIVE_CODES.has(c))) return 'positive';
  if (codes.some((c) => NEGATIVE_CODES.has(c))) return 'negative';
  const t = text ?? concept?.text ?? concept?.coding?.find((c) => c.display)?.display;
  if (t !== undefined && POSITIVE_TEXT.test(t)) return 'positive';
  if (t !== undefined && NEGATIVE_TEXT.test(t)) return 'negative';
  return undefined;
}
