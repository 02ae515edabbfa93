import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config/config';
import type { FhirService } from '../services/fhir-service';
import type { AuditRecorder } from '../services/audit/recorder';
import type { AuthServices } from '../services/auth/index';
import { installAuthGate } from './auth/gate';
import { registerAuthRoutes } from './auth/routes';
import { installBodyParsers } from './body-parsers';
import { installErrorHandling } from './errors';
import { scoresApi } from './api/scores';
import { checkupsApi } from './api/checkups';
import { fhirRoutes } from './fhir/routes';
import { auditApi } from './api/audit';
import { appApi } from './api/app';
import { webApp } from './web';
import { exportApi } from './api/export';
import { frameworkErrors, registerHardening } from './hardening';
import type { ExportService } from '../services/export/export';

export interface AppDeps {
  readonly fhir: FhirService;
  /** Where every sign-in, read, write and refusal is recorded. */
  readonly audit: AuditRecorder;
  /** Accounts and tokens (`openAuth`): every route but the open ones needs a verified access token. */
  readonly auth: AuthServices;
  /** Bulk NDJSON export (GET /api/export); absent: no export route. */
  readonly exports?: ExportService;
  /** Checked by /healthz: resolves when the store answers. */
  readonly ping: () => Promise<void>;
}

/** Builds the HTTP application; never listens (tests use `inject`, `careloop serve` listens). */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // A request id per request, echoed in logs; not derived from user input.
    genReqId: () => crypto.randomUUID(),
    frameworkErrors,
  });
  installErrorHandling(app);
  installBodyParsers(app);
  await registerHardening(app, config);
  // First, so that it stands in front of every route registered below.
  installAuthGate(app, { config, tokens: deps.auth.tokens, audit: deps.audit });
  await registerAuthRoutes(app, { config, auth: deps.auth, audit: deps.audit });
  app.get('/healthz', async () => {
    await deps.ping();
    return { status: 'ok' };
  });
  await app.register(fhirRoutes, { prefix: '/fhir', config, fhir: deps.fhir });
  await app.register(scoresApi, { prefix: '/api' });
  await app.register(auditApi, { prefix: '/api', config, audit: deps.audit });
  await app.register(checkupsApi, { prefix: '/api', config, fhir: deps.fhir });
  await app.register(appApi, { prefix: '/api', config, fhir: deps.fhir });
  if (deps.exports) await app.register(exportApi, { prefix: '/api', config, exports: deps.exports });
  await app.register(webApp);
  return app;
}
