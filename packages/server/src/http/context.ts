import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/config';
import type { RequestContext } from '../services/context';

/** The service context of an HTTP request (the user is added by authentication in the security issue). */
export function requestContext(config: Config, req: FastifyRequest): RequestContext {
  const base = config.baseUrl ?? `${req.protocol}://${req.host}`;
  return { requestId: req.id, baseUrl: `${base.replace(/\/$/, '')}/fhir` };
}
