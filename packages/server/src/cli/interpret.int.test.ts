import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/open-store';
import { backendsUnderTest } from '../testing/backends';

const CLI = join(import.meta.dirname, '../../bin/careloop.js');

const CSV = [
  'person_id,name,sex,birth_date,item_code,item_name,value,unit,reference_range,date',
  'A1,Li Lei,M,1968-04-02,GLU,Fasting glucose,7.4,mmol/L,3.9-6.1,2025-06-03',
  'A1,Li Lei,M,1968-04-02,SBP,Systolic BP,150,mmHg,90-139,2025-06-03',
  'A1,Li Lei,M,1968-04-02,DBP,Diastolic BP,95,mmHg,60-89,2025-06-03',
  'A2,Han Mei,F,1979-09-09,K,Potassium,6.9,mmol/L,3.5-5.3,2025-06-03',
  'A2,Han Mei,F,1979-09-09,ZZ1,Vitamin D,21,ng/mL,30-100,2025-06-03',
  'A3,Wu Fan,M,1990-01-01,GLU,Fasting glucose,n/a,mmol/L,3.9-6.1,2025-06-03',
].join('\n');

describe.each(backendsUnderTest)('careloop interpret --csv on $name', (backend) => {
  let dir: string;
  let db: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'careloop-interpret-'));
    writeFileSync(join(dir, 'day.csv'), CSV);
    const opened = await backend.open();
    db = opened.db;
    await opened.store.close();
    cleanup = async () => {
      await opened.cleanup().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    };
  });
  afterAll(async () => cleanup());

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'interpret', '--no-progress', ...args], {
      env: { ...process.env, CARELOOP_DB: db, CARELOOP_LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });

  it('imports the CSV, interprets each checkup and prints the summary with the rejected and unmapped rows', async () => {
    const out = run('--csv', join(dir, 'day.csv'));
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/5 results in 2 checkups imported, 2 new people, 1 rows rejected, 1 unmapped items/);
    expect(out.stdout).toContain('rejected line 7: value "n/a" is not a number for Fasting glucose');
    expect(out.stdout).toContain('unmapped line 6: item "ZZ1 Vitamin D" is not in the mapping file');
    expect(out.stdout).toMatch(/interpret: 2 reports written \(1 with urgent findings, \d+ urgent findings\)/);
    expect(out.stdout).toMatch(/1 unmapped items, 1 rejected rows/);
    expect(out.status).toBe(1); // rejected rows need attention
    const store = await openStore(db);
    try {
      const reports = await store.repository.searchResources('DiagnosticReport', { status: 'preliminary' });
      expect(reports).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('interprets the stored checkups of a day with --date', () => {
    const out = run('--date', '2025-06-03');
    expect(out.stdout).toMatch(/interpret: 2 reports written \(1 with urgent findings/);
    expect(out.status).toBe(0);
    const none = run('--date', '2025-06-04');
    expect(none.stdout).toMatch(/interpret: 0 reports written/);
  });
});
