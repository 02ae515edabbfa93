import type { Resource } from '@medplum/fhirtypes';
import type { FhirService } from '../fhir-service';
import type { RequestContext } from '../context';
import { allPages } from '../checkup/search-all';

/**
 * Every match of a search, page by page, through the FHIR service: the request's user is checked and the read
 * audited there, so the app API sees exactly what the user may see.
 */
export async function searchAll<T extends Resource>(
  fhir: FhirService,
  ctx: RequestContext,
  type: T['resourceType'],
  params: Readonly<Record<string, string>>,
): Promise<T[]> {
  return allPages<T>(params, (pairs) => fhir.search(ctx, type, pairs));
}

/** Resources by id, in chunks of `_id=a,b,c` searches (one query per 100 ids rather than one read each). */
export async function byIds<T extends Resource>(
  fhir: FhirService,
  ctx: RequestContext,
  type: T['resourceType'],
  ids: Iterable<string>,
): Promise<Map<string, T>> {
  const unique = [...new Set(ids)].filter(Boolean);
  const out = new Map<string, T>();
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100);
    for (const r of await searchAll<T>(fhir, ctx, type, { _id: chunk.join(',') })) if (r.id) out.set(r.id, r);
  }
  return out;
}
