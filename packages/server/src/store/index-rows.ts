import { analyteForLoinc } from '@careloop/core/clinical/analytes';
import { dateRange } from '@careloop/core/fhir/dates';
import { swapMassAndSubstance, toCanonical } from '@careloop/core/fhir/units';
import type { SearchParamDef, SearchParamRegistry } from '../fhir-definitions/search-parameters';
import { compileExtractor, type Extractor } from './fhirpath-extract';
import { normalizeString } from './normalize';

/** The search-index rows of one resource, written in the same transaction as the resource. */
export interface TokenRow {
  readonly param: string;
  readonly system: string | null;
  readonly code: string | null;
  readonly text: string | null;
}
export interface StringRow {
  readonly param: string;
  /** Case- and accent-folded value for default and :contains matching. */
  readonly value: string;
  /** The value as written, for :exact. */
  readonly exact: string;
}
export interface DateRow {
  readonly param: string;
  readonly low: number;
  readonly high: number;
}
export interface QuantityRow {
  readonly param: string;
  readonly value: number;
  readonly system: string | null;
  readonly code: string | null;
  /** The value in UCUM base units and its dimension, when the unit is UCUM. */
  readonly canonValue: number | null;
  readonly canonDim: string | null;
}
export interface ReferenceRow {
  readonly param: string;
  readonly targetType: string | null;
  readonly targetId: string | null;
  /** The reference as written (absolute URLs, canonicals). */
  readonly raw: string;
}
export interface IndexRows {
  readonly tokens: TokenRow[];
  readonly strings: StringRow[];
  readonly dates: DateRow[];
  readonly quantities: QuantityRow[];
  readonly references: ReferenceRow[];
}

const UCUM = 'http://unitsofmeasure.org';
const RELATIVE_REF = /^(?:.*\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/** Splits a literal reference into type and id (relative or absolute URL), or undefined. */
export function parseReference(ref: string): { type: string; id: string } | undefined {
  if (ref.startsWith('#') || ref.startsWith('urn:')) return undefined;
  const m = RELATIVE_REF.exec(ref);
  return m ? { type: m[1]!, id: m[2]! } : undefined;
}

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
/** Token display text, folded for :text search. */
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? normalizeString(v) : null);

function addTokens(rows: TokenRow[], param: string, v: unknown): void {
  if (typeof v === 'string') rows.push({ param, system: null, code: v, text: null });
  else if (typeof v === 'boolean') rows.push({ param, system: null, code: String(v), text: null });
  else if (!isObj(v)) return;
  else if (Array.isArray(v.coding) || typeof v.text === 'string') {
    const conceptText = text(v.text);
    const codings = (Array.isArray(v.coding) ? v.coding : []) as unknown[];
    for (const c of codings) {
      if (isObj(c))
        rows.push({ param, system: str(c.system), code: str(c.code), text: conceptText ?? text(c.display) });
    }
    if (codings.length === 0 && conceptText) rows.push({ param, system: null, code: null, text: conceptText });
  } else if ('value' in v && ('system' in v || 'use' in v || 'type' in v || 'assigner' in v)) {
    // Identifier or ContactPoint: system|value
    const type = isObj(v.type) ? text(v.type.text) : null;
    rows.push({ param, system: str(v.system), code: str(v.value), text: type });
  } else if ('code' in v || 'system' in v) {
    rows.push({ param, system: str(v.system), code: str(v.code), text: text(v.display) });
  } else if (typeof v.value === 'string') rows.push({ param, system: null, code: v.value, text: null });
}

const NAME_PARTS = ['text', 'family', 'given', 'prefix', 'suffix'];
const ADDRESS_PARTS = ['text', 'line', 'city', 'district', 'state', 'postalCode', 'country'];

function addStrings(rows: StringRow[], param: string, v: unknown): void {
  if (typeof v === 'string') {
    if (v.trim()) rows.push({ param, value: normalizeString(v), exact: v });
    return;
  }
  if (!isObj(v)) return;
  const parts =
    'family' in v || 'given' in v
      ? NAME_PARTS
      : 'city' in v || 'line' in v || 'postalCode' in v
        ? ADDRESS_PARTS
        : NAME_PARTS.concat(ADDRESS_PARTS);
  for (const p of parts) {
    const x = v[p];
    for (const s of Array.isArray(x) ? (x as unknown[]) : [x]) if (typeof s === 'string') addStrings(rows, param, s);
  }
}

function addDates(rows: DateRow[], param: string, v: unknown): void {
  if (typeof v === 'string') {
    const r = dateRange(v);
    if (r) rows.push({ param, ...r });
  } else if (isObj(v)) {
    if ('start' in v || 'end' in v) {
      const start = typeof v.start === 'string' ? dateRange(v.start) : undefined;
      const end = typeof v.end === 'string' ? dateRange(v.end) : undefined;
      if (start || end) {
        rows.push({ param, low: start?.low ?? Number.MIN_SAFE_INTEGER, high: end?.high ?? Number.MAX_SAFE_INTEGER });
      }
    } else if (Array.isArray(v.event)) {
      for (const e of v.event as unknown[]) addDates(rows, param, e);
    }
  }
}

function addQuantities(rows: QuantityRow[], param: string, v: unknown, molarMass: number | undefined): void {
  if (typeof v === 'number') {
    rows.push({ param, value: v, system: null, code: null, canonValue: null, canonDim: null });
    return;
  }
  if (!isObj(v) || typeof v.value !== 'number') return;
  const system = str(v.system);
  const code = str(v.code) ?? str(v.unit) ?? str(v.currency);
  const canon = code && (system === UCUM || system === null) ? toCanonical(v.value, code) : undefined;
  rows.push({
    param,
    value: v.value,
    system,
    code,
    canonValue: canon?.value ?? null,
    canonDim: canon?.dimension ?? null,
  });
  const swapped = canon && molarMass ? swapMassAndSubstance(canon, molarMass) : undefined;
  if (swapped)
    rows.push({ param, value: v.value, system, code, canonValue: swapped.value, canonDim: swapped.dimension });
}

function addReferences(rows: ReferenceRow[], param: string, v: unknown): void {
  const raw = typeof v === 'string' ? v : isObj(v) ? str(v.reference) : null;
  if (!raw) return;
  const parsed = parseReference(raw);
  rows.push({ param, targetType: parsed?.type ?? null, targetId: parsed?.id ?? null, raw });
}

/** Molar mass of an Observation's analyte (from its LOINC code), for mass ⇄ substance comparisons. */
function molarMassOf(resource: Obj): number | undefined {
  const code = resource.code;
  if (!isObj(code) || !Array.isArray(code.coding)) return undefined;
  for (const c of code.coding as unknown[]) {
    if (isObj(c) && c.system === 'http://loinc.org' && typeof c.code === 'string') {
      const a = analyteForLoinc(c.code);
      if (a) return a.molarMass;
    }
  }
  return undefined;
}

interface CompiledParam {
  readonly def: SearchParamDef;
  readonly extract: Extractor;
}

/** Computes index rows from a resource with the registry's compiled expressions (compiled once per type). */
export class Indexer {
  private readonly compiled = new Map<string, readonly CompiledParam[]>();
  constructor(private readonly registry: SearchParamRegistry) {}

  private paramsFor(type: string): readonly CompiledParam[] {
    let list = this.compiled.get(type);
    if (!list) {
      list = [...this.registry.forType(type).values()]
        .filter(
          (d) =>
            d.expressions.length > 0 &&
            d.type !== 'composite' &&
            d.type !== 'special' &&
            d.code !== '_id' &&
            d.code !== '_lastUpdated',
        )
        .map((def) => ({ def, extract: compileExtractor(def.expressions) }));
      this.compiled.set(type, list);
    }
    return list;
  }

  rows(resource: Obj & { resourceType: string }): IndexRows {
    const rows: IndexRows = { tokens: [], strings: [], dates: [], quantities: [], references: [] };
    const molarMass = resource.resourceType === 'Observation' ? molarMassOf(resource) : undefined;
    for (const { def, extract } of this.paramsFor(resource.resourceType)) {
      const values = extract(resource);
      if (values.length === 0) continue;
      for (const v of values) {
        switch (def.type) {
          case 'token':
          case 'uri':
            addTokens(rows.tokens, def.code, v);
            break;
          case 'string':
            addStrings(rows.strings, def.code, v);
            break;
          case 'date':
            addDates(rows.dates, def.code, v);
            break;
          case 'number':
          case 'quantity':
            addQuantities(rows.quantities, def.code, v, molarMass);
            break;
          case 'reference':
            addReferences(rows.references, def.code, v);
            break;
          case 'composite':
          case 'special':
            break;
        }
      }
    }
    return rows;
  }

  /** The patient whose compartment a resource belongs to (Patient itself, else its first patient reference). */
  patientOf(resource: Obj & { resourceType: string; id?: string }, rows: IndexRows): string | null {
    if (resource.resourceType === 'Patient') return resource.id ?? null;
    const params = this.registry.patientCompartmentParams(resource.resourceType);
    if (params.length === 0) return null;
    for (const p of params) {
      const r = rows.references.find((x) => x.param === p && x.targetType === 'Patient');
      if (r?.targetId) return r.targetId;
    }
    return null;
  }
}
