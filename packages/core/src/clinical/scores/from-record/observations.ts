import type { CodeableConcept, Observation, Quantity } from '@medplum/fhirtypes';
import type { QuantityInput } from '../run';
import { instantOf, isoDate, label } from './context';
import type { RecordContext } from './context';
import { LOINC_SYSTEM, OBSERVATION_FINDINGS, loincList } from './loinc';
import type { FindingName } from './loinc';

/** Results that count: a preliminary or cancelled result does not. https://hl7.org/fhir/R4/valueset-observation-status.html */
const USABLE_STATUS: ReadonlySet<string> = new Set(['final', 'amended', 'corrected']);
const UCUM = 'http://unitsofmeasure.org';
const DAY_MS = 86_400_000;

/** One value of a finding: the Observation it came from (also when read from a component) and when it was taken. */
export interface Reading<T> {
  readonly observation: Observation;
  readonly code: string;
  readonly value: T;
  readonly at: number;
}
export type Latest<T> = { readonly reading: Reading<T> } | { readonly missing: string };

type ValueCarrier = Pick<Observation, 'code' | 'valueQuantity' | 'valueCodeableConcept'>;
type Extract<T> = (carrier: ValueCarrier) => T | undefined;

function effectiveAt(o: Observation): number | undefined {
  return instantOf(o.effectiveDateTime ?? o.effectiveInstant ?? o.effectivePeriod?.end ?? o.effectivePeriod?.start);
}

function loincOf(carrier: ValueCarrier, codes: readonly string[]): string | undefined {
  return carrier.code?.coding?.find((c) => c.system === LOINC_SYSTEM && c.code && codes.includes(c.code))?.code;
}

function readingsOf<T>(o: Observation, codes: readonly string[], extract: Extract<T>): Reading<T>[] {
  if (!USABLE_STATUS.has(o.status)) return [];
  const out: Reading<T>[] = [];
  // The date is parsed only for Observations that carry a wanted code: most of a record does not.
  let at: number | undefined;
  for (const carrier of [o, ...(o.component ?? [])]) {
    const code = loincOf(carrier, codes);
    const value = code ? extract(carrier) : undefined;
    if (!code || value === undefined) continue;
    at ??= effectiveAt(o);
    if (at === undefined) return [];
    out.push({ observation: o, code, value, at });
  }
  return out;
}

/**
 * The most recent usable value of a finding taken on or before `asOf` and within its look-back, or why there is none.
 * Ties keep the first in record order.
 */
export function latestReading<T>(ctx: RecordContext, finding: FindingName, extract: Extract<T>): Latest<T> {
  const codes = OBSERVATION_FINDINGS[finding].loinc;
  const days = ctx.lookbackDays(finding);
  const since = ctx.asOfStart - days * DAY_MS;
  let latest: Reading<T> | undefined;
  let newestStale: Reading<T> | undefined;
  for (const o of ctx.observations) {
    for (const r of readingsOf(o, codes, extract)) {
      if (r.at > ctx.asOfEnd) continue;
      if (r.at < since) {
        if (!newestStale || r.at > newestStale.at) newestStale = r;
      } else if (!latest || r.at > latest.at) latest = r;
    }
  }
  if (latest) return { reading: latest };
  if (newestStale) {
    return {
      missing:
        `the latest ${loincList(finding)} (${label(newestStale.observation)}, ${isoDate(newestStale.at)}) is older ` +
        `than the ${days}-day look-back`,
    };
  }
  return { missing: `no final Observation coded ${loincList(finding)} on or before ${ctx.asOf}` };
}

/** The UCUM unit of a quantity: its `code` when coded in UCUM, else its human `unit` with µ written as u. */
export function ucumUnitOf(q: Quantity): string | undefined {
  if (q.system === UCUM && q.code) return q.code;
  return (q.unit ?? q.code)?.replace(/[µμ]/g, 'u');
}

/** An exact quantity (no `<`/`>` comparator) as a score input `{ value, unit }`. */
export const quantityValue: Extract<QuantityInput> = (carrier) => {
  const q = carrier.valueQuantity;
  if (q?.value === undefined || q.comparator) return undefined;
  const unit = ucumUnitOf(q);
  return unit === undefined ? undefined : { value: q.value, unit };
};

export const conceptValue: Extract<CodeableConcept> = (carrier) => carrier.valueCodeableConcept;

/** "Observation/abc (LOINC 2085-9, 2020-05-01): 50 mg/dL". */
export function describeReading(r: Reading<QuantityInput>): string {
  return `${label(r.observation)} (LOINC ${r.code}, ${isoDate(r.at)}): ${r.value.value} ${r.value.unit}`;
}
