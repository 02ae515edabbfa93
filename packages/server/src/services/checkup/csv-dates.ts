/** A calendar date as checkup systems write it: `2024-03-01`, `2024/3/1`, `20240301` (a time part is ignored). */
const FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T].*)?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

export type ParsedDate = { ok: true; date: string } | { ok: false; reason: string };

/** The ISO date (YYYY-MM-DD) of a written date, or why it is not one (`2024-02-30` does not exist). */
export function parseCalendarDate(raw: string): ParsedDate {
  const text = raw.normalize('NFKC').trim();
  if (!text) return { ok: false, reason: 'missing' };
  for (const form of FORMS) {
    const m = form.exec(text);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900) {
      return { ok: false, reason: `${text} is not a real calendar date` };
    }
    return { ok: true, date: `${String(y)}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
  }
  return { ok: false, reason: `${text} is not a date (expected YYYY-MM-DD)` };
}
