import { badRequest, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { SearchParamDef, SearchParamRegistry } from '../../fhir-definitions/search-parameters';

/**
 * A FHIR search, parsed: the filters (ANDed; each holds ORed values), sort keys, paging and result shaping.
 * @see https://hl7.org/fhir/R4/search.html
 */
export interface Filter {
  readonly param: SearchParamDef;
  readonly modifier?: string;
  /** `subject:Patient.identifier=…`: the reference parameter is `param`, the value applies to `chain`. */
  readonly chain?: { readonly targetType: string; readonly param: SearchParamDef };
  /** Values separated by commas: any one may match. */
  readonly values: readonly string[];
}
export interface SortKey {
  readonly param: SearchParamDef;
  readonly descending: boolean;
}
export interface IncludeSpec {
  readonly sourceType: string;
  readonly param: SearchParamDef;
  readonly targetType?: string;
}
export interface SearchRequest {
  readonly resourceType: string;
  readonly filters: readonly Filter[];
  readonly sort: readonly SortKey[];
  readonly count: number;
  readonly offset: number;
  readonly summaryCount: boolean;
  readonly elements?: readonly string[];
  readonly include: readonly IncludeSpec[];
  readonly revinclude: readonly IncludeSpec[];
}

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 1000;

/** Parameters that shape the response rather than filter it, and are accepted without effect here. */
const IGNORED = new Set(['_format', '_pretty', '_total', '_contained', '_containedType']);

const SYNTHETIC: Readonly<Record<string, SearchParamDef>> = {
  _id: {
    code: '_id',
    type: 'token',
    expressions: [],
    targets: [],
    url: 'http://hl7.org/fhir/SearchParameter/Resource-id',
  },
  _lastUpdated: {
    code: '_lastUpdated',
    type: 'date',
    expressions: [],
    targets: [],
    url: 'http://hl7.org/fhir/SearchParameter/Resource-lastUpdated',
  },
};

function splitValues(v: string): string[] {
  // Commas separate alternatives; `\,` is a literal comma.
  return v.split(/(?<!\\),/).map((s) => s.replace(/\\,/g, ','));
}

function paramOf(registry: SearchParamRegistry, type: string, code: string, name = code): SearchParamDef {
  const def = SYNTHETIC[code] ?? registry.forType(type).get(code);
  if (!def) throw new OperationOutcomeError(badRequest(`Unknown search parameter "${code}" for ${type}`, name));
  if (def.type === 'composite' || def.type === 'special' || (def.expressions.length === 0 && !SYNTHETIC[code])) {
    throw new OperationOutcomeError(badRequest(`Search parameter "${code}" (${def.type}) is not supported`, name));
  }
  return def;
}

function positiveInt(name: string, v: string, max: number): number {
  if (!/^\d+$/.test(v)) throw new OperationOutcomeError(badRequest(`${name} must be a non-negative integer`, name));
  return Math.min(Number(v), max);
}

function parseInclude(registry: SearchParamRegistry, value: string, name: string): IncludeSpec {
  const [sourceType = '', code = '', targetType] = value.split(':');
  if (!registry.resourceTypes.includes(sourceType)) {
    throw new OperationOutcomeError(badRequest(`${name}: unknown resource type "${sourceType}"`, name));
  }
  const param = paramOf(registry, sourceType, code, name);
  if (param.type !== 'reference')
    throw new OperationOutcomeError(badRequest(`${name}: ${code} is not a reference parameter`, name));
  if (targetType !== undefined && !registry.resourceTypes.includes(targetType)) {
    throw new OperationOutcomeError(badRequest(`${name}: unknown target type "${targetType}"`, name));
  }
  return { sourceType, param, ...(targetType ? { targetType } : {}) };
}

/** Parses query parameters (name, value pairs in order) into a SearchRequest, or throws a 400 OperationOutcome. */
export function parseSearch(
  registry: SearchParamRegistry,
  resourceType: string,
  params: readonly (readonly [string, string])[],
): SearchRequest {
  const filters: Filter[] = [];
  let sort: SortKey[] = [];
  let count = DEFAULT_COUNT;
  let offset = 0;
  let summaryCount = false;
  let elements: string[] | undefined;
  const include: IncludeSpec[] = [];
  const revinclude: IncludeSpec[] = [];
  for (const [name, value] of params) {
    if (IGNORED.has(name)) continue;
    switch (name) {
      case '_count':
        count = positiveInt(name, value, MAX_COUNT);
        continue;
      case '_offset':
        offset = positiveInt(name, value, Number.MAX_SAFE_INTEGER);
        continue;
      case '_summary':
        if (value === 'count') summaryCount = true;
        else if (value !== 'false')
          throw new OperationOutcomeError(badRequest(`_summary=${value} is not supported`, name));
        continue;
      case '_elements':
        elements = value
          .split(',')
          .map((e) => e.trim())
          .filter(Boolean);
        continue;
      case '_sort':
        sort = value.split(',').map((k) => {
          const descending = k.startsWith('-');
          return { param: paramOf(registry, resourceType, descending ? k.slice(1) : k, name), descending };
        });
        continue;
      case '_include':
      case '_include:iterate':
        include.push(parseInclude(registry, value, name));
        continue;
      case '_revinclude':
      case '_revinclude:iterate':
        revinclude.push(parseInclude(registry, value, name));
        continue;
    }
    const [head = '', ...rest] = name.split('.');
    const [code = '', modifier] = head.split(':');
    const param = paramOf(registry, resourceType, code, name);
    if (rest.length > 0) {
      if (param.type !== 'reference')
        throw new OperationOutcomeError(badRequest(`${code} is not a reference: cannot chain`, name));
      if (rest.length > 1) throw new OperationOutcomeError(badRequest('Only one level of chaining is supported', name));
      const targetType = modifier ?? (param.targets.length === 1 ? param.targets[0] : undefined);
      if (!targetType || (param.targets.length > 0 && !param.targets.includes(targetType))) {
        throw new OperationOutcomeError(
          badRequest(`Chained search on ${code} needs a target type, e.g. ${code}:Patient.${rest[0]}`, name),
        );
      }
      filters.push({
        param,
        chain: { targetType, param: paramOf(registry, targetType, rest[0]!, name) },
        values: splitValues(value),
      });
      continue;
    }
    filters.push({ param, ...(modifier ? { modifier } : {}), values: splitValues(value) });
  }
  return {
    resourceType,
    filters,
    sort,
    count,
    offset,
    summaryCount,
    ...(elements ? { elements } : {}),
    include,
    revinclude,
  };
}
