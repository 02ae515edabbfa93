import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Resource } from '@medplum/fhirtypes';
import {
  badRequest,
  created as createdOutcome,
  allOk,
  notFound,
  OperationOutcomeError,
} from '@careloop/core/fhir/outcomes';
import { FHIR_JSON } from '../errors';

/** Sends a FHIR JSON body. */
export function sendFhir(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.status(status).type(FHIR_JSON).send(JSON.stringify(body));
}

/** Version headers of a stored resource: ETag and Last-Modified. */
export function versionHeaders(reply: FastifyReply, resource: Resource): void {
  if (resource.meta?.versionId) void reply.header('ETag', `W/"${resource.meta.versionId}"`);
  if (resource.meta?.lastUpdated) void reply.header('Last-Modified', new Date(resource.meta.lastUpdated).toUTCString());
}

/** Answers a write as `Prefer: return=` asks: the resource (default), nothing, or an OperationOutcome. */
export function sendWrite(
  req: FastifyRequest,
  reply: FastifyReply,
  resource: Resource,
  wasCreated: boolean,
  base: string,
): FastifyReply {
  versionHeaders(reply, resource);
  if (wasCreated)
    void reply.header(
      'Location',
      `${base}/${resource.resourceType}/${resource.id!}/_history/${resource.meta?.versionId ?? '1'}`,
    );
  const status = wasCreated ? 201 : 200;
  const prefer = /return=([a-zA-Z]+)/.exec(String(req.headers.prefer ?? ''))?.[1];
  if (prefer === 'minimal') return reply.status(status).send();
  if (prefer === 'OperationOutcome') return sendFhir(reply, status, wasCreated ? createdOutcome() : allOk('Updated'));
  return sendFhir(reply, status, resource);
}

/** The If-Match version (`W/"3"` → "3"), if any. */
export function ifMatchVersion(req: FastifyRequest): string | undefined {
  const h = req.headers['if-match'];
  return typeof h === 'string' ? h.replace(/^W\//, '').replace(/"/g, '').trim() : undefined;
}

/** Checks the URL's resource type; unknown types are 404 as FHIR servers answer them. */
export function checkType(resourceTypes: readonly string[], type: string): void {
  if (!resourceTypes.includes(type)) throw new OperationOutcomeError(notFound(`Resource type "${type}"`));
}

/** The body as a resource of the URL's type, or a 400 naming what is wrong. */
export function bodyResource(body: unknown, type: string, id?: string): Resource {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OperationOutcomeError(badRequest('The body must be a FHIR resource (a JSON object)'));
  }
  const r = body as Resource;
  if (r.resourceType !== type) {
    throw new OperationOutcomeError(
      badRequest(`resourceType "${r.resourceType}" does not match the URL (${type})`, 'resourceType'),
    );
  }
  if (id !== undefined && r.id !== id) {
    throw new OperationOutcomeError(
      badRequest(`The resource id "${String(r.id)}" does not match the URL id "${id}"`, `${type}.id`),
    );
  }
  return r;
}

/** Query parameters in order, repeats kept (FHIR ANDs repeated parameters). */
export function queryPairs(req: FastifyRequest): [string, string][] {
  return [...new URL(req.url, 'http://local').searchParams];
}
