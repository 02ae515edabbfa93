import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { MemoryAuditRecorder } from '../services/audit/recorder';
import { openAuth } from '../services/auth/index';
import { openBackend } from '../store/open-store';

const CLI = join(import.meta.dirname, '../../bin/careloop.js');

describe('careloop user and careloop token on SQLite', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'careloop-user-'));
    db = `sqlite:${join(dir, 'store.db')}`;
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], {
      env: { ...process.env, CARELOOP_DB: db, CARELOOP_LOG_LEVEL: 'silent', CARELOOP_ENV: 'development' },
      encoding: 'utf8',
    });
  /** The server's view of the same store: same development key, kept in `settings`. */
  const serverAuth = async <T>(fn: (auth: Awaited<ReturnType<typeof openAuth>>) => Promise<T>): Promise<T> => {
    const backend = await openBackend(db);
    try {
      return await fn(await openAuth(loadConfig({ CARELOOP_DB: db }), backend, new MemoryAuditRecorder()));
    } finally {
      await backend.close();
    }
  };

  let password = '';
  it('adds accounts, printing a generated password once, and refuses bad ones', async () => {
    const add = run(
      ...['user', 'add', '--username', 'dr.li', '--role', 'clinician', '--display', 'Dr Li'],
      ...['--organization', 'org-1', '--practitioner', 'pr-1'],
    );
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    expect(add.stdout).toMatch(/^created dr\.li \(clinician\)\npassword: (\S{20})\n$/);
    password = /password: (\S+)/.exec(add.stdout)?.[1] ?? '';
    // Invalid roles, missing patient links etc. are covered by services/auth/accounts.int.test.ts.
    const again = run('user', 'add', '--username', 'dr.li', '--role', 'nurse');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('account "dr.li" already exists');
    await serverAuth((a) =>
      a.accounts.add({ username: 'pat.wang', role: 'patient', patient: 'p-7', password: 'a long enough password' }),
    );
    const signIn = await serverAuth((a) => a.accounts.signIn('dr.li', password, { attempts: 5, minutes: 15 }));
    expect(signIn.ok).toBe(true);
  });

  it('lists accounts as a table without password hashes', () => {
    const list = run('user', 'list');
    expect(list.status).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^username\s+role\s+display\s+organization\s+practitioner\s+patient\s+status\s+created$/);
    expect(lines[1]).toMatch(/^dr\.li\s+clinician\s+Dr Li\s+org-1\s+pr-1\s+-\s+active\s+20\d\d-/);
    expect(lines[2]).toMatch(/^pat\.wang\s+patient\s+-\s+-\s+-\s+p-7\s+active/);
    expect(list.stdout).not.toContain('$argon2');
  });

  it('prints an access token on its last line that the server accepts, narrowed by --scope', async () => {
    const out = run('token', '--user', 'dr.li');
    expect(out.status).toBe(0);
    const token = out.stdout.trimEnd().split('\n').at(-1) ?? '';
    const user = await serverAuth((a) => a.tokens.verify(token));
    expect(user).toEqual({
      id: 'dr.li',
      role: 'clinician',
      display: 'Dr Li',
      organization: 'org-1',
      practitioner: 'pr-1',
      scopes: ['user/*.cruds'],
    });
    const narrow = run('token', '--user', 'pat.wang', '--scope', 'patient/Observation.rs user/*.cruds');
    const patient = await serverAuth((a) => a.tokens.verify(narrow.stdout.trimEnd().split('\n').at(-1) ?? ''));
    expect(patient).toMatchObject({ id: 'pat.wang', patient: 'p-7', scopes: ['patient/Observation.rs'] });
  });

  it('disables and unlocks accounts', async () => {
    const session = await serverAuth((a) => a.refresh.issue('dr.li', ['user/*.cruds']));
    expect(run('user', 'disable', 'dr.li').stdout).toBe('dr.li: disabled\n');
    expect(await serverAuth((a) => a.refresh.rotate(session))).toBeUndefined();
    const refused = run('token', '--user', 'dr.li');
    expect([refused.status, refused.stderr]).toEqual([2, 'careloop token: account "dr.li" is disabled\n']);
    const policy = { attempts: 2, minutes: 15 };
    await serverAuth(async (a) => {
      for (let i = 0; i < 2; i++) await a.accounts.signIn('pat.wang', 'wrong password', policy);
    });
    expect((await serverAuth((a) => a.accounts.require('pat.wang'))).lockedUntil).toBeDefined();
    expect(run('user', 'unlock', 'pat.wang').stdout).toBe('pat.wang: active\n');
    const ok = await serverAuth((a) => a.accounts.signIn('pat.wang', 'a long enough password', policy));
    expect(ok.ok).toBe(true);
  });

  it('refuses to issue tokens in production without CARELOOP_JWT_SECRET', () => {
    const { CARELOOP_JWT_SECRET: _ignored, ...withoutSecret } = process.env;
    const out = spawnSync(process.execPath, [CLI, 'token', '--user', 'dr.li'], {
      env: { ...withoutSecret, CARELOOP_DB: db, CARELOOP_ENV: 'production' },
      encoding: 'utf8',
    });
    expect(out.status).not.toBe(0);
    expect(out.stderr).toContain('CARELOOP_JWT_SECRET is required when CARELOOP_ENV=production');
  });
});
