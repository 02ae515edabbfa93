import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config/config';
import type { FhirService } from '../services/fhir-service';
import type { AuditRecorder } from '../services/audit/recorder';
import { installBodyParsers } from './body-parsers';
import { installErrorHandling } from './errors';
import { scoresApi } from './api/scores';
import { checkupsApi } from './api/checkups';
import { fhirRoutes } from './fhir/routes';

export interface AppDeps {
  readonly fhir: FhirService;
  /** Where every sign-in, read, write and refusal is recorded. */
  readonly audit: AuditRecorder;
  /** Checked by /healthz: resolves when the store answers. */
  readonly ping: () => Promise<void>;
}

/** Builds the HTTP application; never listens (tests use `inject`, `careloop serve` listens). */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: true,
    // A request id per request, echoed in logs; not derived from user input.
    genReqId: () => crypto.randomUUID(),
  });
  installErrorHandling(app);
  installBodyParsers(app);
  app.get('/healthz', async () => {
    await deps.ping();
    return { status: 'ok' };
  });
  await app.register(fhirRoutes, { prefix: '/fhir', config, fhir: deps.fhir });
  await app.register(scoresApi, { prefix: '/api' });
  await app.register(checkupsApi, { prefix: '/api', config, fhir: deps.fhir });
  return app;
}
