import { dateRange } from '@careloop/core/fhir/dates';
import { badRequest, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import { toCanonical } from '@careloop/core/fhir/units';
import type { SqlValue } from '../backend';
import { parseReference } from '../index-rows';
import { normalizeString } from '../normalize';
import type { Filter, SearchRequest, SortKey } from './request';

/**
 * Turns a parsed search into SQL over the resources table and the search-index tables. Written once for both
 * dialects (`?` placeholders; only standard SQL). Every condition is a sub-select on (res_type, param, …)
 * keyed indexes, so a query stays within what a patient-distributed database (Citus) can run.
 */
export interface Sql {
  readonly sql: string;
  readonly params: SqlValue[];
}

/**
 * An access restriction (built by services/access): the condition a row of `type` under `alias` must meet to be
 * seen. Applied to the matches, to chained targets and to _include/_revinclude results.
 */
export type SearchScope = (type: string, alias: string) => Sql;

const TABLE: Readonly<Record<string, string>> = {
  token: 'sp_token',
  uri: 'sp_token',
  string: 'sp_string',
  date: 'sp_date',
  number: 'sp_quantity',
  quantity: 'sp_quantity',
  reference: 'sp_reference',
};

const PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap'] as const;
type Prefix = (typeof PREFIXES)[number];
const UCUM = 'http://unitsofmeasure.org';

function fail(message: string, expression: string): never {
  throw new OperationOutcomeError(badRequest(message, expression));
}

function splitPrefix(value: string): { prefix: Prefix; rest: string } {
  const p = PREFIXES.find((x) => value.startsWith(x) && /^[\d-]/.test(value.slice(2)));
  return p ? { prefix: p, rest: value.slice(2) } : { prefix: 'eq', rest: value };
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Compares a target range [lo, hi] (SQL expressions) with a search range, as FHIR date prefixes define it. */
function rangeCondition(prefix: Prefix, lo: string, hi: string, low: number, high: number): Sql {
  const eq = `(${lo} >= ? AND ${hi} <= ?)`;
  switch (prefix) {
    case 'eq':
      return { sql: eq, params: [low, high] };
    case 'ne':
      return { sql: `NOT ${eq}`, params: [low, high] };
    case 'gt':
      return { sql: `${hi} > ?`, params: [high] };
    case 'lt':
      return { sql: `${lo} < ?`, params: [low] };
    case 'ge':
      return { sql: `(${hi} > ? OR ${eq})`, params: [high, low, high] };
    case 'le':
      return { sql: `(${lo} < ? OR ${eq})`, params: [low, low, high] };
    case 'sa':
      return { sql: `${lo} > ?`, params: [high] };
    case 'eb':
      return { sql: `${hi} < ?`, params: [low] };
    case 'ap': {
      // Approximately: overlaps the search range widened by 10% of its distance on each side (at least a day).
      const margin = Math.max(86_400_000, (high - low) * 0.1);
      return { sql: `(${lo} <= ? AND ${hi} >= ?)`, params: [high + margin, low - margin] };
    }
  }
}

function dateValue(f: Filter, value: string, lo: string, hi: string): Sql {
  const { prefix, rest } = splitPrefix(value);
  const range = dateRange(rest);
  if (!range) fail(`Invalid date "${value}" for ${f.param.code}`, f.param.code);
  return rangeCondition(prefix, lo, hi, range.low, range.high);
}

/** A number's implicit range from its precision: 100 means [99.5, 100.5) (FHIR search, number). */
function numberBounds(text: string): { value: number; low: number; high: number } {
  const value = Number(text);
  const decimals = text.includes('.') ? text.split('.')[1]!.replace(/e.*$/i, '').length : 0;
  const half = 0.5 * 10 ** -decimals;
  return { value, low: value - half, high: value + half };
}

function numericCondition(prefix: Prefix, column: string, b: { value: number; low: number; high: number }): Sql {
  switch (prefix) {
    case 'eq':
      return { sql: `(${column} >= ? AND ${column} < ?)`, params: [b.low, b.high] };
    case 'ne':
      return { sql: `NOT (${column} >= ? AND ${column} < ?)`, params: [b.low, b.high] };
    case 'gt':
    case 'sa':
      return { sql: `${column} > ?`, params: [b.value] };
    case 'lt':
    case 'eb':
      return { sql: `${column} < ?`, params: [b.value] };
    case 'ge':
      return { sql: `${column} >= ?`, params: [b.value] };
    case 'le':
      return { sql: `${column} <= ?`, params: [b.value] };
    case 'ap': {
      const m = Math.abs(b.value) * 0.1;
      return { sql: `(${column} >= ? AND ${column} <= ?)`, params: [b.value - m, b.value + m] };
    }
  }
}

function quantityValue(f: Filter, value: string): Sql {
  const { prefix, rest } = splitPrefix(value);
  const [num = '', system = '', code = ''] = rest.split('|');
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(num)) fail(`Invalid number "${value}" for ${f.param.code}`, f.param.code);
  const b = numberBounds(num);
  if (!code) return numericCondition(prefix, 'x.value', b);
  if (!system || system === UCUM) {
    const lo = toCanonical(b.low, code);
    const mid = toCanonical(b.value, code);
    const hi = toCanonical(b.high, code);
    if (lo && mid && hi) {
      const c = numericCondition(prefix, 'x.canon_value', { value: mid.value, low: lo.value, high: hi.value });
      return { sql: `(x.canon_dim = ? AND ${c.sql})`, params: [mid.dimension, ...c.params] };
    }
  }
  const c = numericCondition(prefix, 'x.value', b);
  return system
    ? { sql: `(x.system = ? AND x.code = ? AND ${c.sql})`, params: [system, code, ...c.params] }
    : { sql: `(x.code = ? AND ${c.sql})`, params: [code, ...c.params] };
}

function tokenValue(f: Filter, value: string): Sql {
  if (f.modifier === 'text')
    return { sql: "x.text LIKE ? ESCAPE '\\'", params: [`${likeEscape(normalizeString(value))}%`] };
  if (f.param.type === 'uri') {
    if (f.modifier === 'below') return { sql: "x.code LIKE ? ESCAPE '\\'", params: [`${likeEscape(value)}%`] };
    if (f.modifier === 'above') return { sql: "? LIKE x.code || '%'", params: [value] };
    return { sql: 'x.code = ?', params: [value] };
  }
  const bar = value.indexOf('|');
  if (bar < 0) return { sql: 'x.code = ?', params: [value] };
  const system = value.slice(0, bar);
  const code = value.slice(bar + 1);
  if (!system) return { sql: '(x.system IS NULL AND x.code = ?)', params: [code] };
  if (!code) return { sql: 'x.system = ?', params: [system] };
  return { sql: '(x.system = ? AND x.code = ?)', params: [system, code] };
}

function stringValue(f: Filter, value: string): Sql {
  if (f.modifier === 'exact') return { sql: 'x.exact = ?', params: [value] };
  const v = likeEscape(normalizeString(value));
  return { sql: "x.value LIKE ? ESCAPE '\\'", params: [f.modifier === 'contains' ? `%${v}%` : `${v}%`] };
}

function referenceValue(f: Filter, value: string): Sql {
  const typed = f.modifier && /^[A-Z]/.test(f.modifier) ? f.modifier : undefined;
  const parsed = parseReference(value);
  if (parsed) return { sql: '(x.target_type = ? AND x.target_id = ?)', params: [parsed.type, parsed.id] };
  if (/^[A-Za-z0-9\-.]{1,64}$/.test(value)) {
    return typed
      ? { sql: '(x.target_type = ? AND x.target_id = ?)', params: [typed, value] }
      : { sql: 'x.target_id = ?', params: [value] };
  }
  return { sql: 'x.raw = ?', params: [value] };
}

const MODIFIERS: Readonly<Record<string, readonly string[]>> = {
  token: ['not', 'text', 'missing'],
  uri: ['below', 'above', 'missing', 'not'],
  string: ['exact', 'contains', 'missing'],
  date: ['missing'],
  number: ['missing'],
  quantity: ['missing'],
  reference: ['missing'],
};

function valueCondition(f: Filter, value: string): Sql {
  switch (f.param.type) {
    case 'token':
    case 'uri':
      return tokenValue(f, value);
    case 'string':
      return stringValue(f, value);
    case 'date':
      return dateValue(f, value, 'x.low', 'x.high');
    case 'number':
    case 'quantity':
      return quantityValue(f, value);
    case 'reference':
      return referenceValue(f, value);
    case 'composite':
    case 'special':
      return fail(`Search parameter type ${f.param.type} is not supported`, f.param.code);
  }
}

function anyOf(parts: readonly Sql[]): Sql {
  return {
    sql: parts.length === 1 ? parts[0]!.sql : `(${parts.map((p) => p.sql).join(' OR ')})`,
    params: parts.flatMap((p) => p.params),
  };
}

/** A condition on the resource row `alias` of type `type` for one filter. */
export function filterCondition(f: Filter, type: string, alias: string, scope?: SearchScope): Sql {
  const code = f.param.code;
  const mod = f.modifier;
  if (mod && !/^[A-Z]/.test(mod) && !(MODIFIERS[f.param.type]?.includes(mod) ?? false)) {
    fail(`Modifier :${mod} is not supported on ${code} (${f.param.type})`, `${code}:${mod}`);
  }
  if (code === '_id') {
    const sql = `${alias}.res_id ${mod === 'not' ? 'NOT IN' : 'IN'} (${f.values.map(() => '?').join(', ')})`;
    return { sql, params: [...f.values] };
  }
  if (code === '_lastUpdated') {
    return anyOf(f.values.map((v) => dateValue(f, v, `${alias}.lu_ms`, `${alias}.lu_ms`)));
  }
  const table = TABLE[f.param.type];
  if (!table) fail(`Search parameter type ${f.param.type} is not supported`, code);
  const owner = `SELECT x.res_id FROM ${table} x WHERE x.res_type = ? AND x.param = ?`;
  if (mod === 'missing') {
    if (f.values[0] !== 'true' && f.values[0] !== 'false') fail(':missing takes true or false', `${code}:missing`);
    return { sql: `${alias}.res_id ${f.values[0] === 'true' ? 'NOT IN' : 'IN'} (${owner})`, params: [type, code] };
  }
  if (f.chain) {
    const inner = filterCondition({ param: f.chain.param, values: f.values }, f.chain.targetType, 'c');
    // The chained target must be visible too: a chain never tests data the user may not see.
    const visible = scope?.(f.chain.targetType, 'c') ?? { sql: '1 = 1', params: [] };
    return {
      sql: `${alias}.res_id IN (${owner} AND x.target_type = ? AND x.target_id IN (SELECT c.res_id FROM resources c WHERE c.res_type = ? AND c.deleted = 0 AND ${inner.sql} AND ${visible.sql}))`,
      params: [type, code, f.chain.targetType, f.chain.targetType, ...inner.params, ...visible.params],
    };
  }
  const alternatives = anyOf(f.values.map((v) => valueCondition(f, v)));
  const negate = mod === 'not';
  return {
    sql: `${alias}.res_id ${negate ? 'NOT IN' : 'IN'} (${owner} AND ${alternatives.sql})`,
    params: [type, code, ...alternatives.params],
  };
}

function sortExpression(key: SortKey): Sql {
  const code = key.param.code;
  if (code === '_id') return { sql: 'r.res_id', params: [] };
  if (code === '_lastUpdated') return { sql: 'r.lu_ms', params: [] };
  const table = TABLE[key.param.type];
  if (!table) return fail(`Cannot sort by ${code}`, '_sort');
  const agg = key.descending ? 'MAX' : 'MIN';
  const column: Readonly<Record<string, string>> = {
    sp_token: 'x.code',
    sp_string: 'x.value',
    sp_date: key.descending ? 'x.high' : 'x.low',
    sp_quantity: 'COALESCE(x.canon_value, x.value)',
    sp_reference: 'x.raw',
  };
  return {
    sql: `(SELECT ${agg}(${column[table]!}) FROM ${table} x WHERE x.res_type = r.res_type AND x.res_id = r.res_id AND x.param = ?)`,
    params: [code],
  };
}

/** The WHERE clause (without the keyword) selecting live resources of the request's type that match. */
export function whereClause(req: SearchRequest, scope?: SearchScope): Sql {
  const parts: Sql[] = [{ sql: 'r.res_type = ? AND r.deleted = 0', params: [req.resourceType] }];
  if (scope) parts.push(scope(req.resourceType, 'r'));
  for (const f of req.filters) parts.push(filterCondition(f, req.resourceType, 'r', scope));
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) };
}

export function orderBy(req: SearchRequest): Sql {
  const parts: Sql[] = [];
  for (const key of req.sort) {
    const e = sortExpression(key);
    parts.push({
      sql: `CASE WHEN ${e.sql} IS NULL THEN 1 ELSE 0 END, ${e.sql} ${key.descending ? 'DESC' : 'ASC'}`,
      params: [...e.params, ...e.params],
    });
  }
  parts.push({ sql: 'r.res_id ASC', params: [] });
  return { sql: parts.map((p) => p.sql).join(', '), params: parts.flatMap((p) => p.params) };
}
