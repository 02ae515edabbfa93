import type { ObservationReferenceRange } from '@medplum/fhirtypes';

/** A lab's reference range as written in an export, read into bounds (text kept: `<5.2` is not `≤5.2`). */
export interface ParsedRange {
  readonly low?: number;
  readonly high?: number;
  readonly text: string;
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const BETWEEN = new RegExp(String.raw`^${NUM}\s*(?:-|~|～|–|—|to)\s*${NUM}$`, 'i');
const UPPER = new RegExp(String.raw`^(?:<|<=|≤|＜|≦)\s*${NUM}$`);
const LOWER = new RegExp(String.raw`^(?:>|>=|≥|＞|≧)\s*${NUM}$`);

/**
 * Reads `3.9-6.1`, `3.9~6.1`, `<5.2`, `≤5.2`, `>1.0`; anything else (`阴性`, `Negative`) stays text only.
 * An empty string is no range.
 */
export function parseReferenceRange(raw: string): ParsedRange | undefined {
  const text = raw.normalize('NFKC').trim();
  if (!text) return undefined;
  const between = BETWEEN.exec(text);
  if (between) {
    const low = Number(between[1]);
    const high = Number(between[2]);
    return low <= high ? { low, high, text } : { text };
  }
  const upper = UPPER.exec(text);
  if (upper) return { high: Number(upper[1]), text };
  const lower = LOWER.exec(text);
  if (lower) return { low: Number(lower[1]), text };
  return { text };
}

/** The FHIR referenceRange of a parsed range, bounds in `unit` after `convert` (identity when units agree). */
export function toReferenceRange(
  range: ParsedRange,
  unit: string,
  convert: (v: number) => number | undefined = (v) => v,
): ObservationReferenceRange {
  const quantity = (v: number | undefined) => {
    const value = v === undefined ? undefined : convert(v);
    if (value === undefined) return undefined;
    return { value: round(value), ...(unit ? { unit, system: 'http://unitsofmeasure.org', code: unit } : {}) };
  };
  const low = quantity(range.low);
  const high = quantity(range.high);
  return { ...(low ? { low } : {}), ...(high ? { high } : {}), text: range.text };
}

/** Rounds a converted figure to 4 significant decimals so 5.550621669 mmol/L reads 5.5506. */
export function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
