/** Calendar arithmetic on ISO dates in UTC: the generator never reads the clock, only its reference date. */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`, time part ignored). */
export function toDay(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const t = Date.UTC(y, m - 1, d);
  if (!Number.isFinite(t) || iso.length < 10) throw new RangeError(`not an ISO date: ${iso}`);
  return Math.round(t / DAY_MS);
}

// Day numbers of a population span about a century: a bounded cache of their ISO strings saves a Date per resource.
const isoCache = new Map<number, string>();

/** The ISO date (`YYYY-MM-DD`) of a day number. */
export function isoDate(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoCache.size < 100_000) isoCache.set(day, s);
  }
  return s;
}

/** An instant on a day at `minutes` past midnight, as a FHIR dateTime with the given UTC offset (e.g. `+08:00`). */
export function isoDateTime(day: number, minutes: number, offset: string): string {
  const hh = Math.floor(minutes / 60) % 24;
  const mm = Math.floor(minutes) % 60;
  return `${isoDate(day)}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00${offset}`;
}

/** Whole years of age on `day` for someone born on `birthDay`. */
export function ageOn(birthDay: number, day: number): number {
  const b = isoDate(birthDay);
  const d = isoDate(day);
  let age = Number(d.slice(0, 4)) - Number(b.slice(0, 4));
  if (d.slice(5) < b.slice(5)) age -= 1;
  return age;
}

/** The day on which someone born on `birthDay` turns `age` (Feb 29 birthdays turn on Mar 1 in common years). */
export function birthdayAt(birthDay: number, age: number): number {
  const b = isoDate(birthDay);
  const y = Number(b.slice(0, 4)) + age;
  return Math.round(Date.UTC(y, Number(b.slice(5, 7)) - 1, Number(b.slice(8, 10))) / DAY_MS);
}
