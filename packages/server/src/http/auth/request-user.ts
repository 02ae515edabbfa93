import type { FastifyRequest } from 'fastify';
import type { RequestUser } from '../../services/context';

// Kept beside the request rather than on it: nothing but the gate can set it, and nothing else reads headers.
const users = new WeakMap<FastifyRequest, RequestUser>();

/** Records the user whose access token the gate verified. */
export function setRequestUser(req: FastifyRequest, user: RequestUser): void {
  users.set(req, user);
}

/** The verified user of a request, undefined on open routes called without a (valid) token. */
export function requestUser(req: FastifyRequest): RequestUser | undefined {
  return users.get(req);
}
