import { createHash } from 'node:crypto';
import type { Resource } from '@medplum/fhirtypes';

/**
 * Canonical JSON of a value: object keys sorted, no whitespace, `undefined` dropped (the JSON Canonicalization
 * Scheme's key ordering, RFC 8785, for the values FHIR resources hold).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What is signed of a resource: all of it except `meta`, which the server rewrites on every version. */
function signedPart(resource: Resource): Resource {
  const { meta: _meta, ...rest } = resource;
  return rest;
}

/**
 * The signature data: base64 of SHA-256 over the canonical JSON array of the signed resources, ordered by
 * `type/id` so the same set always hashes the same.
 */
export function signatureDigest(resources: readonly Resource[]): string {
  const ordered = [...resources]
    .sort((a, b) => {
      const ka = `${a.resourceType}/${a.id ?? ''}`;
      const kb = `${b.resourceType}/${b.id ?? ''}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    })
    .map(signedPart);
  return createHash('sha256').update(canonicalJson(ordered)).digest('base64');
}
