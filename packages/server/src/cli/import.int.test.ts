import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../store/open-store';
import { writePopulation } from '../synth/write-population';
import { backendsUnderTest } from '../testing/backends';

const CLI = join(import.meta.dirname, '../../bin/careloop.js');

async function countRows(db: string): Promise<{ resources: number; orphans: number; unindexedObservations: number }> {
  const backend = await openBackend(db);
  try {
    const one = async (sql: string) => Number((await backend.query<{ n: number | string }>(sql))[0]!.n);
    return {
      resources: await one('SELECT COUNT(*) AS n FROM resources'),
      // index rows whose resource is missing: a torn write would leave some
      orphans: await one(
        'SELECT COUNT(*) AS n FROM sp_token t WHERE NOT EXISTS (SELECT 1 FROM resources r WHERE r.res_type = t.res_type AND r.res_id = t.res_id)',
      ),
      unindexedObservations: await one(
        "SELECT COUNT(*) AS n FROM resources r WHERE r.res_type = 'Observation' AND NOT EXISTS (SELECT 1 FROM sp_token t WHERE t.res_type = r.res_type AND t.res_id = r.res_id AND t.param = 'code')",
      ),
    };
  } finally {
    await backend.close();
  }
}

describe.each(backendsUnderTest)('careloop import, killed with SIGKILL half-way, on $name', (backend) => {
  let dir: string;
  let db: string;
  let cleanup: () => Promise<void>;
  let total = 0;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'careloop-kill-'));
    const summary = await writePopulation({
      seed: 3,
      profile: 'us',
      referenceDate: '2026-01-01',
      patients: 250,
      out: join(dir, 'data'),
      format: 'ndjson',
    });
    total = summary.resources;
    const opened = await backend.open();
    db = opened.db;
    await opened.store.close();
    cleanup = async () => {
      await opened.cleanup().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    };
  });
  afterAll(async () => cleanup());

  it('leaves a consistent store, and running the same import again completes it', async () => {
    const env = { ...process.env, CARELOOP_DB: db, CARELOOP_LOG_LEVEL: 'silent' };
    const child = spawn(process.execPath, [CLI, 'import', '--no-progress', '--batch-size', '100', join(dir, 'data')], {
      env,
      stdio: 'ignore',
    });
    // Kill as soon as some batches have committed, while others are in flight.
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const n = await countRows(db).catch(() => undefined);
      if (n && n.resources > 500) break;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const partial = await countRows(db);
    expect(partial.resources).toBeGreaterThan(0);
    expect(partial.resources).toBeLessThan(total);
    expect(partial.orphans).toBe(0);
    expect(partial.unindexedObservations).toBe(0);
    if (backend.name === 'sqlite') {
      const check = spawnSync(process.execPath, [
        '-e',
        `const D=require('better-sqlite3');const d=new D(${JSON.stringify(db.slice(7))});console.log(d.pragma('integrity_check',{simple:true}))`,
      ]);
      expect(check.stdout.toString().trim()).toBe('ok');
    }
    const again = spawnSync(process.execPath, [CLI, 'import', '--no-progress', join(dir, 'data')], {
      env,
      encoding: 'utf8',
    });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/0 rejected/);
    const full = await countRows(db);
    expect(full.resources).toBe(total);
    expect(full.orphans).toBe(0);
    expect(full.unindexedObservations).toBe(0);
  });
});
