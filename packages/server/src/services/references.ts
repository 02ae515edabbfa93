import type { Resource } from '@medplum/fhirtypes';

/** Calls `fn` on every `reference` string in a resource (recursively) and replaces it with what it returns. */
export function rewriteReferences(resource: Resource, fn: (reference: string) => string): Resource {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== 'object' || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === 'reference' && typeof v === 'string' ? fn(v) : walk(v);
    }
    return out;
  };
  return walk(resource) as Resource;
}

/** Every `reference` string in a resource. */
export function collectReferences(resource: Resource): string[] {
  const out: string[] = [];
  rewriteReferences(resource, (r) => {
    out.push(r);
    return r;
  });
  return out;
}

/** The id of a relative reference of the given type (`Patient/abc` → `abc`), else undefined. */
export function idOf(reference: string | undefined, type: string): string | undefined {
  if (!reference?.startsWith(`${type}/`)) return undefined;
  return reference.slice(type.length + 1).split('/')[0];
}

/** `Type?query` — a conditional reference, resolved by search when a bundle is processed. */
export function isConditionalReference(reference: string): boolean {
  return /^[A-Z][A-Za-z]+\?/.test(reference);
}
