import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OperationOutcomeError, unauthorized } from '@careloop/core/fhir/outcomes';
import type { Config } from '../../config/config';
import type { AuditRecorder } from '../../services/audit/recorder';
import type { TokenService } from '../../services/auth/tokens';
import { requestContext } from '../context';
import { FHIR_JSON } from '../errors';
import { auditKindOf, isOpenRoute } from './open-routes';
import { setRequestUser } from './request-user';

export const WWW_AUTHENTICATE = 'Bearer realm="careloop"';

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  const m = typeof h === 'string' ? /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(h) : null;
  return m?.[1];
}

/**
 * The authentication gate, in front of every route: a valid `Authorization: Bearer` access token puts its user on
 * the request; without one, every route but the open ones answers 401 with `WWW-Authenticate: Bearer`.
 */
export function installAuthGate(
  app: FastifyInstance,
  deps: { readonly config: Config; readonly tokens: TokenService; readonly audit: AuditRecorder },
): void {
  app.addHook('onRequest', async (req, reply) => {
    // The matched route pattern, not the raw URL: percent-encoding or odd slashes cannot dodge the gate.
    const route = req.routeOptions.url ?? req.url.split('?')[0] ?? '/';
    const open = isOpenRoute(req.method, route);
    const token = bearer(req);
    let problem = 'no access token';
    if (token) {
      try {
        setRequestUser(req, await deps.tokens.verify(token));
        return;
      } catch (err) {
        if (!(err instanceof OperationOutcomeError)) throw err;
        problem = err.message;
      }
    }
    if (open) return;
    await deps.audit.record(requestContext(deps.config, req), {
      kind: auditKindOf(req.method, route),
      outcome: 'refused',
      detail: `401 ${req.method} ${route}: ${problem}`,
      address: req.ip,
    });
    const message = token ? problem : 'Sign in first: this request needs an access token';
    await refuse(reply, message, token ? 'invalid_token' : undefined);
  });
  // RFC 7235: every 401 names the scheme to use, whichever route answered it.
  app.addHook('onSend', async (_req, reply, payload) => {
    if (reply.statusCode === 401 && !reply.hasHeader('www-authenticate'))
      reply.header('WWW-Authenticate', WWW_AUTHENTICATE);
    return payload;
  });
}

async function refuse(reply: FastifyReply, message: string, error?: string): Promise<void> {
  await reply
    .status(401)
    .header('WWW-Authenticate', error ? `${WWW_AUTHENTICATE}, error="${error}"` : WWW_AUTHENTICATE)
    .type(FHIR_JSON)
    .send(JSON.stringify(unauthorized(message)));
}
