import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { OperationOutcomeError, preconditionFailed } from '@careloop/core/fhir/outcomes';
import type { HistoryEntry, Repository, UpdateOptions } from '../store/repository';
import type { SearchResult } from '../store/search/run';
import { BundleProcessor } from './bundle';
import { atMostOne } from './conditional';
import { refuseUnsignedFinal } from './checkup/report-guard';
import type { RequestContext } from './context';
import type { AuditRecorder } from './audit/recorder';

/**
 * The FHIR use cases behind `/fhir`: each takes the request context first. This is where authorisation and
 * audit attach (security issue); routes only translate HTTP to these calls.
 */
export class FhirService {
  constructor(
    private readonly repo: Repository,
    readonly audit: AuditRecorder,
  ) {}

  get repository(): Repository {
    return this.repo;
  }

  withTransaction<T>(_ctx: RequestContext, fn: (service: FhirService, repo: Repository) => Promise<T>): Promise<T> {
    return this.repo.withTransaction((repo) => fn(new FhirService(repo, this.audit), repo));
  }

  read(_ctx: RequestContext, type: string, id: string): Promise<Resource> {
    return this.repo.read(type, id);
  }

  vread(_ctx: RequestContext, type: string, id: string, versionId: string): Promise<Resource> {
    return this.repo.vread(type, id, versionId);
  }

  create(_ctx: RequestContext, resource: Resource): Promise<Resource> {
    refuseUnsignedFinal(resource, undefined);
    return this.repo.create(resource);
  }

  /** Create keeping the id already assigned (transaction entries whose id other entries reference). */
  createWithId(_ctx: RequestContext, resource: Resource): Promise<Resource> {
    refuseUnsignedFinal(resource, undefined);
    return this.repo.create(resource, resource.id);
  }

  /** Conditional create: returns the existing match instead of creating when `ifNoneExist` matches one. */
  async createIfNoneExist(
    ctx: RequestContext,
    resource: Resource,
    ifNoneExist: string,
  ): Promise<{ resource: Resource; created: boolean }> {
    return this.withTransaction(ctx, async (tx, repo) => {
      const existing = atMostOne(await repo.conditionalMatches(resource.resourceType, ifNoneExist), 'If-None-Exist');
      if (existing) return { resource: existing, created: false };
      return { resource: await tx.create(ctx, resource), created: true };
    });
  }

  /** Update; a CareLoop checkup report becomes final (or changes once signed) only through the sign-off service. */
  update(
    ctx: RequestContext,
    resource: Resource,
    options: UpdateOptions = {},
  ): Promise<{ resource: Resource; created: boolean }> {
    return this.withTransaction(ctx, async (_tx, repo) => {
      const current = resource.id
        ? await repo.read(resource.resourceType, resource.id).catch(() => undefined)
        : undefined;
      refuseUnsignedFinal(resource, current);
      return repo.update(resource, options);
    });
  }

  /** Conditional update: update the one match, create if none, 412 if several. */
  async conditionalUpdate(
    ctx: RequestContext,
    resource: Resource,
    query: string,
  ): Promise<{ resource: Resource; created: boolean }> {
    return this.withTransaction(ctx, async (tx, repo) => {
      const match = atMostOne(await repo.conditionalMatches(resource.resourceType, query), 'Conditional update');
      if (match && resource.id && resource.id !== match.id) {
        throw new OperationOutcomeError(
          preconditionFailed('The resource id does not match the resource found by the condition'),
        );
      }
      return tx.update(ctx, { ...resource, id: match?.id ?? resource.id ?? repo.newId() });
    });
  }

  async delete(ctx: RequestContext, type: string, id: string): Promise<void> {
    await this.withTransaction(ctx, async (_tx, repo) => {
      const current = await repo.read(type, id).catch(() => undefined);
      if (current) refuseUnsignedFinal({ ...current, status: 'entered-in-error' } as Resource, current);
      await repo.delete(type, id);
    });
  }

  history(
    _ctx: RequestContext,
    type: string,
    id: string,
    count?: number,
    offset?: number,
  ): Promise<{ entries: HistoryEntry[]; total: number }> {
    return this.repo.history(type, id, count, offset);
  }

  search(_ctx: RequestContext, type: string, params: readonly (readonly [string, string])[]): Promise<SearchResult> {
    return this.repo.search(this.repo.parseSearch(type, params));
  }

  /** A search as a `searchset` Bundle with self/next/previous links. */
  async searchBundle(
    ctx: RequestContext,
    type: string,
    params: readonly (readonly [string, string])[],
  ): Promise<Bundle> {
    const result = await this.search(ctx, type, params);
    return searchsetBundle(ctx.baseUrl, type, params, result);
  }

  batchOrTransaction(ctx: RequestContext, bundle: unknown): Promise<Bundle> {
    return new BundleProcessor(this).process(ctx, bundle);
  }
}

function pageUrl(base: string, type: string, params: readonly (readonly [string, string])[], offset: number): string {
  const q = new URLSearchParams(params.filter(([k]) => k !== '_offset') as [string, string][]);
  if (offset > 0) q.set('_offset', String(offset));
  const qs = q.toString();
  return `${base}/${type}${qs ? `?${qs}` : ''}`;
}

/** Builds the searchset Bundle of a search result. */
export function searchsetBundle(
  base: string,
  type: string,
  params: readonly (readonly [string, string])[],
  result: SearchResult,
): Bundle {
  const { count, offset } = result.request;
  const link: Bundle['link'] = [{ relation: 'self', url: pageUrl(base, type, params, offset) }];
  if (!result.request.summaryCount && count > 0 && offset + count < result.total) {
    link.push({ relation: 'next', url: pageUrl(base, type, params, offset + count) });
  }
  if (offset > 0) link.push({ relation: 'previous', url: pageUrl(base, type, params, Math.max(0, offset - count)) });
  const entry: BundleEntry[] = [
    ...result.resources.map((r) => ({
      fullUrl: `${base}/${r.resourceType}/${r.id!}`,
      resource: r,
      search: { mode: 'match' as const },
    })),
    ...result.included.map((r) => ({
      fullUrl: `${base}/${r.resourceType}/${r.id!}`,
      resource: r,
      search: { mode: 'include' as const },
    })),
  ];
  return { resourceType: 'Bundle', type: 'searchset', total: result.total, link, ...(entry.length ? { entry } : {}) };
}
