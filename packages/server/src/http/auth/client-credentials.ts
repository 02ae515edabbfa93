import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientCredentialsGrant } from '../../services/auth/client-credentials';
import { requestContext, serverBase } from '../context';
import type { AuthRouteOptions } from './routes';

/**
 * POST /auth/token with grant_type=client_credentials (SMART Backend Services): answers the OAuth token response,
 * or an OAuth error object with 400, or 401 when the client could not be authenticated (RFC 6749 §5.2).
 */
export async function clientCredentialsHandler(
  req: FastifyRequest,
  fields: Readonly<Record<string, string>>,
  { config, auth, audit }: AuthRouteOptions,
  reply: FastifyReply,
): Promise<object> {
  const result = await clientCredentialsGrant(fields, {
    clients: auth.clients,
    tokens: auth.tokens,
    // The assertion's aud must be this endpoint's URL, as the SMART configuration advertises it.
    tokenUrl: `${serverBase(config, req)}/auth/token`,
    clock: auth.clock,
    audit,
    ctx: requestContext(config, req),
    address: req.ip,
  });
  void reply.status(result.status);
  return result.body;
}
