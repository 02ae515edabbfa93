import type { FastifyInstance } from 'fastify';
import { badRequest, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import { parseStrictJson } from '@careloop/core/fhir/strict-json';

/** JSON bodies are parsed strictly (duplicate keys, `__proto__`, depth); form bodies feed `POST _search`. */
export function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(['application/json', 'application/fhir+json'], { parseAs: 'string' }, (_req, body, done) => {
    const r = parseStrictJson(body as string, 64);
    if (r.ok) done(null, r.value);
    else done(new OperationOutcomeError(badRequest(r.message)), undefined);
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, [...new URLSearchParams(body as string)]);
  });
}
