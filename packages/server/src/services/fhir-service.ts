import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { OperationOutcomeError, preconditionFailed } from '@careloop/core/fhir/outcomes';
import type { HistoryEntry, Repository, UpdateOptions } from '../store/repository';
import type { SearchResult } from '../store/search/run';
import type { SearchScope } from '../store/search/sql';
import { assertStillVisible, assertVisible, assertWritable } from './access/guard';
import { AccessPolicy } from './access/policy';
import type { Operation } from './access/rules';
import { OutOfScopeError } from './access/refusal';
import { audited } from './audit/audited';
import { BufferedAuditRecorder } from './audit/buffer';
import { keyOf, patientsOf, patientsOfAll } from './audit/patients';
import type { AuditRecorder } from './audit/recorder';
import { BundleProcessor } from './bundle';
import { atMostOne } from './conditional';
import { refuseUnsignedFinal } from './checkup/report-guard';
import type { RequestContext } from './context';

const written = (r: Resource) => ({ entities: [keyOf(r)], patients: patientsOf(r) });

/**
 * The FHIR use cases behind `/fhir`: each takes the request context first, checks the user's access
 * (services/access: role rules, SMART scopes, patient scope, Consent) and leaves an audit event, refusals included.
 * Routes only translate HTTP to these calls.
 */
export class FhirService {
  constructor(
    private readonly repo: Repository,
    readonly audit: AuditRecorder,
    private readonly clock: () => Date = () => new Date(),
    private readonly inTransaction = false,
  ) {}

  /** The repository without access checks: for services that do their own (checkup) and for system work. */
  get repository(): Repository {
    return this.repo;
  }

  /**
   * Policies of requests in progress, per context (one per HTTP request): a request that reads and searches many
   * times looks up Consents once. Dropped after every write through this service, so a request that changes a
   * Consent sees it; services bound to a transaction never cache (they must see the transaction's own writes).
   */
  private readonly policies = new WeakMap<RequestContext, Promise<AccessPolicy>>();

  /** The access policy of the context's user (403 without a user). */
  policy(ctx: RequestContext): Promise<AccessPolicy> {
    if (this.inTransaction) return AccessPolicy.load(ctx, this.repo, this.clock());
    let policy = this.policies.get(ctx);
    if (!policy) {
      policy = AccessPolicy.load(ctx, this.repo, this.clock());
      this.policies.set(ctx, policy);
      policy.catch(() => this.policies.delete(ctx));
    }
    return policy;
  }

  /** 403 (audited as a refusal) unless the user may do `op` on `type` at all: conditional writes check this first. */
  async require(ctx: RequestContext, op: Operation, type: string): Promise<void> {
    const kind = op === 'delete' ? 'delete' : op === 'update' ? 'update' : op === 'create' ? 'create' : 'read';
    await audited(
      this.audit,
      ctx,
      kind,
      { entities: [type] },
      async () => {
        (await this.policy(ctx)).require(op, type);
      },
      () => ({}),
      { successes: false },
    );
  }

  /** The search restriction of the context's user, for conditional lookups done on the repository directly. */
  async searchScope(ctx: RequestContext): Promise<SearchScope> {
    return (await this.policy(ctx)).searchScope;
  }

  /**
   * Runs `fn` in one database transaction. Audit events of the work inside are appended when it ends (successes
   * only if it committed).
   */
  async withTransaction<T>(
    ctx: RequestContext,
    fn: (service: FhirService, repo: Repository) => Promise<T>,
  ): Promise<T> {
    if (this.inTransaction) return this.repo.withTransaction((repo) => fn(this.bound(repo, this.audit), repo));
    const buffer = new BufferedAuditRecorder();
    let result: T;
    try {
      result = await this.repo.withTransaction((repo) => fn(this.bound(repo, buffer), repo));
    } catch (err) {
      await buffer.flushTo(this.audit, false);
      throw err;
    } finally {
      this.policies.delete(ctx);
    }
    await buffer.flushTo(this.audit, true);
    return result;
  }

  private bound(repo: Repository, audit: AuditRecorder): FhirService {
    return new FhirService(repo, audit, this.clock, true);
  }

  read(ctx: RequestContext, type: string, id: string): Promise<Resource> {
    return audited(
      this.audit,
      ctx,
      'read',
      { entities: [`${type}/${id}`] },
      async () => {
        const policy = await this.policy(ctx);
        policy.require('read', type);
        await assertVisible(policy, this.repo, type, id, { currentOnly: true });
        return this.repo.read(type, id);
      },
      written,
    );
  }

  vread(ctx: RequestContext, type: string, id: string, versionId: string): Promise<Resource> {
    return audited(
      this.audit,
      ctx,
      'vread',
      { entities: [`${type}/${id}/_history/${versionId}`] },
      async () => {
        const policy = await this.policy(ctx);
        policy.require('read', type);
        await assertVisible(policy, this.repo, type, id, { versionId });
        const resource = await this.repo.vread(type, id, versionId);
        if (!policy.released(resource)) throw new OutOfScopeError(`${type}/${id}/_history/${versionId}`);
        return resource;
      },
      written,
    );
  }

  create(ctx: RequestContext, resource: Resource): Promise<Resource> {
    return this.audited(ctx, 'create', resource, async (_tx, repo, policy) => {
      policy.require('create', resource.resourceType);
      refuseUnsignedFinal(resource, undefined);
      // The id in the body is replaced by a new one: only the patient of the new content matters.
      await assertWritable(policy, repo, { ...resource, id: undefined });
      const saved = await repo.create(resource);
      await assertStillVisible(policy, repo, saved);
      return saved;
    });
  }

  /** Create keeping the id already assigned (transaction entries whose id other entries reference). */
  createWithId(ctx: RequestContext, resource: Resource): Promise<Resource> {
    return this.audited(ctx, 'create', resource, async (_tx, repo, policy) => {
      policy.require('create', resource.resourceType);
      refuseUnsignedFinal(resource, undefined);
      await assertWritable(policy, repo, resource);
      const saved = await repo.create(resource, resource.id);
      await assertStillVisible(policy, repo, saved);
      return saved;
    });
  }

  /**
   * Conditional create: returns the existing match instead of creating when `ifNoneExist` matches one. Only
   * records the user may see are matched: the lookup never reveals others (a match elsewhere is simply not found).
   */
  async createIfNoneExist(
    ctx: RequestContext,
    resource: Resource,
    ifNoneExist: string,
  ): Promise<{ resource: Resource; created: boolean }> {
    return this.withTransaction(ctx, async (tx, repo) => {
      await tx.require(ctx, 'create', resource.resourceType);
      const scope = await tx.searchScope(ctx);
      const existing = atMostOne(
        await repo.conditionalMatches(resource.resourceType, ifNoneExist, scope),
        'If-None-Exist',
      );
      if (existing) {
        // What the client learns is the existing record: audited as a read of it.
        await tx.audit.record(ctx, {
          kind: 'read',
          outcome: 'success',
          ...written(existing),
          detail: 'If-None-Exist match',
        });
        return { resource: existing, created: false };
      }
      return { resource: await tx.create(ctx, resource), created: true };
    });
  }

  /** Update; a CareLoop checkup report becomes final (or changes once signed) only through the sign-off service. */
  update(
    ctx: RequestContext,
    resource: Resource,
    options: UpdateOptions = {},
  ): Promise<{ resource: Resource; created: boolean }> {
    return this.audited(
      ctx,
      'update',
      resource,
      async (_tx, repo, policy) => {
        policy.require('update', resource.resourceType);
        await assertWritable(policy, repo, resource);
        const current = resource.id
          ? await repo.read(resource.resourceType, resource.id).catch(() => undefined)
          : undefined;
        refuseUnsignedFinal(resource, current);
        const result = await repo.update(resource, options);
        await assertStillVisible(policy, repo, result.resource);
        return result;
      },
      (r) => r.resource,
    );
  }

  /** Conditional update: update the one match the user may see, create if none, 412 if several. */
  async conditionalUpdate(
    ctx: RequestContext,
    resource: Resource,
    query: string,
  ): Promise<{ resource: Resource; created: boolean }> {
    return this.withTransaction(ctx, async (tx, repo) => {
      await tx.require(ctx, 'update', resource.resourceType);
      const scope = await tx.searchScope(ctx);
      const match = atMostOne(await repo.conditionalMatches(resource.resourceType, query, scope), 'Conditional update');
      if (match && resource.id && resource.id !== match.id) {
        throw new OperationOutcomeError(
          preconditionFailed('The resource id does not match the resource found by the condition'),
        );
      }
      return tx.update(ctx, { ...resource, id: match?.id ?? resource.id ?? repo.newId() });
    });
  }

  /** Deletes; an out-of-scope record is answered as missing (404), like a read. */
  async delete(ctx: RequestContext, type: string, id: string): Promise<void> {
    await this.audited(ctx, 'delete', { resourceType: type, id } as Resource, async (_tx, repo, policy) => {
      policy.require('delete', type);
      await assertVisible(policy, repo, type, id, { currentOnly: true });
      const current = await repo.read(type, id).catch(() => undefined);
      if (current) refuseUnsignedFinal({ ...current, status: 'entered-in-error' } as Resource, current);
      await repo.delete(type, id);
      return { resourceType: type, id } as Resource;
    });
  }

  /** Every version; visible only when every version is (a record's history stays its patient's). */
  history(
    ctx: RequestContext,
    type: string,
    id: string,
    count?: number,
    offset?: number,
  ): Promise<{ entries: HistoryEntry[]; total: number }> {
    return audited(
      this.audit,
      ctx,
      'history',
      { entities: [`${type}/${id}`] },
      async () => {
        const policy = await this.policy(ctx);
        policy.require('read', type);
        await assertVisible(policy, this.repo, type, id, {});
        const h = await this.repo.history(type, id, count, offset);
        // A patient sees only the released versions of reports (the total counts what was hidden out).
        const entries = h.entries.filter((e) => !e.resource || policy.released(e.resource));
        return { entries, total: h.total - (h.entries.length - entries.length) };
      },
      (h) => ({
        entities: [`${type}/${id}`],
        patients: patientsOfAll(h.entries.flatMap((e) => (e.resource ? [e.resource] : []))),
      }),
    );
  }

  /** A search restricted in SQL to what the user may see: matches, chains and _include/_revinclude alike. */
  search(ctx: RequestContext, type: string, params: readonly (readonly [string, string])[]): Promise<SearchResult> {
    const query = `${type}?${new URLSearchParams(params as [string, string][]).toString()}`;
    return audited(
      this.audit,
      ctx,
      'search',
      { query },
      async () => {
        const policy = await this.policy(ctx);
        policy.require('search', type);
        return this.repo.search(this.repo.parseSearch(type, params), policy.searchScope);
      },
      (r) => {
        const all = [...r.resources, ...r.included];
        return { query, entities: all.map(keyOf), patients: patientsOfAll(all) };
      },
    );
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

  /** A batch or transaction: every entry goes through the same checks; one audit event for the Bundle too. */
  batchOrTransaction(ctx: RequestContext, bundle: unknown): Promise<Bundle> {
    const kind = (bundle as Bundle | undefined)?.type === 'batch' ? 'batch' : 'transaction';
    return audited(
      this.audit,
      ctx,
      kind,
      {},
      () => new BundleProcessor(this).process(ctx, bundle),
      (b) => ({ entities: (b.entry ?? []).flatMap((e) => (e.response?.location ? [e.response.location] : [])) }),
    );
  }

  /** A write in its own transaction (or the caller's), with the policy loaded and one audit event. */
  private audited<T>(
    ctx: RequestContext,
    kind: 'create' | 'update' | 'delete',
    target: Resource,
    fn: (tx: FhirService, repo: Repository, policy: AccessPolicy) => Promise<T>,
    savedOf: (value: T) => Resource = (v) => v as Resource,
  ): Promise<T> {
    const asked = { entities: [target.id ? keyOf(target) : target.resourceType], patients: patientsOf(target) };
    return audited(
      this.audit,
      ctx,
      kind,
      asked,
      () => this.withTransaction(ctx, async (tx, repo) => fn(tx, repo, await tx.policy(ctx))),
      (v) => written(savedOf(v)),
    );
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
