import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, OperationOutcomeError, unauthorized } from '@careloop/core/fhir/outcomes';
import type { Config } from '../../config/config';
import type { AuditRecorder } from '../../services/audit/recorder';
import type { AuthServices } from '../../services/auth/index';
import { splitScopes } from '../../services/auth/scopes';
import type { TokenGrant } from '../../services/auth/sign-in';
import { requestContext, serverBase } from '../context';
import { clientCredentialsHandler } from './client-credentials';
import { bodyFields } from './fields';
import { oidcRoutes } from './oidc';
import { requestUser } from './request-user';
import { smartConfiguration } from './smart-configuration';

export interface AuthRouteOptions {
  readonly config: Config;
  readonly auth: AuthServices;
  readonly audit: AuditRecorder;
}

/** One `grant_type` of POST /auth/token: gets the form fields, answers an OAuth token response. */
export type GrantHandler = (
  req: FastifyRequest,
  fields: Readonly<Record<string, string>>,
  options: AuthRouteOptions,
  reply: FastifyReply,
) => Promise<object>;

const refreshGrant: GrantHandler = (req, fields, { config, auth }): Promise<TokenGrant> =>
  auth.signIn.refresh(
    requestContext(config, req),
    fields.refresh_token ?? '',
    fields.scope === undefined ? undefined : splitScopes(fields.scope),
    req.ip,
  );

/** The grant types POST /auth/token accepts; other sign-in helpers (client credentials) add theirs here. */
export const TOKEN_GRANTS: Record<string, GrantHandler> = {
  refresh_token: refreshGrant,
  client_credentials: clientCredentialsHandler,
};

/** Local sign-in: POST /auth/login, POST /auth/token, POST /auth/logout, GET /auth/me, SMART discovery. */
export const localAuthRoutes: FastifyPluginAsync<AuthRouteOptions> = (app, options) => {
  const { config, auth } = options;
  app.post('/auth/login', async (req) => {
    const f = bodyFields(req.body);
    if (!f.username || !f.password)
      throw new OperationOutcomeError(badRequest('username and password are required', 'username'));
    return auth.signIn.login(requestContext(config, req), {
      username: f.username,
      password: f.password,
      ...(f.scope !== undefined ? { scopes: splitScopes(f.scope) } : {}),
      address: req.ip,
    });
  });
  app.post('/auth/token', async (req, reply) => {
    const f = bodyFields(req.body);
    const grant = TOKEN_GRANTS[f.grant_type ?? ''];
    if (!grant)
      throw new OperationOutcomeError(
        badRequest(`unsupported_grant_type: use one of ${Object.keys(TOKEN_GRANTS).join(', ')}`, 'grant_type'),
      );
    // OAuth 2.0 §5.1: token responses must not be cached.
    void reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
    return grant(req, f, options, reply);
  });
  app.post('/auth/logout', async (req, reply) => {
    await auth.signIn.logout(requestContext(config, req), bodyFields(req.body).refresh_token ?? '', req.ip);
    return reply.status(204).send();
  });
  app.get('/auth/me', (req) => {
    const user = requestUser(req);
    if (!user) throw new OperationOutcomeError(unauthorized('Sign in first: this request needs an access token'));
    return Promise.resolve({ ...user, username: user.id });
  });
  const discovery = (req: FastifyRequest) => Promise.resolve(smartConfiguration(config, serverBase(config, req)));
  app.get('/.well-known/smart-configuration', discovery);
  app.get('/fhir/.well-known/smart-configuration', discovery);
  return Promise.resolve();
};

/** Every sign-in route plugin, registered by buildApp in order; other sign-in methods (OIDC) add theirs here. */
export const AUTH_ROUTE_PLUGINS: FastifyPluginAsync<AuthRouteOptions>[] = [localAuthRoutes, oidcRoutes];

export async function registerAuthRoutes(app: FastifyInstance, options: AuthRouteOptions): Promise<void> {
  for (const plugin of AUTH_ROUTE_PLUGINS) await app.register(plugin, options);
}
