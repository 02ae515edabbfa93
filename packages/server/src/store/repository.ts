import { createHash, randomUUID } from 'node:crypto';
import type { Resource } from '@medplum/fhirtypes';
import {
  gone,
  invalid,
  notFound,
  OperationOutcomeError,
  preconditionFailed,
  type Problem,
} from '@careloop/core/fhir/outcomes';
import type { SearchParamRegistry } from '../fhir-definitions/search-parameters';
import type { Backend, ResourceRow, SqlSession, VersionWrite } from './backend';
import { Indexer } from './index-rows';
import { parseSearch, type SearchRequest } from './search/request';
import { runSearch, type SearchResult } from './search/run';
import type { SearchScope, Sql } from './search/sql';

/** Validates a resource against the R4 definitions; an empty list means valid. */
export type ValidateFn = (resource: unknown) => readonly Problem[];

export interface RepositoryOptions {
  readonly validate: ValidateFn;
  readonly registry: SearchParamRegistry;
  /** Injected so tests and imports can fix "now". */
  readonly clock: () => Date;
  readonly newId?: () => string;
}

export interface HistoryEntry {
  readonly type: string;
  readonly id: string;
  readonly versionId: string;
  readonly lastUpdated: string;
  /** Absent for a deletion. */
  readonly resource?: Resource;
  readonly method: 'POST' | 'PUT' | 'DELETE';
}

export interface UpdateOptions {
  /** Expected current versionId (If-Match); a mismatch is 412. */
  readonly ifMatch?: string;
}

export interface UpsertSummary {
  created: number;
  updated: number;
  unchanged: number;
}

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** Every version of one resource: the current row and the archived ones (params: type, id, type, id). */
const VERSIONS = `SELECT version, deleted, content, last_updated FROM resources WHERE res_type = ? AND res_id = ?
  UNION ALL SELECT version, deleted, content, last_updated FROM history WHERE res_type = ? AND res_id = ?`;

interface CurrentRow {
  res_id: string;
  res_type: string;
  version: number;
  deleted: number;
  hash: string;
  content: string | null;
  last_updated: string;
}

/**
 * A resource serialised once, without the server's meta.versionId/lastUpdated and with `meta` last: `body` is hashed
 * (re-imports of unchanged content are no-ops) and completed into the stored JSON without a second stringify.
 */
export interface Serialized {
  readonly resource: Resource;
  readonly body: string;
  readonly hasMeta: boolean;
  readonly hash: string;
}

export function serialize(resource: Resource): Serialized {
  const { meta, ...rest } = resource;
  const { versionId: _v, lastUpdated: _l, ...otherMeta } = meta ?? {};
  const hasMeta = Object.keys(otherMeta).length > 0;
  const base = (hasMeta ? { ...rest, meta: otherMeta } : rest) as Resource;
  const body = JSON.stringify(base);
  return { resource: base, body, hasMeta, hash: createHash('sha1').update(body).digest('base64') };
}

/** The stored JSON: the serialised body with the server's meta appended (meta is its last member). */
function withServerMeta(s: Serialized, versionId: number, lastUpdated: string): string {
  const server = `"versionId":"${versionId}","lastUpdated":"${lastUpdated}"`;
  return s.hasMeta ? `${s.body.slice(0, -2)},${server}}}` : `${s.body.slice(0, -1)},"meta":{${server}}}`;
}

/**
 * The FHIR repository: create, read, vread, update, delete, history and search, atomic transactions, and a bulk
 * upsert for imports. Each write validates, then writes the resource, its history row and its search-index rows
 * in one transaction. Authorisation is not here: services decide who may call what.
 */
export class Repository {
  private readonly indexer: Indexer;

  constructor(
    private readonly db: SqlSession,
    private readonly options: RepositoryOptions,
    private readonly backend?: Backend,
    indexer?: Indexer,
  ) {
    this.indexer = indexer ?? new Indexer(options.registry);
  }

  /** Opens a repository on a backend. */
  static on(backend: Backend, options: RepositoryOptions): Repository {
    return new Repository(backend, options, backend);
  }

  get registry(): SearchParamRegistry {
    return this.options.registry;
  }

  /** The SQL session this repository reads and writes through (its transaction's, when bound to one). */
  get session(): SqlSession {
    return this.db;
  }

  /** Runs `fn` with a repository bound to one transaction: all its writes land together or not at all. */
  async withTransaction<T>(fn: (repo: Repository) => Promise<T>): Promise<T> {
    if (!this.backend) return fn(this);
    return this.backend.transaction((tx) => fn(new Repository(tx, this.options, undefined, this.indexer)));
  }

  newId(): string {
    return this.options.newId?.() ?? randomUUID();
  }

  /** Problems with a resource, or an empty list; checks the type is known and the id well formed. */
  check(resource: unknown): readonly Problem[] {
    if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
      return [{ message: 'A resource must be a JSON object' }];
    }
    const type = (resource as { resourceType?: unknown }).resourceType;
    if (typeof type !== 'string') return [{ message: 'resourceType is required', expression: 'resourceType' }];
    if (!this.registry.resourceTypes.includes(type)) {
      return [{ message: `Unknown resourceType "${type}"`, expression: 'resourceType' }];
    }
    return this.options.validate(resource);
  }

  private assertValid(resource: unknown): asserts resource is Resource {
    const problems = this.check(resource);
    if (problems.length > 0) throw new OperationOutcomeError(invalid(problems));
  }

  /** The Patient (id) whose compartment a resource belongs to, as stored in `patient_id`; null when none. */
  patientOf(resource: Resource): string | null {
    const r = resource as Resource & Record<string, unknown>;
    return this.indexer.patientOf(r, this.indexer.rows(r));
  }

  /** Builds the rows for a new version (does not write). */
  prepareVersion(resource: Resource | Serialized, version: number, deleted = false): VersionWrite {
    const now = this.options.clock();
    const lastUpdated = now.toISOString();
    const type = 'body' in resource ? resource.resource.resourceType : resource.resourceType;
    const id = ('body' in resource ? resource.resource.id : resource.id)!;
    const empty = { tokens: [], strings: [], dates: [], quantities: [], references: [] };
    if (deleted) {
      const row = {
        type,
        id,
        version,
        lastUpdated,
        lastUpdatedMs: now.getTime(),
        deleted,
        patientId: null,
        hash: '',
        content: null,
      };
      return { row, index: empty };
    }
    const s = 'body' in resource ? resource : serialize(resource);
    const indexed = s.resource as Resource & Record<string, unknown>;
    const index = this.indexer.rows(indexed);
    const row: ResourceRow = {
      type,
      id,
      version,
      lastUpdated,
      lastUpdatedMs: now.getTime(),
      deleted,
      patientId: this.indexer.patientOf(indexed, index),
      hash: s.hash,
      content: withServerMeta(s, version, lastUpdated),
    };
    return { row, index };
  }

  private async current(type: string, id: string, lock = false): Promise<CurrentRow | undefined> {
    const rows = await this.db.query<CurrentRow>(
      `SELECT res_id, res_type, version, deleted, hash, content, last_updated FROM resources WHERE res_type = ? AND res_id = ?${lock ? this.db.lockSuffix : ''}`,
      [type, id],
    );
    return rows[0];
  }

  private write(writes: readonly VersionWrite[]): Promise<void> {
    return this.db.writeVersions(writes);
  }

  /** Creates a resource with a new server-assigned id (any id in the body is replaced, as FHIR create does). */
  async create<T extends Resource>(resource: T, assignedId?: string): Promise<T> {
    const withId = { ...resource, id: assignedId ?? this.newId() } as T;
    this.assertValid(withId);
    const w = this.prepareVersion(withId, 1);
    await this.write([w]);
    return JSON.parse(w.row.content!) as T;
  }

  async read<T extends Resource = Resource>(type: string, id: string): Promise<T> {
    const row = await this.current(type, id);
    if (!row) throw new OperationOutcomeError(notFound(`${type}/${id}`));
    if (row.deleted) throw new OperationOutcomeError(gone(`${type}/${id}`));
    return JSON.parse(row.content!) as T;
  }

  async vread<T extends Resource = Resource>(type: string, id: string, versionId: string): Promise<T> {
    const rows = await this.db.query<{ deleted: number; content: string | null }>(
      `SELECT deleted, content FROM resources WHERE res_type = ? AND res_id = ? AND version = ?
       UNION ALL SELECT deleted, content FROM history WHERE res_type = ? AND res_id = ? AND version = ?`,
      [type, id, Number(versionId) || -1, type, id, Number(versionId) || -1],
    );
    const row = rows[0];
    if (!row) throw new OperationOutcomeError(notFound(`${type}/${id}/_history/${versionId}`));
    if (row.deleted) throw new OperationOutcomeError(gone(`${type}/${id}/_history/${versionId}`));
    return JSON.parse(row.content!) as T;
  }

  /** Creates or replaces the resource with the id in its body; `created` tells which happened. */
  async update<T extends Resource>(
    resource: T,
    options: UpdateOptions = {},
  ): Promise<{ resource: T; created: boolean }> {
    this.assertValid(resource);
    if (!resource.id || !ID.test(resource.id))
      throw new OperationOutcomeError(
        invalid([{ message: 'id is required for update', expression: `${resource.resourceType}.id` }]),
      );
    return this.withTransaction(async (repo) => {
      const row = await repo.current(resource.resourceType, resource.id!, true);
      if (options.ifMatch !== undefined && (!row || String(row.version) !== options.ifMatch)) {
        throw new OperationOutcomeError(
          preconditionFailed(
            `Version conflict: ${resource.resourceType}/${resource.id} is at version ${row?.version ?? 'none'}, not ${options.ifMatch}`,
          ),
        );
      }
      const w = repo.prepareVersion(resource, (row?.version ?? 0) + 1);
      await repo.write([w]);
      return { resource: JSON.parse(w.row.content!) as T, created: !row || row.deleted === 1 };
    });
  }

  /** Deletes (idempotently); the history keeps every version. */
  async delete(type: string, id: string): Promise<void> {
    await this.withTransaction(async (repo) => {
      const row = await repo.current(type, id, true);
      if (!row || row.deleted) return;
      await repo.write([repo.prepareVersion({ resourceType: type, id } as Resource, row.version + 1, true)]);
    });
  }

  /** Every version of one resource, newest first. */
  async history(
    type: string,
    id: string,
    count = 100,
    offset = 0,
  ): Promise<{ entries: HistoryEntry[]; total: number }> {
    const rows = await this.db.query<{
      version: number;
      deleted: number;
      content: string | null;
      last_updated: string;
    }>(`SELECT version, deleted, content, last_updated FROM (${VERSIONS}) v ORDER BY version DESC LIMIT ? OFFSET ?`, [
      type,
      id,
      type,
      id,
      count,
      offset,
    ]);
    const totalRows = await this.db.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM (${VERSIONS}) v`, [
      type,
      id,
      type,
      id,
    ]);
    const total = Number(totalRows[0]?.n ?? 0);
    if (total === 0) throw new OperationOutcomeError(notFound(`${type}/${id}`));
    return {
      total,
      entries: rows.map((r) => ({
        type,
        id,
        versionId: String(r.version),
        lastUpdated: r.last_updated,
        ...(r.content ? { resource: JSON.parse(r.content) as Resource } : {}),
        method: r.deleted ? 'DELETE' : r.version === 1 ? 'POST' : 'PUT',
      })),
    };
  }

  parseSearch(type: string, params: readonly (readonly [string, string])[]): SearchRequest {
    return parseSearch(this.registry, type, params);
  }

  /** Runs a search (see search/run.ts), restricted by `scope` when given (services/access builds it). */
  search(request: SearchRequest, scope?: SearchScope): Promise<SearchResult> {
    return runSearch(this.db, request, scope);
  }

  /**
   * Counts the live versions of one resource (the current one only, one version, or all) and those meeting
   * `condition` (on alias `r`): services use it to check access to a record without reading it.
   */
  async countVersions(
    type: string,
    id: string,
    condition: Sql,
    which: { readonly versionId?: string; readonly currentOnly?: boolean } = {},
  ): Promise<{ all: number; matching: number }> {
    const v = which.versionId === undefined ? '' : ' AND version = ?';
    const vp = which.versionId === undefined ? [] : [Number(which.versionId) || -1];
    const live = (table: string): string =>
      `SELECT res_type, res_id, patient_id FROM ${table} WHERE res_type = ? AND res_id = ? AND deleted = 0${v}`;
    const from = which.currentOnly ? live('resources') : `${live('resources')} UNION ALL ${live('history')}`;
    const params = which.currentOnly ? [type, id, ...vp] : [type, id, ...vp, type, id, ...vp];
    const rows = await this.db.query<{ n: number | string; m: number | string | null }>(
      `SELECT COUNT(*) AS n, SUM(CASE WHEN ${condition.sql} THEN 1 ELSE 0 END) AS m FROM (${from}) r`,
      [...condition.params, ...params],
    );
    return { all: Number(rows[0]?.n ?? 0), matching: Number(rows[0]?.m ?? 0) };
  }

  /** Convenience: search by query parameters. */
  async searchResources<T extends Resource = Resource>(
    type: string,
    params: Record<string, string> = {},
  ): Promise<T[]> {
    const result = await this.search(this.parseSearch(type, Object.entries(params)));
    return result.resources as T[];
  }

  /**
   * The matches of a conditional query (`identifier=sys|v&…`, repeated parameters ANDed as in a search), at most two:
   * enough to tell none, one and several apart for conditional create, update and references.
   */
  async conditionalMatches(type: string, query: string, scope?: SearchScope): Promise<Resource[]> {
    const pairs = [...new URLSearchParams(query)].filter(([k]) => k !== '_count');
    const result = await this.search(this.parseSearch(type, [...pairs, ['_count', '2']]), scope);
    return result.resources;
  }

  /**
   * Writes already-validated resources with their own ids in one transaction, skipping those whose content is
   * unchanged: importing the same data twice creates no duplicates and no new versions.
   */
  async upsertMany(resources: readonly Resource[]): Promise<UpsertSummary> {
    const summary: UpsertSummary = { created: 0, updated: 0, unchanged: 0 };
    if (resources.length === 0) return summary;
    await this.withTransaction(async (repo) => {
      const existing = await repo.currentMany(resources);
      const writes: VersionWrite[] = [];
      const seen = new Map<string, number>();
      for (const r of resources) {
        const key = `${r.resourceType}/${r.id!}`;
        const old = existing.get(key);
        const previousVersion = seen.get(key) ?? old?.version ?? 0;
        const s = serialize(r);
        if (!seen.has(key) && old && !old.deleted && old.hash === s.hash) {
          summary.unchanged++;
          continue;
        }
        const w = repo.prepareVersion(s, previousVersion + 1);
        seen.set(key, previousVersion + 1);
        writes.push(w);
        if (previousVersion === 0 || old?.deleted) summary.created++;
        else summary.updated++;
      }
      await repo.write(writes);
    });
    return summary;
  }

  private async currentMany(
    resources: readonly Resource[],
  ): Promise<Map<string, { version: number; hash: string; deleted: boolean }>> {
    const byType = new Map<string, string[]>();
    for (const r of resources) {
      const list = byType.get(r.resourceType) ?? [];
      list.push(r.id!);
      byType.set(r.resourceType, list);
    }
    const result = new Map<string, { version: number; hash: string; deleted: boolean }>();
    for (const [type, ids] of byType) {
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = await this.db.query<{ res_id: string; version: number; hash: string; deleted: number }>(
          `SELECT res_id, version, hash, deleted FROM resources WHERE res_type = ? AND res_id IN (${chunk.map(() => '?').join(', ')})${this.db.lockSuffix}`,
          [type, ...chunk],
        );
        for (const row of rows)
          result.set(`${type}/${row.res_id}`, { version: row.version, hash: row.hash, deleted: row.deleted === 1 });
      }
    }
    return result;
  }
}
