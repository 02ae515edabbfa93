import { randomUUID } from 'node:crypto';
import type { Bundle, BundleEntry, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { badRequest, invalid, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { Repository } from '../store/repository';
import type { SearchScope } from '../store/search/sql';
import type { FhirService } from './fhir-service';
import { atMostOne } from './conditional';
import { isConditionalReference, rewriteReferences } from './references';
import type { RequestContext } from './context';

/**
 * Batch and transaction Bundles (https://hl7.org/fhir/R4/http.html#transaction): a transaction is all-or-nothing,
 * processed DELETE → POST → PUT → GET, with `urn:uuid:` and conditional references resolved to the ids given.
 */
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const ORDER: Readonly<Record<Method, number>> = { DELETE: 0, POST: 1, PUT: 2, GET: 3 };

interface Planned {
  readonly index: number;
  readonly method: Method;
  readonly url: string;
  readonly entry: BundleEntry;
  /** For POST/PUT: the type and id the resource will have. */
  type?: string;
  id?: string;
  /** Conditional create that matched an existing resource. */
  existing?: Resource;
}

function fail(message: string, expression: string): never {
  throw new OperationOutcomeError(badRequest(message, expression));
}

function planEntry(entry: BundleEntry, index: number): Planned {
  const where = `Bundle.entry[${index}]`;
  // Bodies are untrusted JSON: check shapes before use (found by http/fuzz.int.test.ts).
  const request = typeof entry === 'object' && entry !== null ? (entry.request as unknown) : undefined;
  const { method, url } = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  if (typeof method !== 'string' || typeof url !== 'string' || !url)
    fail('Each entry needs request.method and request.url', `${where}.request`);
  if (!Object.hasOwn(ORDER, method)) fail(`Method ${method} is not supported in a Bundle`, `${where}.request.method`);
  return { index, method: method as Method, url, entry };
}

/** Parses `Type`, `Type/id`, `Type?query` request URLs. */
function splitUrl(url: string): { type: string; id?: string; query?: string } {
  const [path = '', query] = url.replace(/^\//, '').split('?');
  const [type = '', id] = path.split('/');
  return { type, ...(id ? { id } : {}), ...(query !== undefined ? { query } : {}) };
}

function entryOutcome(err: unknown): { status: string; outcome: OperationOutcome } {
  if (err instanceof OperationOutcomeError) return { status: String(err.status), outcome: err.outcome };
  return { status: '500', outcome: badRequest('Internal error processing entry') };
}

export class BundleProcessor {
  constructor(private readonly service: FhirService) {}

  async process(ctx: RequestContext, bundle: unknown): Promise<Bundle> {
    const b = bundle as Bundle;
    if (b?.resourceType !== 'Bundle') fail('Expected a Bundle', 'resourceType');
    if (b.type !== 'transaction' && b.type !== 'batch') fail('Bundle.type must be transaction or batch', 'Bundle.type');
    if (b.entry !== undefined && !Array.isArray(b.entry)) fail('Bundle.entry must be an array', 'Bundle.entry');
    const entries = (b.entry ?? []).map(planEntry);
    return b.type === 'transaction' ? this.transaction(ctx, entries) : this.batch(ctx, entries);
  }

  private async transaction(ctx: RequestContext, planned: Planned[]): Promise<Bundle> {
    const responses = await this.service.withTransaction(ctx, async (tx, repo) => {
      const scope = await tx.searchScope(ctx);
      const refs = await this.assignIds(repo, planned, scope);
      const out: BundleEntry[] = new Array<BundleEntry>(planned.length);
      const order = [...planned].sort((a, b) => ORDER[a.method] - ORDER[b.method] || a.index - b.index);
      for (const p of order) {
        try {
          out[p.index] = await this.execute(ctx, tx, repo, p, refs, scope);
        } catch (err) {
          if (err instanceof OperationOutcomeError) {
            const issue = err.outcome.issue?.map((i) => ({
              ...i,
              expression: i.expression?.map(
                (e) => `Bundle.entry[${p.index}].resource.${e.replace(/^[A-Z][A-Za-z]+\./, '')}`,
              ) ?? [`Bundle.entry[${p.index}]`],
            }));
            throw new OperationOutcomeError({ ...err.outcome, issue: issue ?? [] });
          }
          throw err;
        }
      }
      return out;
    });
    return { resourceType: 'Bundle', id: randomUUID(), type: 'transaction-response', entry: responses };
  }

  private async batch(ctx: RequestContext, planned: Planned[]): Promise<Bundle> {
    const entry: BundleEntry[] = [];
    for (const p of planned) {
      try {
        entry.push(
          await this.service.withTransaction(ctx, async (tx, repo) => {
            const scope = await tx.searchScope(ctx);
            return this.execute(ctx, tx, repo, p, await this.assignIds(repo, [p], scope), scope);
          }),
        );
      } catch (err) {
        const { status, outcome } = entryOutcome(err);
        entry.push({ response: { status, outcome } });
      }
    }
    return { resourceType: 'Bundle', id: randomUUID(), type: 'batch-response', entry };
  }

  /**
   * Gives each POST/PUT entry its final type/id; maps fullUrls to `Type/id` for reference rewriting. Conditional
   * lookups see only what the user may see (`scope`), so they never reveal other records.
   */
  private async assignIds(repo: Repository, planned: Planned[], scope: SearchScope): Promise<Map<string, string>> {
    const refs = new Map<string, string>();
    for (const p of planned) {
      if (p.method !== 'POST' && p.method !== 'PUT') continue;
      const resource = p.entry.resource;
      const where = `Bundle.entry[${p.index}]`;
      if (!resource) fail(`${p.method} entries need a resource`, `${where}.resource`);
      const { type, id, query } = splitUrl(p.url);
      if (type !== resource.resourceType)
        fail(`request.url type ${type} does not match ${resource.resourceType}`, `${where}.request.url`);
      p.type = type;
      if (p.method === 'POST') {
        const ifNoneExist = p.entry.request?.ifNoneExist;
        if (ifNoneExist) {
          const existing = atMostOne(await repo.conditionalMatches(type, ifNoneExist, scope), `${where}: ifNoneExist`);
          if (existing) p.existing = existing;
        }
        p.id = p.existing?.id ?? repo.newId();
      } else if (query !== undefined) {
        const match = atMostOne(await repo.conditionalMatches(type, query, scope), `${where}: conditional update`);
        p.id = match?.id ?? resource.id ?? repo.newId();
      } else {
        if (!id) fail('PUT needs request.url Type/id', `${where}.request.url`);
        p.id = id;
      }
      if (p.entry.fullUrl) refs.set(p.entry.fullUrl, `${type}/${p.id}`);
    }
    return refs;
  }

  private async resolveReferences(
    repo: Repository,
    resource: Resource,
    refs: Map<string, string>,
    where: string,
    scope: SearchScope,
  ): Promise<Resource> {
    const conditional = new Map<string, string>();
    const unresolved: string[] = [];
    const pending: string[] = [];
    rewriteReferences(resource, (r) => {
      if (isConditionalReference(r)) pending.push(r);
      return r;
    });
    for (const r of pending) {
      const [type = '', query = ''] = r.split('?');
      const matches = await repo.conditionalMatches(type, query, scope);
      if (matches.length !== 1) unresolved.push(`${r} (${matches.length === 0 ? 'no match' : 'several matches'})`);
      else conditional.set(r, `${type}/${matches[0]!.id!}`);
    }
    const rewritten = rewriteReferences(resource, (r) => {
      if (refs.has(r)) return refs.get(r)!;
      if (conditional.has(r)) return conditional.get(r)!;
      if (r.startsWith('urn:uuid:') || r.startsWith('urn:oid:')) unresolved.push(`${r} (not in this bundle)`);
      return r;
    });
    if (unresolved.length) {
      throw new OperationOutcomeError(
        invalid(unresolved.map((u) => ({ message: `Unresolved reference ${u}`, expression: where }))),
      );
    }
    return rewritten;
  }

  private async execute(
    ctx: RequestContext,
    tx: FhirService,
    repo: Repository,
    p: Planned,
    refs: Map<string, string>,
    scope: SearchScope,
  ): Promise<BundleEntry> {
    const where = `Bundle.entry[${p.index}]`;
    const { type, id, query } = splitUrl(p.url);
    switch (p.method) {
      case 'GET': {
        if (id) return { resource: await tx.read(ctx, type, id), response: { status: '200' } };
        return {
          resource: await tx.searchBundle(ctx, type, [...new URLSearchParams(query ?? '')]),
          response: { status: '200' },
        };
      }
      case 'DELETE': {
        if (!id) fail('DELETE needs request.url Type/id', `${where}.request.url`);
        await tx.delete(ctx, type, id);
        return { response: { status: '204' } };
      }
      case 'POST':
      case 'PUT': {
        // A conditional create that matched still needs the right to create (the match itself is in scope).
        if (p.existing) await tx.require(ctx, 'create', type);
        if (p.existing)
          return {
            response: {
              status: '200',
              location: `${type}/${p.existing.id!}/_history/${p.existing.meta?.versionId ?? '1'}`,
            },
          };
        const resource = await this.resolveReferences(repo, { ...p.entry.resource!, id: p.id! }, refs, where, scope);
        const ifMatch = p.entry.request?.ifMatch?.replace(/^W\//, '').replace(/"/g, '');
        const { resource: saved, created } =
          p.method === 'POST'
            ? { resource: await tx.createWithId(ctx, resource), created: true }
            : await tx.update(ctx, resource, ifMatch ? { ifMatch } : {});
        return {
          fullUrl: `${ctx.baseUrl}/${type}/${saved.id!}`,
          resource: saved,
          response: {
            status: created ? '201' : '200',
            location: `${type}/${saved.id!}/_history/${saved.meta!.versionId!}`,
            etag: `W/"${saved.meta!.versionId!}"`,
            lastModified: saved.meta!.lastUpdated!,
          },
        };
      }
    }
  }
}
