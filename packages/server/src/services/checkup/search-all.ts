import type { Resource } from '@medplum/fhirtypes';
import type { Repository } from '../../store/repository';

const PAGE = 1000;

/** Every match of a search, page by page (the store caps a page at 1,000). */
export async function searchAll<T extends Resource>(
  repo: Repository,
  type: T['resourceType'],
  params: Record<string, string>,
): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await repo.search(
      repo.parseSearch(type, Object.entries({ ...params, _count: String(PAGE), _offset: String(offset) })),
    );
    out.push(...(page.resources as T[]));
    if (page.resources.length < PAGE || out.length >= page.total) return out;
  }
}
