import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import { ConfigError, loadConfig } from '../../config/config';
import type { Store } from '../../store/open-store';
import { manualClock } from '../../testing/app';
import { backendsUnderTest } from '../../testing/backends';
import { MemoryAuditRecorder } from '../audit/recorder';
import { AccountService, type NewAccount } from './accounts';
import { openAuth } from './index';
import { RefreshTokens } from './refresh-tokens';
import { jwtSecret } from './secret';

const PASSWORD = 'a long enough password';

describe.each(backendsUnderTest)('account store, lock-out and refresh tokens on $name', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  const clock = manualClock();
  let accounts: AccountService;
  beforeAll(async () => {
    ({ store, cleanup } = await backend.open());
    accounts = new AccountService(store.backend, clock);
  });
  afterAll(async () => cleanup());

  it('adds accounts with an argon2id hash, generates passwords, lists them without hashes', async () => {
    const given = await accounts.add({ username: 'dr.sun', role: 'clinician', password: PASSWORD, organization: 'o1' });
    expect(given.password).toBe(PASSWORD);
    expect(given.account).toEqual({
      username: 'dr.sun',
      role: 'clinician',
      organization: 'o1',
      disabled: false,
      failedCount: 0,
      created: '2025-01-01T00:00:00.000Z',
    });
    const generated = await accounts.add({ username: 'pat.1', role: 'patient', patient: 'p1' });
    expect(generated.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect((await accounts.signIn('pat.1', generated.password, { attempts: 5, minutes: 1 })).ok).toBe(true);
    const [row] = await store.backend.query<{ password_hash: string }>(
      'SELECT password_hash FROM accounts WHERE username = ?',
      ['dr.sun'],
    );
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect((await accounts.list()).map((a) => a.username)).toEqual(['dr.sun', 'pat.1']);
    expect(JSON.stringify(await accounts.list())).not.toContain('argon2');
  });

  const invalid: [string, NewAccount, string][] = [
    ['duplicate', { username: 'dr.sun', role: 'nurse', password: PASSWORD }, 'already exists'],
    ['bad username', { username: 'dr sun', role: 'nurse', password: PASSWORD }, 'username'],
    ['system role', { username: 'svc', role: 'system', password: PASSWORD }, 'role must be one of'],
    ['patient without Patient', { username: 'pat.2', role: 'patient', password: PASSWORD }, 'Patient id'],
    ['short password', { username: 'n.1', role: 'nurse', password: 'short' }, 'at least 10'],
    ['bad organization', { username: 'n.2', role: 'nurse', organization: 'a/b', password: PASSWORD }, 'organization'],
  ];
  it.each(invalid)('refuses %s', async (_name, account, message) => {
    const err = await accounts.add(account).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OperationOutcomeError);
    expect((err as Error).message).toContain(message);
  });

  it('locks after N failures in a row, until the lock-out ends or an administrator unlocks', async () => {
    const policy = { attempts: 2, minutes: 5 };
    await accounts.add({ username: 'nurse.li', role: 'nurse', password: PASSWORD });
    expect(await accounts.signIn('nurse.li', 'wrong', policy)).toEqual({
      ok: false,
      reason: 'invalid',
      detail: 'password',
    });
    expect((await accounts.signIn('nurse.li', 'wrong', policy)).ok).toBe(false);
    const until = new Date(clock().getTime() + 5 * 60_000).toISOString();
    expect(await accounts.signIn('nurse.li', PASSWORD, policy)).toEqual({ ok: false, reason: 'locked', until });
    clock.advance(5 * 60 - 1);
    expect((await accounts.signIn('nurse.li', PASSWORD, policy)).ok).toBe(false);
    clock.advance(1);
    expect((await accounts.signIn('nurse.li', PASSWORD, policy)).ok).toBe(true);
    await accounts.signIn('nurse.li', 'wrong', policy);
    await accounts.signIn('nurse.li', 'wrong', policy);
    expect((await accounts.require('nurse.li')).lockedUntil).toBeDefined();
    await accounts.unlock('nurse.li');
    expect((await accounts.signIn('nurse.li', PASSWORD, policy)).ok).toBe(true);
    expect(await accounts.signIn('nobody', PASSWORD, policy)).toEqual({
      ok: false,
      reason: 'invalid',
      detail: 'unknown',
    });
    await accounts.setDisabled('nurse.li', true);
    expect(await accounts.signIn('nurse.li', PASSWORD, policy)).toEqual({
      ok: false,
      reason: 'invalid',
      detail: 'disabled',
    });
    await accounts.setPassword('dr.sun', 'another long password');
    expect((await accounts.signIn('dr.sun', PASSWORD, policy)).ok).toBe(false);
    expect((await accounts.signIn('dr.sun', 'another long password', policy)).ok).toBe(true);
  });

  it('stores refresh tokens hashed, rotates them once, expires them and revokes a family', async () => {
    const refresh = new RefreshTokens(store.backend, 60, clock);
    const token = await refresh.issue('dr.sun', ['user/*.rs']);
    const rows = await store.backend.query<{ token_hash: string }>('SELECT token_hash FROM refresh_tokens');
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
    const next = await refresh.rotate(token);
    expect(next).toMatchObject({ username: 'dr.sun', scopes: ['user/*.rs'] });
    expect(await refresh.rotate(token)).toBeUndefined();
    expect(await refresh.rotate(next?.refreshToken ?? '')).toBeUndefined(); // replay revoked the family
    const late = await refresh.issue('dr.sun', []);
    clock.advance(61);
    expect(await refresh.rotate(late)).toBeUndefined();
    const out = await refresh.issue('dr.sun', []);
    expect(await refresh.revoke(out)).toBe(true);
    expect(await refresh.rotate(out)).toBeUndefined();
    expect(await refresh.revoke('unknown')).toBe(false);
  });

  it('keeps one development signing key in the store; production needs CARELOOP_JWT_SECRET', async () => {
    const dev = loadConfig({});
    const a = await jwtSecret(dev, store.backend);
    expect(a).toHaveLength(32);
    expect(await jwtSecret(dev, store.backend)).toEqual(a);
    const one = await openAuth(dev, store.backend, new MemoryAuditRecorder(), clock);
    const two = await openAuth(dev, store.backend, new MemoryAuditRecorder(), clock);
    const issued = await one.tokens.issue({ id: 'dr.sun', role: 'clinician' }, ['user/*.rs']);
    expect(await two.tokens.verify(issued.accessToken)).toEqual({
      id: 'dr.sun',
      role: 'clinician',
      scopes: ['user/*.rs'],
    });
    const prod = loadConfig({ CARELOOP_ENV: 'production' });
    await expect(jwtSecret(prod, store.backend)).rejects.toThrow(ConfigError);
    await expect(jwtSecret(prod, store.backend)).rejects.toThrow(/CARELOOP_JWT_SECRET is required/);
    const configured = loadConfig({ CARELOOP_ENV: 'production', CARELOOP_JWT_SECRET: 's'.repeat(40) });
    expect(Buffer.from(await jwtSecret(configured, store.backend)).toString()).toBe('s'.repeat(40));
  });
});
