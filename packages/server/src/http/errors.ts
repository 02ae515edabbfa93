import type { FastifyError, FastifyInstance } from 'fastify';
import type { OperationOutcome } from '@medplum/fhirtypes';
import {
  badRequest,
  notFound,
  OperationOutcomeError,
  outcome,
  serverError,
  tooLarge,
} from '@careloop/core/fhir/outcomes';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** What a thrown error becomes: its OperationOutcome, or a safe generic one (never a stack trace). */
export function toOutcome(err: unknown): { status: number; outcome: OperationOutcome; internal: boolean } {
  if (err instanceof OperationOutcomeError)
    return { status: err.status, outcome: err.outcome, internal: err.status >= 500 };
  const e = err as Partial<FastifyError>;
  const status = e.statusCode ?? 500;
  if (status === 413) return { status, outcome: tooLarge('Request body is too large'), internal: false };
  if (status === 415)
    return {
      status,
      outcome: outcome('not-supported', [{ message: 'Unsupported content type: use application/fhir+json' }]),
      internal: false,
    };
  if (status >= 400 && status < 500)
    return { status, outcome: badRequest(e.message ?? 'Bad request'), internal: false };
  return { status: 500, outcome: serverError(), internal: true };
}

/** Every error and unknown route answers with an OperationOutcome. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const { status, outcome: o, internal } = toOutcome(err);
    if (internal) req.log.error({ err }, 'request failed');
    void reply.status(status).type(FHIR_JSON).send(JSON.stringify(o));
  });
  app.setNotFoundHandler((req, reply) => {
    void reply
      .status(404)
      .type(FHIR_JSON)
      .send(JSON.stringify(notFound(`${req.method} ${req.url.split('?')[0] ?? ''}`)));
  });
}
