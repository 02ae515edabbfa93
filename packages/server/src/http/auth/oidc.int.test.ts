import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { backendsUnderTest } from '../../testing/backends';
import { openTestApp, type TestApp } from '../../testing/app';
import { STATE_COOKIE } from './oidc';

const REDIRECT = 'http://careloop.test/auth/oidc/callback';
const CLIENT_ID = 'careloop';

/** The people the identity provider knows, by `sub`. */
const PEOPLE: Readonly<Record<string, Record<string, unknown>>> = {
  'idp-li': { preferred_username: 'dr.li', name: 'Dr Li' },
  'idp-stranger': { preferred_username: 'stranger' },
  'idp-wang': { email: 'wang@clinic.example', email_verified: true },
  'idp-unverified': { email: 'zhao@clinic.example', email_verified: false },
  'idp-impostor': { preferred_username: 'dr.li' },
  'idp-off': { preferred_username: 'nurse.off' },
};

/** A real OpenID provider (oidc-provider) on 127.0.0.1; its login page signs in whoever is named in the form. */
async function startProvider(claimsInIdToken: boolean): Promise<{ issuer: string; server: Server }> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.end();
  };
  const server = createServer((req, res) => {
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: 'careloop-test-secret',
        redirect_uris: [REDIRECT],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['oidc-provider-test-cookie-key'] },
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'], email: ['email', 'email_verified'] },
    // true: profile claims only at userinfo (OIDC Core §5.4); false: in the ID token too.
    conformIdTokenClaims: !claimsInIdToken,
    findAccount: (_ctx: unknown, sub: string) =>
      PEOPLE[sub] ? { accountId: sub, claims: () => ({ sub, ...PEOPLE[sub] }) } : undefined,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
  });
  const callback = provider.callback();
  handle = (req, res) => {
    const login = /^\/interaction\/[^/]+\/login$/.exec(req.url ?? '');
    if (!login || req.method !== 'POST') {
      callback(req, res);
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      void (async () => {
        const accountId = new URLSearchParams(body).get('sub') ?? '';
        const grant = new provider.Grant({ clientId: CLIENT_ID, accountId });
        grant.addOIDCScope('openid profile email');
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } });
      })();
    });
  };
  return { issuer, server };
}

/** A browser's cookie jar, enough for one provider (cookies are sent to every path). */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

// Both ways providers hand out profile claims, one per backend: ID token (SQLite), userinfo only (PostgreSQL).
const cases = backendsUnderTest.map((backend) => ({ backend, claimsInIdToken: backend.name === 'sqlite' }));

describe.each(cases)(
  'OpenID Connect sign-in against a real provider on $backend.name',
  ({ backend, claimsInIdToken }) => {
    let t: TestApp;
    let idp: { issuer: string; server: Server };

    /** Drives the provider as a browser would, from its authorization URL to the redirect back to CareLoop. */
    async function atProvider(authorizationUrl: string, sub: string): Promise<URL> {
      const jar = new Jar();
      let url = authorizationUrl;
      for (let hop = 0; hop < 10; hop++) {
        if (url.startsWith(REDIRECT)) return new URL(url);
        const interaction = /\/interaction\/([^/?]+)$/.exec(new URL(url).pathname);
        const res = interaction
          ? await fetch(`${url}/login`, {
              method: 'POST',
              redirect: 'manual',
              headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({ sub }).toString(),
            })
          : await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
        jar.take(res);
        const location = res.headers.get('location');
        if (!location) throw new Error(`provider answered ${res.status} at ${url}: ${await res.text()}`);
        url = new URL(location, url).href;
      }
      throw new Error('too many redirects at the provider');
    }

    /** The whole sign-in: CareLoop login → provider → CareLoop callback (with the state cookie). */
    async function signInAs(sub: string) {
      const start = await t.app.inject({ method: 'GET', url: '/auth/oidc/login' });
      expect(start.statusCode).toBe(302);
      const cookie = String(start.headers['set-cookie']).split(';')[0] ?? '';
      expect(cookie.startsWith(`${STATE_COOKIE}=`)).toBe(true);
      const back = await atProvider(String(start.headers.location), sub);
      const callbackPath = `${back.pathname}${back.search}`;
      const res = await t.app.inject({ method: 'GET', url: callbackPath, headers: { cookie } });
      return { res, callbackPath, cookie };
    }

    const fragment = (location: string) => new URLSearchParams(location.split('#')[1] ?? '');

    beforeAll(async () => {
      idp = await startProvider(claimsInIdToken);
      t = await openTestApp(backend, {
        CARELOOP_OIDC_ISSUER: idp.issuer,
        CARELOOP_OIDC_CLIENT_ID: CLIENT_ID,
        CARELOOP_OIDC_CLIENT_SECRET: 'careloop-test-secret',
        CARELOOP_OIDC_REDIRECT_URL: REDIRECT,
      });
      await t.auth.accounts.add({ username: 'dr.li', role: 'clinician', organization: 'org-1', practitioner: 'pr-1' });
      await t.auth.accounts.add({ username: 'wang@clinic.example', role: 'nurse', organization: 'org-1' });
      await t.auth.accounts.add({ username: 'zhao@clinic.example', role: 'nurse', organization: 'org-1' });
      await t.auth.accounts.add({ username: 'nurse.off', role: 'nurse', organization: 'org-1' });
      await t.auth.accounts.setDisabled('nurse.off', true);
    });
    afterAll(async () => {
      await t.close();
      await new Promise((resolve) => idp.server.close(resolve));
    });

    it('redirects to the provider with PKCE (S256), state and nonce', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/auth/oidc/login' });
      const url = new URL(String(res.headers.location));
      expect(url.origin).toBe(idp.issuer);
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      for (const p of ['code_challenge', 'state', 'nonce']) expect(url.searchParams.get(p)).toBeTruthy();
      expect(String(res.headers['set-cookie'])).toContain(`${STATE_COOKIE}=${url.searchParams.get('state')}`);
    });

    it('signs in a pre-created account by preferred_username and hands the web app CareLoop tokens', async () => {
      const { res } = await signInAs('idp-li');
      expect(res.statusCode).toBe(302);
      const location = String(res.headers.location);
      expect(location.startsWith('/#')).toBe(true);
      const tokens = fragment(location);
      expect(tokens.get('refresh_token')).toBeTruthy();
      const me = await t.app.inject({
        method: 'GET',
        url: '/auth/me',
        headers: { authorization: `Bearer ${tokens.get('access_token')}` },
      });
      expect(me.json()).toMatchObject({ id: 'dr.li', role: 'clinician', organization: 'org-1', practitioner: 'pr-1' });
      // The link to the provider's subject is kept: the next sign-in finds the account by `sub`.
      const links = await t.store.backend.query<{ username: string }>(
        'SELECT username FROM oidc_links WHERE subject = ?',
        ['idp-li'],
      );
      expect(links.map((l) => l.username)).toEqual(['dr.li']);
      expect((await signInAs('idp-li')).res.statusCode).toBe(302);
    });

    it('signs in by verified email, but not by an unverified one', async () => {
      expect(fragment(String((await signInAs('idp-wang')).res.headers.location)).get('access_token')).toBeTruthy();
      const unverified = await signInAs('idp-unverified');
      expect(unverified.res.statusCode).toBe(403);
    });

    it('refuses people without an account, saying that administrators provision accounts', async () => {
      const { res } = await signInAs('idp-stranger');
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('No CareLoop account for stranger');
      expect(res.body).toContain('provisioned by administrators');
      expect(res.headers.location).toBeUndefined();
    });

    it('refuses a second identity claiming an already linked username, and a disabled account', async () => {
      await signInAs('idp-li');
      expect((await signInAs('idp-impostor')).res.statusCode).toBe(403);
      const off = await signInAs('idp-off');
      expect(off.res.statusCode).toBe(403);
      expect(off.res.body).toContain('disabled');
    });

    it('refuses a callback without the browser state cookie, and a replayed callback', async () => {
      const start = await t.app.inject({ method: 'GET', url: '/auth/oidc/login' });
      const back = await atProvider(String(start.headers.location), 'idp-li');
      const path = `${back.pathname}${back.search}`;
      const noCookie = await t.app.inject({ method: 'GET', url: path });
      expect(noCookie.statusCode).toBe(400);
      expect(noCookie.body).toContain('not started in this browser');
      const { callbackPath, cookie, res } = await signInAs('idp-li');
      expect(res.statusCode).toBe(302);
      const replay = await t.app.inject({ method: 'GET', url: callbackPath, headers: { cookie } });
      expect(replay.statusCode).toBe(400);
      expect(replay.body).toContain('expired or was already used');
    });

    it('audits OIDC sign-ins and refusals as login events', async () => {
      const rows = await t.store.backend.query<{ user_id: string | null; content: string }>(
        "SELECT user_id, content FROM audit_log WHERE kind = 'login' ORDER BY seq",
      );
      const events = rows.map((r) => ({
        user: r.user_id,
        ...(JSON.parse(r.content) as { outcome: string; outcomeDesc?: string }),
      }));
      expect(events.some((e) => e.user === 'dr.li' && e.outcome === '0' && e.outcomeDesc?.startsWith('oidc:'))).toBe(
        true,
      );
      expect(events.some((e) => e.user === 'stranger' && e.outcome !== '0')).toBe(true);
    });
  },
);

describe('OpenID Connect sign-in when not configured', () => {
  it('answers 404 with an OperationOutcome naming the setting', async () => {
    const [sqlite] = backendsUnderTest;
    if (!sqlite) throw new Error('no backend');
    const t = await openTestApp(sqlite);
    try {
      const res = await t.app.inject({ method: 'GET', url: '/auth/oidc/login' });
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('CARELOOP_OIDC_ISSUER');
    } finally {
      await t.close();
    }
  });
});
