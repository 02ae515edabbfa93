import type { FastifyRequest } from 'fastify';
import { badRequest, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { Config } from '../../config/config';
import { ROLES, type RequestContext, type RequestUser } from '../../services/context';
import { requestContext } from '../context';

/**
 * STAND-IN UNTIL AUTHENTICATION EXISTS — the security issue replaces this file. The acting user is taken, on
 * trust, from the header `X-CareLoop-User: <id>;<role>` (e.g. `dr-li;clinician`). This is the one place that
 * reads it; services decide what the user may do.
 */
export const ACTING_USER_HEADER = 'x-careloop-user';

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** The user named by the stand-in header, undefined when absent; 400 when malformed. */
export function actingUser(req: FastifyRequest): RequestUser | undefined {
  const raw = req.headers[ACTING_USER_HEADER];
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  const [id = '', role = ''] = value.split(';').map((s) => s.trim());
  const known = ROLES.find((r) => r === role);
  if (!ID.test(id) || !known)
    throw new OperationOutcomeError(
      badRequest(`X-CareLoop-User must be "<id>;<role>" with role one of ${ROLES.join(', ')}`, 'X-CareLoop-User'),
    );
  return { id, role: known };
}

/** The service context of an /api request, with the acting user when one is named. */
export function apiContext(config: Config, req: FastifyRequest): RequestContext {
  const user = actingUser(req);
  return { ...requestContext(config, req), ...(user ? { user } : {}) };
}
