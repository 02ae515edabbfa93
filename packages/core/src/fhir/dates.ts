/**
 * FHIR date/dateTime/instant values as the range of instants they cover, in epoch milliseconds (inclusive).
 * A partial date covers its whole period ("2020" = the year 2020). Values without a time zone are read as UTC
 * so the index is the same whatever the server's zone.
 * @see https://hl7.org/fhir/R4/search.html#date
 */
export interface DateRange {
  readonly low: number;
  readonly high: number;
}

const PATTERN =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The range a FHIR date, dateTime or instant covers, or undefined if it is not one. */
export function dateRange(value: string): DateRange | undefined {
  const m = PATTERN.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const year = Number(y);
  const month = mo ? Number(mo) : undefined;
  const day = d ? Number(d) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) return undefined;
  const offsetMs =
    tz && tz !== 'Z'
      ? (tz.startsWith('-') ? -1 : 1) * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(4, 6))) * 60_000
      : 0;
  if (month === undefined) return { low: Date.UTC(year, 0, 1), high: Date.UTC(year + 1, 0, 1) - 1 };
  if (day === undefined) return { low: Date.UTC(year, month - 1, 1), high: Date.UTC(year, month, 1) - 1 };
  if (h === undefined) return { low: Date.UTC(year, month - 1, day), high: Date.UTC(year, month - 1, day + 1) - 1 };
  const hour = Number(h);
  const minute = Number(mi);
  if (hour > 24 || minute > 59) return undefined;
  const base = Date.UTC(year, month - 1, day, hour, minute) - offsetMs;
  if (s === undefined) return { low: base, high: base + 60_000 - 1 };
  const second = Number(s);
  if (second > 60) return undefined;
  if (frac === undefined) return { low: base + second * 1000, high: base + second * 1000 + 999 };
  const digits = Math.min(frac.length, 3);
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  const precision = 10 ** (3 - digits);
  return { low: base + second * 1000 + ms, high: base + second * 1000 + ms + precision - 1 };
}

/** Adds days to an ISO date (YYYY-MM-DD), in UTC. */
export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
