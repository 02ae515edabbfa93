import type { Resource } from '@medplum/fhirtypes';
import type { Repository } from '../../store/repository';

/** The store caps a page at 1,000. */
const PAGE = 1000;

type Page = { readonly resources: readonly Resource[]; readonly total: number };

/** Every match of a search, asking `search` for one page of query parameters after another. */
export async function allPages<T extends Resource>(
  params: Readonly<Record<string, string>>,
  search: (pairs: [string, string][]) => Promise<Page>,
): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await search(Object.entries({ ...params, _count: String(PAGE), _offset: String(offset) }));
    out.push(...(page.resources as T[]));
    if (page.resources.length < PAGE || out.length >= page.total) return out;
  }
}

/** Every match of a search on the repository (server-side work that is not a user's request). */
export function searchAll<T extends Resource>(
  repo: Repository,
  type: T['resourceType'],
  params: Record<string, string>,
): Promise<T[]> {
  return allPages<T>(params, (pairs) => repo.search(repo.parseSearch(type, pairs)));
}
