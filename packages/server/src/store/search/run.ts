import type { Resource } from '@medplum/fhirtypes';
import type { SqlSession } from '../backend';
import type { IncludeSpec, SearchRequest } from './request';
import { orderBy, whereClause, type SearchScope } from './sql';

export interface SearchResult {
  readonly resources: Resource[];
  /** Resources added by _include/_revinclude (search mode "include"). */
  readonly included: Resource[];
  readonly total: number;
  readonly request: SearchRequest;
}

const MANDATORY = new Set(['resourceType', 'id', 'meta']);

/** Keeps only the requested top-level elements, marking the resource SUBSETTED (FHIR _elements). */
function subset(resource: Resource, elements: readonly string[]): Resource {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(resource)) if (MANDATORY.has(k) || elements.includes(k)) out[k] = v;
  const meta = (resource.meta ?? {}) as Record<string, unknown>;
  out.meta = {
    ...meta,
    tag: [
      ...((meta.tag as unknown[] | undefined) ?? []),
      { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' },
    ],
  };
  return out as unknown as Resource;
}

async function fetchByIds(
  db: SqlSession,
  type: string,
  ids: readonly string[],
  scope: SearchScope | undefined,
): Promise<Resource[]> {
  const out: Resource[] = [];
  // Included resources pass the same access filter as the matches: another patient's records never leak.
  const visible = scope?.(type, 'r') ?? { sql: '1 = 1', params: [] };
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db.query<{ content: string }>(
      `SELECT r.content FROM resources r WHERE r.res_type = ? AND r.deleted = 0 AND r.res_id IN (${chunk.map(() => '?').join(', ')}) AND ${visible.sql}`,
      [type, ...chunk, ...visible.params],
    );
    for (const r of rows) out.push(JSON.parse(r.content) as Resource);
  }
  return out;
}

async function includes(
  db: SqlSession,
  req: SearchRequest,
  ids: readonly string[],
  scope: SearchScope | undefined,
): Promise<Resource[]> {
  if (ids.length === 0) return [];
  const marks = ids.map(() => '?').join(', ');
  const targets = new Map<string, Set<string>>();
  const add = (type: string, id: string): void => {
    const set = targets.get(type) ?? new Set<string>();
    set.add(id);
    targets.set(type, set);
  };
  const forward = req.include.filter((s: IncludeSpec) => s.sourceType === req.resourceType);
  for (const spec of forward) {
    const rows = await db.query<{ target_type: string; target_id: string }>(
      `SELECT DISTINCT target_type, target_id FROM sp_reference WHERE res_type = ? AND param = ? AND target_id IS NOT NULL AND res_id IN (${marks})${spec.targetType ? ' AND target_type = ?' : ''}`,
      [req.resourceType, spec.param.code, ...ids, ...(spec.targetType ? [spec.targetType] : [])],
    );
    for (const r of rows) add(r.target_type, r.target_id);
  }
  for (const spec of req.revinclude) {
    const rows = await db.query<{ res_id: string }>(
      `SELECT DISTINCT res_id FROM sp_reference WHERE res_type = ? AND param = ? AND target_type = ? AND target_id IN (${marks})`,
      [spec.sourceType, spec.param.code, req.resourceType, ...ids],
    );
    for (const r of rows) add(spec.sourceType, r.res_id);
  }
  const out: Resource[] = [];
  for (const [type, set] of targets) {
    const wanted = type === req.resourceType ? [...set].filter((id) => !ids.includes(id)) : [...set];
    out.push(...(await fetchByIds(db, type, wanted, scope)));
  }
  return out;
}

/**
 * Runs a parsed search: the page of matches (sorted), the total, and the included resources.
 * @param scope - access restriction applied in SQL to matches, chains and includes (none: everything)
 */
export async function runSearch(db: SqlSession, req: SearchRequest, scope?: SearchScope): Promise<SearchResult> {
  const where = whereClause(req, scope);
  const countRows = await db.query<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM resources r WHERE ${where.sql}`,
    where.params,
  );
  const total = Number(countRows[0]?.n ?? 0);
  if (req.summaryCount || req.count === 0) return { resources: [], included: [], total, request: req };
  const order = orderBy(req);
  const rows = await db.query<{ res_id: string; content: string }>(
    `SELECT r.res_id, r.content FROM resources r WHERE ${where.sql} ORDER BY ${order.sql} LIMIT ? OFFSET ?`,
    [...where.params, ...order.params, req.count, req.offset],
  );
  let resources = rows.map((r) => JSON.parse(r.content) as Resource);
  const included = await includes(
    db,
    req,
    rows.map((r) => r.res_id),
    scope,
  );
  if (req.elements) {
    const elements = req.elements;
    resources = resources.map((r) => subset(r, elements));
  }
  return { resources, included, total, request: req };
}
