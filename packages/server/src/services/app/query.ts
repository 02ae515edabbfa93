import { badRequest, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import { LOCALES, type Locale } from '@careloop/core/i18n';
import type { WorklistKind, WorklistSort } from '@careloop/core/app-api/types';
import type { WorklistQuery } from './worklist';
import type { PatientQuery } from './patients';

export type Query = Readonly<Record<string, unknown>>;

const KINDS: readonly WorklistKind[] = ['awaiting-sign-off', 'urgent-finding', 'follow-up-due', 'follow-up-overdue'];
const SORTS: readonly WorklistSort[] = ['date', '-date', 'severity', 'patient'];

function text(q: Query, name: string): string | undefined {
  const v = q[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new OperationOutcomeError(badRequest(`${name} must be given once`, name));
  return v;
}

function int(q: Query, name: string, fallback: number, min: number, max: number): number {
  const v = text(q, name);
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max)
    throw new OperationOutcomeError(
      badRequest(`${name} must be a whole number from ${String(min)} to ${String(max)}`, name),
    );
  return n;
}

/** The `locale` parameter, else the server's default. */
export function localeOf(q: Query, fallback: Locale): Locale {
  const v = text(q, 'locale');
  if (v === undefined || v === '') return fallback;
  const found = LOCALES.find((l) => l === v);
  if (!found) throw new OperationOutcomeError(badRequest(`locale must be one of ${LOCALES.join(', ')}`, 'locale'));
  return found;
}

/** GET /api/worklist parameters; 400 naming the parameter when one is wrong. */
export function worklistQuery(q: Query, fallbackLocale: Locale): WorklistQuery {
  const kinds = (text(q, 'kind') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => {
      const found = KINDS.find((x) => x === k);
      if (!found) throw new OperationOutcomeError(badRequest(`kind must be one of ${KINDS.join(', ')}`, 'kind'));
      return found;
    });
  const sortText = text(q, 'sort') || 'date';
  const sort = SORTS.find((s) => s === sortText);
  if (!sort) throw new OperationOutcomeError(badRequest(`sort must be one of ${SORTS.join(', ')}`, 'sort'));
  return {
    kinds,
    sort,
    count: int(q, '_count', 50, 1, 500),
    offset: int(q, '_offset', 0, 0, 1_000_000),
    dueWithinDays: int(q, 'dueWithinDays', 30, 0, 3650),
    locale: localeOf(q, fallbackLocale),
  };
}

/** GET /api/patients parameters. */
export function patientQuery(q: Query, fallbackLocale: Locale): PatientQuery {
  const search = text(q, 'q') ?? '';
  if (search.length > 200) throw new OperationOutcomeError(badRequest('q must be at most 200 characters', 'q'));
  return {
    q: search,
    count: int(q, '_count', 20, 1, 200),
    offset: int(q, '_offset', 0, 0, 1_000_000),
    locale: localeOf(q, fallbackLocale),
  };
}
