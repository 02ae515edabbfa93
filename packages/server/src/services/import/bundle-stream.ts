import { createReadStream } from 'node:fs';

/** What a streamed Bundle file holds: its top-level `resourceType`/`type`, and each `entry` element as JSON text. */
export type BundlePart =
  { readonly key: 'resourceType' | 'type'; readonly value: unknown } | { readonly entry: string };

const HEAD_KEYS = new Set(['resourceType', 'type']);

/**
 * Streams a Bundle file without holding it whole: a small scanner tracks strings and nesting, yields the top-level
 * `resourceType` and `type`, and the text of each element of the top-level `entry` array (parsed by the caller).
 * Memory is bounded by the largest single entry. Syntax errors inside an entry surface when the caller parses it.
 */
export async function* streamBundle(path: string, chunkSize = 1 << 20): AsyncGenerator<BundlePart> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expectKey = false;
  let keyStart = -1;
  let keyParts: string[] = [];
  let lastKey = '';
  let inEntries = false;
  let capture: 'entry' | 'head' | undefined;
  let parts: string[] = [];
  let start: number;
  for await (const chunk of createReadStream(path, {
    encoding: 'utf8',
    highWaterMark: chunkSize,
  }) as AsyncIterable<string>) {
    start = 0;
    if (keyStart >= 0) keyStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92 /* \ */) escaped = true;
        else if (c === 34 /* " */) {
          inString = false;
          if (keyStart >= 0) {
            keyParts.push(chunk.slice(keyStart, i));
            lastKey = keyParts.join('');
            keyParts = [];
            keyStart = -1;
          }
        }
        continue;
      }
      switch (c) {
        case 34: // "
          inString = true;
          if (depth === 1 && expectKey && !capture) {
            keyStart = i + 1;
            expectKey = false;
          }
          break;
        case 123: // {
        case 91: // [
          depth++;
          if (depth === 1) expectKey = true;
          if (inEntries && depth === 3 && c === 123) {
            capture = 'entry';
            parts = [];
            start = i;
          }
          break;
        case 125: // }
        case 93: // ]
          depth--;
          if (capture === 'entry' && depth === 2) {
            parts.push(chunk.slice(start, i + 1));
            capture = undefined;
            yield { entry: parts.join('') };
          } else if (capture === 'head' && depth === 0) {
            parts.push(chunk.slice(start, i));
            capture = undefined;
            yield { key: lastKey as 'type', value: JSON.parse(parts.join('')) as unknown };
          }
          if (inEntries && depth === 1) inEntries = false;
          break;
        case 58: // :
          if (depth === 1 && !capture) {
            if (lastKey === 'entry') inEntries = true;
            else if (HEAD_KEYS.has(lastKey)) {
              capture = 'head';
              parts = [];
              start = i + 1;
            }
          }
          break;
        case 44: // ,
          if (depth === 1) {
            if (capture === 'head') {
              parts.push(chunk.slice(start, i));
              capture = undefined;
              yield { key: lastKey as 'type', value: JSON.parse(parts.join('')) as unknown };
            }
            expectKey = true;
          }
          break;
        default:
          break;
      }
    }
    if (capture) parts.push(chunk.slice(start));
    if (keyStart >= 0) keyParts.push(chunk.slice(keyStart));
  }
}
