import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { notFound, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { OidcSignIn } from '../../services/auth/oidc';
import { PENDING_TTL_S } from '../../services/auth/oidc';
import { requestContext } from '../context';
import type { AuthRouteOptions } from './routes';

/** The cookie that binds a sign-in to the browser that started it (its value is the OAuth `state`). */
export const STATE_COOKIE = 'careloop_oidc_state';
const COOKIE_PATH = '/auth/oidc';

/** One cookie's value from the Cookie header (no cookie plugin needed for one cookie). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function stateCookie(value: string, maxAge: number, secure: boolean): string {
  return `${STATE_COOKIE}=${value}; Path=${COOKIE_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A refused sign-in is shown to a person in a browser: a short page that says why, with a way back. */
function refusalPage(message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CareLoop sign-in refused</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;line-height:1.5">
<h1>Sign-in refused</h1><p>${escapeHtml(message)}</p><p><a href="/">Back to CareLoop</a></p>
</body></html>`;
}

function requireOidc(oidc: OidcSignIn | undefined): OidcSignIn {
  if (!oidc)
    throw new OperationOutcomeError(notFound('OpenID Connect sign-in is not configured (CARELOOP_OIDC_ISSUER)'));
  return oidc;
}

/**
 * GET /auth/oidc/login redirects to the identity provider; GET /auth/oidc/callback finishes the sign-in and
 * redirects to the web app with the CareLoop tokens in the URL fragment (never sent to a server, never logged).
 */
export const oidcRoutes: FastifyPluginAsync<AuthRouteOptions> = (app, { config, auth }) => {
  const secure = config.oidc?.redirectUrl.startsWith('https:') ?? false;
  app.get('/auth/oidc/login', async (_req, reply) => {
    const { url, state } = await requireOidc(auth.oidc).start();
    return reply
      .header('Set-Cookie', stateCookie(state, PENDING_TTL_S, secure))
      .header('Cache-Control', 'no-store')
      .redirect(url, 302);
  });
  app.get('/auth/oidc/callback', async (req: FastifyRequest, reply: FastifyReply) => {
    const oidc = requireOidc(auth.oidc);
    const redirectUrl = config.oidc?.redirectUrl ?? '';
    // The URL the provider redirected to, as registered (not as the proxy chain rebuilt it), with its query.
    const callbackUrl = new URL(redirectUrl);
    callbackUrl.search = new URL(req.url, 'http://x').search;
    const result = await oidc.callback(
      requestContext(config, req),
      callbackUrl,
      cookieValue(req.headers.cookie, STATE_COOKIE),
      req.ip,
    );
    void reply
      .header('Set-Cookie', stateCookie('', 0, secure))
      .header('Cache-Control', 'no-store')
      .header('Referrer-Policy', 'no-referrer');
    if (!result.ok)
      return reply.status(result.status).type('text/html; charset=utf-8').send(refusalPage(result.message));
    const fragment = new URLSearchParams({
      access_token: result.tokens.access_token,
      refresh_token: result.tokens.refresh_token,
      expires_in: String(result.tokens.expires_in),
      token_type: 'Bearer',
    });
    return reply.redirect(`/#${fragment.toString()}`, 302);
  });
  return Promise.resolve();
};
