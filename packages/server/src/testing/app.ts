import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config/config';
import { FhirService } from '../services/fhir-service';
import type { BackendUnderTest } from './backends';
import { steppingClock } from './backends';
import { buildApp } from '../http/app';
import { AuditLog } from '../services/audit/audit-log';

/** A real app on a fresh store of the given backend, for `inject` tests. */
export async function openTestApp(
  backend: BackendUnderTest,
): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const clock = steppingClock();
  const { store, cleanup } = await backend.open({ clock });
  const audit = new AuditLog(store.backend, clock);
  const config = loadConfig({ CARELOOP_LOG_LEVEL: 'silent', CARELOOP_BASE_URL: 'http://careloop.test' });
  const app = await buildApp(config, {
    fhir: new FhirService(store.repository, audit),
    audit,
    ping: async () => {
      await store.backend.query('SELECT 1');
    },
  });
  return {
    app,
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}
