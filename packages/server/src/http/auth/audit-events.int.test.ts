import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../config/config';
import { MemoryAuditRecorder } from '../../services/audit/recorder';
import { openAuth } from '../../services/auth/index';
import type { TokenGrant } from '../../services/auth/sign-in';
import { FhirService } from '../../services/fhir-service';
import { manualClock } from '../../testing/app';
import { TEST_PASSWORD } from '../../testing/auth';
import { backendsUnderTest } from '../../testing/backends';
import { buildApp } from '../app';

describe.each(backendsUnderTest)('audit events of sign-in and refusals on $name', (backend) => {
  const audit = new MemoryAuditRecorder();
  let app: FastifyInstance;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const opened = await backend.open();
    const config = loadConfig({ CARELOOP_LOG_LEVEL: 'silent', CARELOOP_LOCKOUT_ATTEMPTS: '2' });
    const auth = await openAuth(config, opened.store.backend, audit, manualClock());
    await auth.accounts.add({ username: 'dr.ma', password: TEST_PASSWORD, role: 'clinician' });
    app = await buildApp(config, {
      fhir: new FhirService(opened.store.repository, audit),
      audit,
      auth,
      ping: () => Promise.resolve(),
    });
    cleanup = async () => {
      await app.close();
      await opened.cleanup();
    };
  });
  afterAll(async () => cleanup());

  const events = () => audit.events.map(({ ctx, event }) => ({ user: ctx.user?.id, ...event }));
  const login = (password: string) =>
    app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'dr.ma', password } });

  it('records sign-in success, failure and lock-out, refresh, logout and each 401 refusal', async () => {
    const grant = (await login(TEST_PASSWORD)).json<TokenGrant>();
    const refreshed = await app.inject({
      method: 'POST',
      url: '/auth/token',
      payload: { grant_type: 'refresh_token', refresh_token: grant.refresh_token },
    });
    const next = refreshed.json<TokenGrant>();
    await app.inject({ method: 'POST', url: '/auth/logout', payload: { refresh_token: next.refresh_token } });
    await login('wrong password');
    await login('wrong password');
    expect((await login(TEST_PASSWORD)).statusCode).toBe(423);
    await app.inject({ url: '/fhir/Patient/p1' });
    await app.inject({ method: 'POST', url: '/api/reports/r1/sign', headers: { authorization: 'Bearer x.y.z' } });
    expect(events()).toEqual([
      { user: 'dr.ma', kind: 'login', outcome: 'success', username: 'dr.ma', address: '127.0.0.1' },
      { user: 'dr.ma', kind: 'token', outcome: 'success', detail: 'refresh', address: '127.0.0.1' },
      { user: undefined, kind: 'logout', outcome: 'success', address: '127.0.0.1' },
      ...[1, 2].map(() => ({
        user: undefined,
        kind: 'login',
        outcome: 'refused',
        detail: 'bad credentials (password)',
        username: 'dr.ma',
        address: '127.0.0.1',
      })),
      {
        user: undefined,
        kind: 'login',
        outcome: 'refused',
        detail: expect.stringMatching(/^locked until 20\d\d-/) as unknown,
        username: 'dr.ma',
        address: '127.0.0.1',
      },
      {
        user: undefined,
        kind: 'read',
        outcome: 'refused',
        detail: '401 GET /fhir/:type/:id: no access token',
        address: '127.0.0.1',
      },
      {
        user: undefined,
        kind: 'sign',
        outcome: 'refused',
        detail: '401 POST /api/reports/:id/sign: Invalid access token',
        address: '127.0.0.1',
      },
    ]);
    // Never a password or a token in the audit trail.
    expect(JSON.stringify(audit.events)).not.toContain(TEST_PASSWORD);
    expect(JSON.stringify(audit.events)).not.toContain(grant.refresh_token);
  });
});
