import type { Resource, StructureDefinition } from '@medplum/fhirtypes';

/** The edits made to a valid resource (all but drop-optional damage it); validator.test.ts says which Medplum detects. */
export type MutationKind =
  | 'drop-optional'
  | 'drop-required'
  | 'wrong-type'
  | 'unknown-property'
  | 'empty-string'
  | 'empty-array'
  | 'array-for-singleton'
  | 'singleton-for-array'
  | 'bad-required-code'
  | 'bad-reference-format';

/** One damaged copy of a fixture, with what was done and where. */
export interface Mutation {
  readonly kind: MutationKind;
  readonly label: string;
  readonly resource: unknown;
}

type Json = Record<string, unknown>;
type Site = readonly (string | number)[];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every path to a value inside `value` (depth-first), with the value found there. */
function* sites(value: unknown, path: Site = []): Generator<[Site, unknown]> {
  yield [path, value];
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* sites(value[i], [...path, i]);
  else if (isObject(value))
    for (const [k, v] of Object.entries(value)) if (k !== 'resourceType') yield* sites(v, [...path, k]);
}

/** A deep copy of `resource` with the value at `site` replaced (or deleted when `next` is undefined). */
function edit(resource: Resource, site: Site, next: (old: unknown) => unknown): unknown {
  const copy = structuredClone(resource) as unknown as Json;
  let parent: unknown = copy;
  for (const step of site.slice(0, -1)) parent = (parent as Json)[step as string];
  const last = site[site.length - 1] as string;
  const holder = parent as Json;
  const value = next(holder[last]);
  if (value === undefined) Reflect.deleteProperty(holder, last);
  else holder[last] = value;
  return copy;
}

function swapType(v: unknown): unknown {
  if (typeof v === 'string') return 42;
  if (typeof v === 'number') return String(v);
  return v === true ? 'true' : 'false';
}

/** What the base definition says about the fixture's own types: required top-level keys and required-bound codes. */
export interface MutationHints {
  readonly required: (type: string) => readonly string[];
  readonly requiredCodes: (type: string) => readonly string[];
}

/** Builds hints from base StructureDefinitions (top-level elements with min ≥ 1, top-level required-bound codes). */
export function hintsFrom(sds: readonly StructureDefinition[]): MutationHints {
  const byType = new Map(sds.filter((sd) => sd.kind === 'resource').map((sd) => [sd.type, sd]));
  const top = (type: string): NonNullable<NonNullable<StructureDefinition['snapshot']>['element']> =>
    (byType.get(type)?.snapshot?.element ?? []).filter((e) => e.path.split('.').length === 2);
  return {
    required: (type) =>
      top(type)
        .filter((e) => (e.min ?? 0) > 0)
        .map((e) => e.path.split('.')[1] ?? ''),
    requiredCodes: (type) =>
      top(type)
        .filter((e) => e.binding?.strength === 'required' && e.type?.length === 1 && e.type[0]?.code === 'code')
        .map((e) => e.path.split('.')[1] ?? ''),
  };
}

/** Every mutation of one fixture: one per site and applicable kind. */
export function mutationsOf(resource: Resource, hints: MutationHints): Mutation[] {
  const out: Mutation[] = [];
  const add = (kind: MutationKind, site: Site, next: (old: unknown) => unknown): void => {
    out.push({ kind, label: `${resource.resourceType}.${site.join('.')}`, resource: edit(resource, site, next) });
  };
  const own = resource as unknown as Json;
  const required = hints.required(resource.resourceType);
  for (const key of Object.keys(own)) {
    if (key === 'resourceType') continue;
    const isRequired = required.some(
      (name) => name === key || (name.endsWith('[x]') && key.startsWith(name.slice(0, -3))),
    );
    add(isRequired ? 'drop-required' : 'drop-optional', [key], () => undefined);
  }
  for (const key of hints.requiredCodes(resource.resourceType)) {
    if (typeof own[key] === 'string') add('bad-required-code', [key], () => 'not-a-code');
  }
  for (const [site, value] of sites(resource)) {
    if (site.length === 0) continue;
    const last = site[site.length - 1];
    const isItem = typeof last === 'number';
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      add('wrong-type', site, swapType);
      if (typeof value === 'string') add('empty-string', site, () => '');
      if (last === 'reference') add('bad-reference-format', site, () => 'Patient 123');
    } else if (Array.isArray(value)) {
      add('empty-array', site, () => []);
      add('singleton-for-array', site, (old) => (old as unknown[])[0]);
    } else if (isObject(value)) {
      add('unknown-property', site, (old) => ({ ...(old as Json), careloopNote: 'x' }));
      if (!isItem) add('array-for-singleton', site, (old) => [old]);
    }
  }
  return out;
}

/** About `count` mutations spread evenly over all fixtures and kinds (deterministic: every k-th of each kind). */
export function sampleMutations(resources: readonly Resource[], hints: MutationHints, count: number): Mutation[] {
  const all = resources.flatMap((r) => mutationsOf(r, hints));
  const kinds = [...new Set(all.map((m) => m.kind))];
  const perKind = Math.ceil(count / kinds.length);
  return kinds.flatMap((kind) => {
    const ofKind = all.filter((m) => m.kind === kind);
    const step = Math.max(1, Math.floor(ofKind.length / perKind));
    return ofKind.filter((_, i) => i % step === 0).slice(0, perKind);
  });
}
