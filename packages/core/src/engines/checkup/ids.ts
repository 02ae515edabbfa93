/** FNV-1a over UTF-16 code units with a seed: four of them make 128 bits. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche (murmur3 fmix32) so near-identical names differ in every nibble
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A UUID-shaped id that depends only on `name` (RFC 9562 version 8, "custom"): the same encounter interpreted twice
 * gives the same resource ids, so re-running the engine updates rather than duplicates. Not cryptographic.
 */
export function deterministicId(name: string): string {
  const hex = [1, 2, 3, 4].map((seed) => fnv1a(name, seed).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
