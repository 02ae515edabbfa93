import type { Encounter, Observation } from '@medplum/fhirtypes';
import { dateRange } from '../../fhir/dates';

function effective(o: Observation): string | undefined {
  return o.effectiveDateTime ?? o.effectiveInstant ?? o.effectivePeriod?.end ?? o.effectivePeriod?.start;
}

/** When the checkup began (epoch ms): the encounter's start, else its earliest result; earlier results are history. */
export function checkupStart(encounter: Encounter, observations: readonly Observation[]): number | undefined {
  const times = [encounter.period?.start, ...observations.map(effective)].flatMap((v) => {
    const r = v ? dateRange(v) : undefined;
    return r ? [r.low] : [];
  });
  return times.length > 0 ? Math.min(...times) : undefined;
}

/**
 * The moment scores are computed at: the latest of the encounter's end and its results, so a score reflects the
 * checkup (not readings taken after it, up to the interpretation date); `fallback` when the checkup has no dates.
 */
export function checkupEnd(encounter: Encounter, observations: readonly Observation[], fallback: string): string {
  let best: { value: string; high: number } | undefined;
  for (const v of [encounter.period?.end, encounter.period?.start, ...observations.map(effective)]) {
    const r = v ? dateRange(v) : undefined;
    if (v && r && (!best || r.high > best.high)) best = { value: v, high: r.high };
  }
  return best?.value ?? fallback;
}

/** A FHIR instant for a date or dateTime (its first moment, UTC); throws on a value that is neither. */
export function toInstant(value: string): string {
  const r = dateRange(value);
  if (!r) throw new Error(`asOf must be a FHIR date or dateTime, got "${value}"`);
  return new Date(r.low).toISOString();
}
