import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/config';
import type { RequestContext } from '../services/context';
import { requestUser } from './auth/request-user';

/** The public base URL of the server (no trailing slash): configured, else the request's own host. */
export function serverBase(config: Config, req: FastifyRequest): string {
  return (config.baseUrl ?? `${req.protocol}://${req.host}`).replace(/\/$/, '');
}

/** The service context of an HTTP request, with the user whose access token the auth gate verified. */
export function requestContext(config: Config, req: FastifyRequest): RequestContext {
  const user = requestUser(req);
  return { requestId: req.id, baseUrl: `${serverBase(config, req)}/fhir`, ...(user ? { user } : {}) };
}
