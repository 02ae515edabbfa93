import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { afterAll, describe, expect, it } from 'vitest';
import { writePopulation } from './write-population';
import type { SynthFormat } from './writers';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function run(format: SynthFormat, seed: number): Promise<{ dir: string; patients: number; resources: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'careloop-synth-test-'));
  dirs.push(dir);
  const s = await writePopulation({
    patients: 120,
    seed,
    profile: 'china',
    referenceDate: '2026-01-01',
    out: dir,
    format,
  });
  return { dir, patients: s.patients, resources: s.resources };
}

async function digest(dir: string): Promise<string> {
  const h = createHash('sha256');
  for (const f of (await readdir(dir)).sort()) h.update(f).update(await readFile(join(dir, f)));
  return h.digest('hex');
}

const lines = async (path: string): Promise<unknown[]> =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as unknown);

describe('writers', () => {
  it('ndjson: one file per resource type, every line a resource of that type', async () => {
    const { dir, resources, patients } = await run('ndjson', 3);
    expect(patients).toBe(120);
    const files = await readdir(dir);
    expect(files).toContain('Patient.ndjson');
    expect(files).toContain('Observation.ndjson');
    let total = 0;
    for (const f of files) {
      const rows = (await lines(join(dir, f))) as Resource[];
      total += rows.length;
      for (const r of rows) expect(`${r.resourceType}.ndjson`).toBe(f);
    }
    expect(total).toBe(resources);
  });

  it('bundle: one transaction Bundle per line (shared resources first), PUT at each stable id', async () => {
    const { dir, resources } = await run('bundle', 3);
    const bundles = (await lines(join(dir, 'Bundle.ndjson'))) as Bundle[];
    expect(bundles).toHaveLength(121);
    expect(bundles[0]?.entry?.every((e) => e.resource?.resourceType !== 'Patient')).toBe(true);
    let total = 0;
    for (const b of bundles) {
      expect(b.type).toBe('transaction');
      for (const e of b.entry ?? []) {
        total++;
        expect(e.request?.method).toBe('PUT');
        expect(e.request?.url).toBe(`${e.resource?.resourceType ?? ''}/${e.resource?.id ?? ''}`);
      }
    }
    expect(total).toBe(resources);
  });

  it('same seed → byte-identical files; another seed → different files', async () => {
    const a = await digest((await run('ndjson', 8)).dir);
    expect(await digest((await run('ndjson', 8)).dir)).toBe(a);
    expect(await digest((await run('ndjson', 9)).dir)).not.toBe(a);
  });
});
