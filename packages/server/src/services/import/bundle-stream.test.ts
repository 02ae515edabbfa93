import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { streamBundle, type BundlePart } from './bundle-stream';

const dir = mkdtempSync(join(tmpdir(), 'careloop-stream-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const tricky = {
  resourceType: 'Bundle',
  id: 'b1',
  meta: { tag: [{ code: 'a,b{"entry":[' }] },
  type: 'transaction',
  entry: [
    { fullUrl: 'urn:uuid:1', resource: { resourceType: 'Patient', name: [{ family: 'O"Brien}{', given: ['张伟'] }] } },
    { resource: { resourceType: 'Observation', status: 'final', code: { text: 'back\\slash ] [' } } },
    { request: { method: 'DELETE', url: 'Patient/2' } },
  ],
  total: 3,
};

async function collect(path: string, chunk: number): Promise<BundlePart[]> {
  const out: BundlePart[] = [];
  for await (const p of streamBundle(path, chunk)) out.push(p);
  return out;
}

describe('streamBundle', () => {
  it.each([1, 7, 64, 1 << 20])('yields the head and each entry, whatever the chunk size (%i)', async (chunk) => {
    for (const [name, text] of [
      ['compact', JSON.stringify(tricky)],
      ['pretty', JSON.stringify(tricky, null, 2)],
    ] as const) {
      const path = join(dir, `${name}.json`);
      writeFileSync(path, text);
      const parts = await collect(path, chunk);
      expect(parts.filter((p) => 'key' in p)).toEqual([
        { key: 'resourceType', value: 'Bundle' },
        { key: 'type', value: 'transaction' },
      ]);
      expect(
        parts.filter((p) => 'entry' in p).map((p) => JSON.parse((p as { entry: string }).entry) as unknown),
      ).toEqual(tricky.entry);
    }
  });
});
