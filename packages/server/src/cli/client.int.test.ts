import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { exportJWK, generateKeyPair } from 'jose';
import { loadConfig } from '../config/config';
import { ServiceClients } from '../services/auth/service-clients';
import type { Store } from '../store/open-store';
import { backendsUnderTest } from '../testing/backends';
import { addClient, clientTable, registerClient } from './client';

describe.each(backendsUnderTest)('careloop client on $name', (backend) => {
  let store: Store;
  let db: string;
  let cleanup: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'careloop-client-'));
  const publicFile = join(dir, 'public.json');
  const privateFile = join(dir, 'private.json');
  const clock = () => new Date('2025-03-01T08:00:00Z');

  beforeAll(async () => {
    ({ store, db, cleanup } = await backend.open());
    const { publicKey, privateKey } = await generateKeyPair('ES384', { extractable: true });
    writeFileSync(publicFile, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1' }] }));
    writeFileSync(privateFile, JSON.stringify({ keys: [{ ...(await exportJWK(privateKey)), kid: 'k1' }] }));
  });
  afterAll(async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers a client with its public JWKS, lists it, and audits the registration', async () => {
    const c = await addClient(
      store.backend,
      { id: 'lab-sync', jwks: publicFile, scope: 'system/*.rs system/Observation.c', organization: 'org-1' },
      clock,
    );
    expect(c).toMatchObject({ clientId: 'lab-sync', role: 'system', scopes: ['system/*.rs', 'system/Observation.c'] });
    const listed = await new ServiceClients(store.backend, clock).list();
    expect(clientTable(listed)).toBe('lab-sync  system  org-1  enabled  system/*.rs system/Observation.c  kid k1\n');
    const audit = await store.backend.query<{ content: string }>("SELECT content FROM audit_log WHERE kind = 'admin'");
    expect(audit.some((r) => r.content.includes('service client lab-sync registered'))).toBe(true);
  });

  it.each([
    ['a duplicate id', { id: 'lab-sync', jwks: 'public', scope: 'system/*.rs' }, /already exists/],
    ['a private key', { id: 'x1', jwks: 'private', scope: 'system/*.rs' }, /private key material/],
    ['a user/ scope for a system client', { id: 'x2', jwks: 'public', scope: 'user/*.rs' }, /not a system\/ scope/],
    ['a system/ scope for a nurse', { id: 'x4', jwks: 'public', scope: 'system/*.rs', role: 'nurse' }, /not a user\//],
    ['a patient role', { id: 'x5', jwks: 'public', scope: 'patient/*.rs', role: 'patient' }, /role must be/],
    ['a missing file', { id: 'x3', jwks: 'missing', scope: 'system/*.rs' }, /cannot read/],
    ['an invalid id', { id: 'a b', jwks: 'public', scope: 'system/*.rs' }, /client id/],
  ])('refuses %s', async (_name, flags, message) => {
    const file = { public: publicFile, private: privateFile, missing: join(dir, 'nope.json') }[flags.jwks] ?? '';
    await expect(addClient(store.backend, { ...flags, jwks: file }, clock)).rejects.toThrow(message);
  });

  it('runs as `careloop client add` / `disable` against CARELOOP_DB', async () => {
    const program = new Command().exitOverride();
    registerClient(program, loadConfig({ CARELOOP_DB: db }));
    await program.parseAsync(['client', 'add', '--id', 'etl', '--jwks', publicFile, '--scope', 'system/*.read'], {
      from: 'user',
    });
    await program.parseAsync(['client', 'disable', 'etl'], { from: 'user' });
    expect(await new ServiceClients(store.backend, clock).get('etl')).toMatchObject({
      scopes: ['system/*.read'],
      disabled: true,
    });
  });
});
