import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationOutcome } from '@medplum/fhirtypes';
import { backendsUnderTest } from '../testing/backends';
import { openTestApp, type TestApp } from '../testing/app';
import { signIn } from '../testing/auth';

// HTTP behaviour only (headers, CORS, limits, parsing): the store backend makes no difference, SQLite suffices.
const sqlite = backendsUnderTest.find((b) => b.name === 'sqlite')!;
const ALLOWED = 'https://emr.example.org';

function expectSafeOutcome(body: string): OperationOutcome {
  const o = JSON.parse(body) as OperationOutcome;
  expect(o.resourceType).toBe('OperationOutcome');
  expect(body).not.toMatch(/\bat .+:\d+:\d+|node_modules|\/work\/|SELECT |INSERT |sqlite|postgres|stack/i);
  return o;
}

describe('hardening: headers, CORS, body parsing', () => {
  let t: TestApp;
  let auth: { authorization: string };
  beforeAll(async () => {
    t = await openTestApp(sqlite, { CARELOOP_CORS_ORIGINS: ALLOWED, CARELOOP_BODY_LIMIT: '65536' });
    auth = await signIn(t, { role: 'clinician', organization: 'org-1' });
  });
  afterAll(async () => t.close());

  it('sends security headers with a CSP that allows the app at / and forbids framing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/fhir/metadata' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    // Inline styles are allowed (printable reports carry their own <style>); inline scripts never are.
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers CORS for a configured origin and not for another', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/fhir/metadata', headers: { origin: ALLOWED } });
    expect(ok.headers['access-control-allow-origin']).toBe(ALLOWED);
    const pre = await t.app.inject({
      method: 'OPTIONS',
      url: '/fhir/Patient',
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(pre.statusCode).toBe(204);
    expect(String(pre.headers['access-control-allow-headers'])).toContain('Authorization');
    const denied = await t.app.inject({
      method: 'GET',
      url: '/fhir/metadata',
      headers: { origin: 'https://evil.example' },
    });
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers no CORS headers at all when no origin is configured (same origin only)', async () => {
    const same = await openTestApp(sqlite);
    try {
      const res = await same.app.inject({ method: 'GET', url: '/fhir/metadata', headers: { origin: ALLOWED } });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await same.close();
    }
  });

  it.each([
    ['a duplicate key', '{"resourceType":"Patient","gender":"male","gender":"female"}', /duplicate/i],
    ['__proto__', '{"resourceType":"Patient","__proto__":{"admin":true}}', /__proto__/],
    ['constructor.prototype', '{"resourceType":"Patient","constructor":{"prototype":{"admin":true}}}', /constructor/],
    ['deep nesting', `${'{"a":'.repeat(200)}1${'}'.repeat(200)}`, /deep|depth|nest/i],
    ['truncated JSON', '{"resourceType":"Patient","gender":', /JSON/],
  ])('refuses %s with a 400 OperationOutcome', async (_name, payload, message) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/fhir/Patient',
      headers: { ...auth, 'content-type': 'application/fhir+json' },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(expectSafeOutcome(res.body))).toMatch(message);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses a body over the limit with a 413 OperationOutcome', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/fhir/Patient',
      headers: { ...auth, 'content-type': 'application/fhir+json' },
      payload: JSON.stringify({ resourceType: 'Patient', gender: 'x'.repeat(70_000) }),
    });
    expect(res.statusCode).toBe(413);
    expectSafeOutcome(res.body);
  });

  it('never leaks internals in errors (unknown route, bad id, bad search)', async () => {
    for (const url of [
      '/fhir/..%2F..%2Fetc%2Fpasswd',
      '/api/nope',
      '/fhir/Patient/..%2F..%2Fetc',
      "/fhir/Patient?birthdate=zz'; DROP TABLE resources",
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: auth });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expectSafeOutcome(res.body);
    }
  });
});

describe('hardening: rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(sqlite, { CARELOOP_RATE_LIMIT: '5', CARELOOP_AUTH_RATE_LIMIT: '2' });
  });
  afterAll(async () => t.close());

  it('answers 429 as an OperationOutcome with Retry-After once an address exceeds its limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await t.app.inject({ method: 'GET', url: '/fhir/metadata' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const o = expectSafeOutcome(res.body);
    expect(o.issue[0]?.code).toBe('throttled');
    // Another address has its own budget.
    const other = await t.app.inject({ method: 'GET', url: '/fhir/metadata', remoteAddress: '10.9.8.7' });
    expect(other.statusCode).toBe(200);
  });

  it('limits sign-in attempts per address more tightly, counted apart from the rest', async () => {
    const login = () =>
      t.app.inject({
        method: 'POST',
        url: '/auth/login',
        remoteAddress: '10.1.1.1',
        payload: { username: 'nobody', password: 'wrong password' },
      });
    expect((await login()).statusCode).toBe(401);
    expect((await login()).statusCode).toBe(401);
    const third = await login();
    expect(third.statusCode).toBe(429);
    expectSafeOutcome(third.body);
    const other = await t.app.inject({ method: 'GET', url: '/fhir/metadata', remoteAddress: '10.1.1.1' });
    expect(other.statusCode).toBe(200);
  });
});
