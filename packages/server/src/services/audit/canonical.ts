import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level: the same content always gives the same text, hence the same hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The chain link: sha256 over the previous hash and the canonical content (hex). */
export function chainHash(prevHash: string, canonicalContent: string): string {
  return createHash('sha256').update(prevHash).update(canonicalContent).digest('hex');
}

/** The `prev_hash` of the first row. */
export const GENESIS_HASH = '';
