/**
 * Shifting FHIR date, dateTime and instant values by whole days (https://hl7.org/fhir/R4/datatypes.html#dateTime).
 * The calendar date moves; time of day and zone offset stay as written, so intervals between two values of one
 * patient are kept exactly. Year-only values are left alone (Safe Harbor allows the year).
 */
const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?(T.*)?$/;

/** True for a FHIR date/dateTime/instant with at least month precision. */
export function isFhirDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 && (m[4] === undefined || /^T\d{2}:\d{2}/.test(m[4]));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The value moved by `days`; month-precision values move by the shift of their 15th day. */
export function shiftDate(value: string, days: number): string {
  const m = DATE.exec(value);
  if (!m) return value;
  const [, y, mo, d, rest] = m;
  const t = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 15) + days * 86_400_000);
  const ym = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}`;
  if (!d) return ym;
  return `${ym}-${pad(t.getUTCDate())}${rest ?? ''}`;
}

/** The year of a FHIR date (the first four digits). */
export function yearOf(value: string): number {
  return Number(value.slice(0, 4));
}
