import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Observation, Patient, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEID_FORBIDDEN, DEID_RECORD } from '../services/export/fixtures';
import { openStore } from '../store/open-store';

const CLI = join(import.meta.dirname, '../../bin/careloop.js');
const SECRET = 'cli-test-secret-0123456789-abcdefghijkl';

/** A second patient: the fixture record with other ids. */
function secondPatient(): Resource[] {
  return JSON.parse(
    JSON.stringify(DEID_RECORD)
      .replaceAll('pat-zhang-001', 'pat-li-002')
      .replaceAll('enc-20250603', 'enc-20250710')
      .replaceAll('obs-glucose-1', 'obs-glucose-2')
      .replaceAll('rep-checkup-9', 'rep-checkup-10'),
  ) as Resource[];
}

const lines = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

describe('careloop export (SQLite)', () => {
  let dir: string;
  let db: string;
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [CLI, 'export', '--no-progress', ...args], {
      env: { ...process.env, CARELOOP_DB: db, CARELOOP_LOG_LEVEL: 'silent', ...env },
      encoding: 'utf8',
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'careloop-export-'));
    db = `sqlite:${join(dir, 'store.db')}`;
    const store = await openStore(db);
    await store.repository.upsertMany([...DEID_RECORD, ...secondPatient()]);
    await store.close();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes de-identified NDJSON per type with a summary, and nothing identifying', () => {
    const out = join(dir, 'deid');
    const r = run(['--deidentify', '--out', out], { CARELOOP_DEIDENTIFY_SECRET: SECRET });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Patient\s+2\s+\d+/);
    expect(r.stdout).toMatch(/export: 8 resources \(de-identified\)/);
    expect(readdirSync(out).sort()).toEqual([
      'DiagnosticReport.ndjson',
      'Encounter.ndjson',
      'Observation.ndjson',
      'Patient.ndjson',
    ]);
    const all = readdirSync(out)
      .map((f) => readFileSync(join(out, f), 'utf8'))
      .join('');
    for (const s of [...DEID_FORBIDDEN, 'pat-li-002', 'enc-20250710']) expect(all, s).not.toContain(s);
    const patients = lines<Patient>(join(out, 'Patient.ndjson'));
    const observations = lines<Observation>(join(out, 'Observation.ndjson'));
    expect(new Set(observations.map((o) => o.subject?.reference))).toEqual(
      new Set(patients.map((p) => `Patient/${p.id!}`)),
    );
  });

  it('keeps --types and exports identified data only when asked (system)', () => {
    const out = join(dir, 'ident');
    const r = run(['--identified', '--types', 'Patient', '--out', out]);
    expect(r.status).toBe(0);
    expect(readdirSync(out)).toEqual(['Patient.ndjson']);
    expect(
      lines<Patient>(join(out, 'Patient.ndjson'))
        .map((p) => p.id)
        .sort(),
    ).toEqual(['pat-li-002', 'pat-zhang-001']);
  });

  it('without a configured secret (development) generates one, keeps it, and gives the same pseudonyms again', () => {
    const a = run(['--types', 'Patient', '--out', join(dir, 'a')]);
    const b = run(['--types', 'Patient', '--out', join(dir, 'b')]);
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    const first = readFileSync(join(dir, 'a', 'Patient.ndjson'), 'utf8');
    expect(first).toBe(readFileSync(join(dir, 'b', 'Patient.ndjson'), 'utf8'));
    expect(first).not.toBe(readFileSync(join(dir, 'deid', 'Patient.ndjson'), 'utf8'));
  });

  it('refuses an unknown type and a missing secret in production', () => {
    const bad = run(['--types', 'Nonsense', '--out', join(dir, 'x')]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('Nonsense');
    const prod = run(['--out', join(dir, 'y')], { CARELOOP_ENV: 'production', CARELOOP_JWT_SECRET: 'x'.repeat(40) });
    expect(prod.status).not.toBe(0);
    expect(prod.stderr).toContain('CARELOOP_DEIDENTIFY_SECRET');
  });
});
