import type { OperationOutcome } from '@medplum/fhirtypes';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtSecret } from '../../services/auth/secret';
import type { TokenGrant } from '../../services/auth/sign-in';
import { TokenService } from '../../services/auth/tokens';
import { openTestApp, type TestApp } from '../../testing/app';
import { signIn, signInGrant, TEST_PASSWORD } from '../../testing/auth';
import { backendsUnderTest } from '../../testing/backends';

const text = (body: string): string | undefined => (JSON.parse(body) as OperationOutcome).issue?.[0]?.details?.text;

describe.each(backendsUnderTest)('sign-in and the 401 gate on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(backend, { CARELOOP_LOCKOUT_ATTEMPTS: '3', CARELOOP_LOCKOUT_MINUTES: '10' });
  });
  afterAll(async () => t.close());

  const login = (username: string, password: string, extra: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password, ...extra } });
  const refresh = (refreshToken: string) =>
    t.app.inject({
      method: 'POST',
      url: '/auth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString(),
    });
  const me = (authorization: string) => t.app.inject({ url: '/auth/me', headers: { authorization } });

  const gated: InjectOptions[] = [
    { method: 'GET', url: '/fhir/Patient' },
    { method: 'GET', url: '/fhir/Patient/p1' },
    { method: 'GET', url: '/fhir/Patient/p1/_history' },
    { method: 'POST', url: '/fhir/Patient/_search' },
    { method: 'POST', url: '/fhir', payload: { resourceType: 'Bundle', type: 'batch' } },
    { method: 'POST', url: '/fhir/Patient', payload: { resourceType: 'Patient' } },
    { method: 'PUT', url: '/fhir/Patient/p1', payload: { resourceType: 'Patient', id: 'p1' } },
    { method: 'DELETE', url: '/fhir/Patient/p1' },
    { method: 'GET', url: '/api/reports/x' },
    { method: 'POST', url: '/api/reports/x/sign' },
    { method: 'POST', url: '/api/checkups/e1/interpret' },
    { method: 'GET', url: '/api/scores' },
    { method: 'POST', url: '/api/scores/chads-vasc', payload: {} },
    { method: 'GET', url: '/%66hir/Patient' }, // percent-encoded: judged by the route it reaches
  ];
  it.each(gated)('401 with WWW-Authenticate and an OperationOutcome: $method $url', async (req) => {
    for (const headers of [{}, { authorization: 'Bearer nonsense' }, { authorization: 'Basic dXNlcjpwYXNz' }]) {
      const res = await t.app.inject({ ...req, headers });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="careloop"/);
      expect(JSON.parse(res.body)).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'login' }] });
    }
  });

  it('answers the open routes without a token', async () => {
    for (const url of ['/fhir/metadata', '/healthz', '/.well-known/smart-configuration']) {
      expect((await t.app.inject({ url })).statusCode, url).toBe(200);
    }
    const smart = (await t.app.inject({ url: '/fhir/.well-known/smart-configuration' })).json<
      Record<string, unknown>
    >();
    expect(smart).toMatchObject({
      token_endpoint: 'http://careloop.test/auth/token',
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      grant_types_supported: expect.arrayContaining(['client_credentials', 'refresh_token']) as unknown,
    });
    expect(smart.authorization_endpoint).toBeUndefined(); // no OIDC configured
    // A GET outside /fhir and /api is the web app's business: never a 401.
    expect((await t.app.inject({ url: '/some/page' })).statusCode).not.toBe(401);
    expect((await me('')).statusCode).toBe(401);
  });

  it('signs in, answers /auth/me and opens gated routes with the access token', async () => {
    await t.auth.accounts.add({
      username: 'dr.zhang',
      password: TEST_PASSWORD,
      role: 'clinician',
      display: 'Dr Zhang',
      organization: 'org-1',
      practitioner: 'pr-1',
    });
    const res = await login('dr.zhang', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const grant = res.json<TokenGrant>();
    expect(grant).toMatchObject({
      token_type: 'Bearer',
      expires_in: 900,
      scope: 'user/*.cruds',
      user: { id: 'dr.zhang', username: 'dr.zhang', role: 'clinician', organization: 'org-1', practitioner: 'pr-1' },
    });
    expect(grant.refresh_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const who = await me(`Bearer ${grant.access_token}`);
    expect(who.json()).toMatchObject({
      id: 'dr.zhang',
      role: 'clinician',
      display: 'Dr Zhang',
      scopes: ['user/*.cruds'],
    });
    const scores = await t.app.inject({
      url: '/api/scores',
      headers: { authorization: `Bearer ${grant.access_token}` },
    });
    expect(scores.statusCode).toBe(200);
  });

  it('answers unknown users, wrong passwords and disabled accounts alike', async () => {
    await t.auth.accounts.add({ username: 'nurse.wu', password: TEST_PASSWORD, role: 'nurse' });
    const unknown = await login('nobody', TEST_PASSWORD);
    const wrong = await login('nurse.wu', 'not the password');
    await t.auth.accounts.setDisabled('nurse.wu', true);
    const disabled = await login('nurse.wu', TEST_PASSWORD);
    for (const r of [unknown, wrong, disabled]) {
      expect(r.statusCode).toBe(401);
      expect(text(r.body)).toBe('Invalid username or password');
    }
    await t.auth.accounts.setDisabled('nurse.wu', false);
    expect((await login('nurse.wu', TEST_PASSWORD)).statusCode).toBe(200);
    expect((await login('nurse.wu', '')).statusCode).toBe(400);
  });

  it('locks an account after 3 failures in a row for 10 minutes; a success resets the count', async () => {
    await t.auth.accounts.add({ username: 'admin.he', password: TEST_PASSWORD, role: 'admin' });
    for (let i = 0; i < 2; i++) expect((await login('admin.he', 'wrong password')).statusCode).toBe(401);
    expect((await login('admin.he', TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) expect((await login('admin.he', 'wrong password')).statusCode).toBe(401);
    const locked = await login('admin.he', TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    const until = new Date(t.authClock().getTime() + 10 * 60_000).toISOString();
    expect(text(locked.body)).toContain(until);
    t.authClock.advance(10 * 60 + 1);
    expect((await login('admin.he', TEST_PASSWORD)).statusCode).toBe(200);
    const account = await t.auth.accounts.require('admin.he');
    expect([account.failedCount, account.lockedUntil]).toEqual([0, undefined]);
  });

  it('rotates refresh tokens, refuses a spent one (and then its whole family), and revokes on logout', async () => {
    const { grant } = await signInGrant(t, { role: 'patient', patient: 'pat-1' });
    expect(grant.scope).toBe('patient/*.rs');
    const first = await refresh(grant.refresh_token);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    const rotated = first.json<TokenGrant>();
    expect(rotated.refresh_token).not.toBe(grant.refresh_token);
    expect((await me(`Bearer ${rotated.access_token}`)).json()).toMatchObject({ role: 'patient', patient: 'pat-1' });
    expect((await refresh(grant.refresh_token)).statusCode).toBe(400); // replayed
    expect((await refresh(rotated.refresh_token)).statusCode).toBe(400); // family revoked by the replay

    const again = (await signInGrant(t, { role: 'nurse' })).grant;
    const out = await t.app.inject({
      method: 'POST',
      url: '/auth/logout',
      payload: { refresh_token: again.refresh_token },
    });
    expect(out.statusCode).toBe(204);
    expect((await refresh(again.refresh_token)).statusCode).toBe(400);

    const late = (await signInGrant(t, { role: 'nurse' })).grant;
    t.authClock.advance(t.config.refreshTokenTtl + 1);
    expect((await refresh(late.refresh_token)).statusCode).toBe(400);
    const bad = await t.app.inject({ method: 'POST', url: '/auth/token', payload: { grant_type: 'password' } });
    expect(bad.statusCode).toBe(400);
  });

  it('narrows the granted scopes to those asked for, never widens them', async () => {
    const narrowed = await signInGrant(t, { role: 'clinician', scopes: 'user/Observation.rs openid' });
    expect(narrowed.grant.scope).toBe('user/Observation.rs openid');
    const wider = await signInGrant(t, { role: 'patient', patient: 'pat-2', scopes: 'user/*.cruds' });
    expect(wider.grant.scope).toBe('');
  });

  it('refuses expired, tampered and foreign tokens', async () => {
    const h = await signIn(t, { role: 'clinician', organization: 'org-1' });
    expect((await me(h.authorization)).statusCode).toBe(200);
    const [head = '', payload = '', signature = ''] = h.authorization.slice('Bearer '.length).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect((await me(`Bearer ${head}.${forged}.${signature}`)).statusCode).toBe(401);
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const unsigned = await t.app.inject({
      url: '/fhir/Patient',
      headers: { authorization: `Bearer ${none}.${payload}.` },
    });
    expect(unsigned.statusCode).toBe(401);

    const key = await jwtSecret(t.config, t.store.backend);
    const user = { id: 'dr.x', role: 'clinician' } as const;
    for (const options of [{ audience: 'https://elsewhere.example/fhir' }, { issuer: 'https://elsewhere.example' }]) {
      const foreign = await new TokenService(key, { ...t.auth.tokens.options, ...options }).issue(user, []);
      const res = await t.app.inject({
        url: '/fhir/Patient',
        headers: { authorization: `Bearer ${foreign.accessToken}` },
      });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
    }
    const ours = await t.auth.tokens.issue(user, []);
    expect((await me(`Bearer ${ours.accessToken}`)).statusCode).toBe(200);

    t.authClock.advance(t.config.accessTokenTtl + 1);
    const expired = await t.app.inject({ url: '/fhir/Patient', headers: h });
    expect(expired.statusCode).toBe(401);
    expect(text(expired.body)).toBe('The access token has expired');
  });
});
