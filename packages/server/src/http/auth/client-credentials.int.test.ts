import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { backendsUnderTest } from '../../testing/backends';
import { openTestApp, type TestApp } from '../../testing/app';
import { JWT_BEARER_ASSERTION } from '../../services/auth/client-credentials';

const TOKEN_URL = 'http://careloop.test/auth/token';

interface Signer {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  readonly alg: 'RS384' | 'ES384';
  readonly kid: string;
}

async function signer(alg: 'RS384' | 'ES384', kid: string): Promise<Signer> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg }, alg, kid };
}

describe.each(backendsUnderTest)('client credentials grant (SMART Backend Services) on $name', (backend) => {
  let t: TestApp;
  let rsa: Signer;
  let ec: Signer;
  let impostor: Signer;

  /** A client assertion as SMART describes it; `claims` and `header` override the defaults. */
  const assertion = async (
    key: Signer,
    claims: Record<string, unknown> = {},
    header: Record<string, unknown> = {},
  ): Promise<string> => {
    const now = Math.floor(t.authClock().getTime() / 1000);
    return new SignJWT({
      iss: 'lab-sync',
      sub: 'lab-sync',
      aud: TOKEN_URL,
      exp: now + 240,
      jti: randomUUID(),
      ...claims,
    })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header })
      .sign(key.privateKey);
  };

  const token = (fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/auth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: JWT_BEARER_ASSERTION,
        scope: 'system/*.rs',
        ...fields,
      }).toString(),
    });

  const refusal = async (fields: Record<string, string>) => {
    const res = await token(fields);
    return { status: res.statusCode, ...res.json<{ error: string; error_description: string }>() };
  };

  beforeAll(async () => {
    t = await openTestApp(backend);
    rsa = await signer('RS384', 'rsa-1');
    ec = await signer('ES384', 'ec-1');
    impostor = await signer('RS384', 'rsa-1'); // same kid, another key
    await t.auth.clients.add({
      clientId: 'lab-sync',
      scopes: ['system/*.rs', 'system/Observation.cruds'],
      organization: 'org-1',
      jwks: { keys: [rsa.publicJwk, ec.publicJwk] },
    });
  });
  afterAll(() => t.close());

  it('issues a token for a good RS384 assertion, and the token reads /fhir/Patient', async () => {
    const res = await token({ client_assertion: await assertion(rsa) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json<{ access_token: string; token_type: string; expires_in: number; scope: string }>();
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'system/*.rs' });
    expect(body.expires_in).toBeGreaterThan(0);
    const authorization = `Bearer ${body.access_token}`;
    const me = await t.app.inject({ method: 'GET', url: '/auth/me', headers: { authorization } });
    expect(me.json()).toMatchObject({ id: 'lab-sync', role: 'system', organization: 'org-1', scopes: ['system/*.rs'] });
    const search = await t.app.inject({ method: 'GET', url: '/fhir/Patient', headers: { authorization } });
    expect(search.statusCode).toBe(200);
    expect(search.json()).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
  });

  it('accepts ES384 and a narrower scope within the allowed ones', async () => {
    const res = await token({ client_assertion: await assertion(ec), scope: 'system/Observation.rs system/Patient.r' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ scope: 'system/Observation.rs system/Patient.r' });
  });

  it.each([
    ['a key not registered for the client', async () => assertion(impostor), /signature/],
    ['an expired assertion', async () => assertion(rsa, { exp: 1_735_689_000 }), /expired/],
    ['a wrong aud', async () => assertion(rsa, { aud: 'https://other.example/token' }), /aud must be/],
    ['exp more than 5 minutes ahead', async () => assertion(rsa, { exp: 1_735_689_600 + 3600 }), /5 minutes/],
    ['sub differing from iss', async () => assertion(rsa, { sub: 'someone-else' }), /iss and sub/],
    ['an unknown client', async () => assertion(rsa, { iss: 'nobody', sub: 'nobody' }), /unknown client/],
    ['an unknown kid', async () => assertion(rsa, {}, { kid: 'other' }), /kid/],
    ['no jti', async () => assertion(rsa, { jti: undefined }), /jti/],
  ])('refuses %s with 401 invalid_client', async (_name, make, description) => {
    const r = await refusal({ client_assertion: await make() });
    expect(r).toMatchObject({ status: 401, error: 'invalid_client' });
    expect(r.error_description).toMatch(description);
  });

  it('refuses an assertion signed with HS256 (a shared secret is not a registered key)', async () => {
    const now = Math.floor(t.authClock().getTime() / 1000);
    const hs = await new SignJWT({ iss: 'lab-sync', sub: 'lab-sync', aud: TOKEN_URL, exp: now + 60, jti: 'h' })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .sign(new TextEncoder().encode('x'.repeat(32)));
    expect(await refusal({ client_assertion: hs })).toMatchObject({ status: 401, error: 'invalid_client' });
  });

  it('refuses a replayed jti', async () => {
    const once = await assertion(rsa);
    expect((await token({ client_assertion: once })).statusCode).toBe(200);
    const r = await refusal({ client_assertion: once });
    expect(r).toMatchObject({ status: 401, error: 'invalid_client' });
    expect(r.error_description).toMatch(/replay/);
  });

  it.each([
    ['system/*.cruds', /system\/\*\.cruds/],
    ['system/Patient.c', /Patient\.c/],
    ['user/*.rs', /user/],
    ['', /scope is required/],
  ])('refuses scope "%s" beyond the client with 400 invalid_scope', async (scope, description) => {
    const r = await refusal({ client_assertion: await assertion(rsa), scope });
    expect(r).toMatchObject({ status: 400, error: 'invalid_scope' });
    expect(r.error_description).toMatch(description);
  });

  it('refuses a missing assertion or a wrong assertion type with 400 invalid_request', async () => {
    expect(await refusal({})).toMatchObject({ status: 400, error: 'invalid_request' });
    const wrongType = await refusal({ client_assertion: await assertion(rsa), client_assertion_type: 'password' });
    expect(wrongType).toMatchObject({ status: 400, error: 'invalid_request' });
  });

  it('gives a client registered with a staff role user/ scopes in that role', async () => {
    await t.auth.clients.add({
      clientId: 'ward-kiosk',
      role: 'nurse',
      organization: 'org-1',
      scopes: ['user/Observation.cruds'],
      jwks: { keys: [ec.publicJwk] },
    });
    const kiosk = { iss: 'ward-kiosk', sub: 'ward-kiosk' };
    const res = await token({ client_assertion: await assertion(ec, kiosk), scope: 'user/Observation.rs' });
    expect(res.statusCode).toBe(200);
    const me = await t.app.inject({
      method: 'GET',
      url: '/auth/me',
      headers: { authorization: `Bearer ${res.json<{ access_token: string }>().access_token}` },
    });
    expect(me.json()).toMatchObject({ id: 'ward-kiosk', role: 'nurse', scopes: ['user/Observation.rs'] });
    const system = await refusal({ client_assertion: await assertion(ec, kiosk), scope: 'system/Observation.rs' });
    expect(system).toMatchObject({ status: 400, error: 'invalid_scope' });
  });

  it('refuses a disabled client, and audits sign-ins and refusals as token events', async () => {
    await t.auth.clients.setDisabled('lab-sync', true);
    const r = await refusal({ client_assertion: await assertion(rsa) });
    expect(r).toMatchObject({
      status: 401,
      error: 'invalid_client',
      error_description: 'client "lab-sync" is disabled',
    });
    await t.auth.clients.setDisabled('lab-sync', false);
    const rows = await t.store.backend.query<{ content: string }>(
      "SELECT content FROM audit_log WHERE kind = 'token' AND user_id = 'lab-sync' ORDER BY seq",
    );
    const events = rows.map((row) => JSON.parse(row.content) as { outcome: string; outcomeDesc?: string });
    expect(events.some((e) => e.outcome === '0' && e.outcomeDesc?.startsWith('client_credentials: '))).toBe(true);
    expect(events.some((e) => e.outcome !== '0' && e.outcomeDesc?.includes('replay'))).toBe(true);
    expect(events.some((e) => e.outcomeDesc?.includes('is disabled'))).toBe(true);
  });
});
