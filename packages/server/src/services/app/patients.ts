import type { Organization, Patient } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import type { PatientListItem, PatientListResponse } from '@careloop/core/app-api/types';
import type { FhirService } from '../fhir-service';
import type { RequestContext } from '../context';
import { patientListItem } from './format';
import { byIds, searchAll } from './search';
import { idOf } from '../references';

export interface PatientQuery {
  /** Part of a name (contains), or an identifier value (exact). */
  readonly q: string;
  readonly count: number;
  readonly offset: number;
  readonly locale: Locale;
}

/** Names of the managing organisations, read once per request. */
export async function organizationNames(
  fhir: FhirService,
  ctx: RequestContext,
  patients: readonly Patient[],
): Promise<(id: string) => string | undefined> {
  const ids = patients.flatMap((p) => idOf(p.managingOrganization?.reference, 'Organization') ?? []);
  const orgs = await byIds<Organization>(fhir, ctx, 'Organization', ids);
  return (id) => orgs.get(id)?.name;
}

async function matches(fhir: FhirService, ctx: RequestContext, q: string): Promise<Patient[]> {
  const byName = await searchAll<Patient>(fhir, ctx, 'Patient', { 'name:contains': q });
  const byIdentifier = await searchAll<Patient>(fhir, ctx, 'Patient', { identifier: q });
  const seen = new Set<string>();
  return [...byIdentifier, ...byName].filter((p) => (seen.has(p.id ?? '') ? false : (seen.add(p.id ?? ''), true)));
}

/**
 * Patient search for the app: by part of a name or by an identifier value (MRN, national id), ordered by name.
 * Without `q`, every patient the user may see, by name, one page.
 */
export async function searchPatients(
  fhir: FhirService,
  ctx: RequestContext,
  today: string,
  query: PatientQuery,
): Promise<PatientListResponse> {
  const q = query.q.trim();
  let page: Patient[];
  let total: number;
  if (q) {
    const found = await matches(fhir, ctx, q);
    const items = found.map((p) => patientListItem(p, query.locale, today, () => undefined));
    const order = new Map(found.map((p, i) => [p.id ?? '', i]));
    items.sort((a, b) => a.name.localeCompare(b.name) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    const ids = new Set(items.slice(query.offset, query.offset + query.count).map((i) => i.id));
    page = found.filter((p) => ids.has(p.id ?? ''));
    total = found.length;
  } else {
    const result = await fhir.search(ctx, 'Patient', [
      ['_sort', 'family'],
      ['_count', String(query.count)],
      ['_offset', String(query.offset)],
    ]);
    page = result.resources as Patient[];
    total = result.total;
  }
  const orgName = await organizationNames(fhir, ctx, page);
  const items: PatientListItem[] = page.map((p) => patientListItem(p, query.locale, today, orgName));
  if (q) items.sort((a, b) => a.name.localeCompare(b.name));
  return { total, offset: query.offset, count: query.count, items };
}
