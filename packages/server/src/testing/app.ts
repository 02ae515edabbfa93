import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../config/config';
import { FhirService } from '../services/fhir-service';
import type { BackendUnderTest } from './backends';
import { steppingClock } from './backends';
import { buildApp } from '../http/app';
import { AuditLog } from '../services/audit/audit-log';
import { openAuth, type AuthServices } from '../services/auth/index';
import { openExportService } from '../services/export/export';
import type { Store } from '../store/open-store';

/** A clock that stands still until told to move: token expiry and lock-outs are tested without waiting. */
export interface ManualClock {
  (): Date;
  advance(seconds: number): void;
}

export function manualClock(start = '2025-01-01T00:00:00Z'): ManualClock {
  let t = Date.parse(start);
  return Object.assign(() => new Date(t), {
    advance: (seconds: number) => {
      t += seconds * 1000;
    },
  });
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly config: Config;
  readonly audit: AuditLog;
  /** Accounts and tokens of this app: `testing/auth.ts` signs in through them. */
  readonly auth: AuthServices;
  /** The clock access tokens, refresh tokens and lock-outs are judged by. */
  readonly authClock: ManualClock;
  readonly close: () => Promise<void>;
}

/** A real app on a fresh store of the given backend, for `inject` tests; `env` adds CARELOOP_* settings. */
export async function openTestApp(
  backend: BackendUnderTest,
  env: Readonly<Record<string, string>> = {},
): Promise<TestApp> {
  const clock = steppingClock();
  const authClock = manualClock();
  const { store, cleanup } = await backend.open({ clock });
  const audit = new AuditLog(store.backend, clock);
  const config = loadConfig({
    CARELOOP_LOG_LEVEL: 'silent',
    CARELOOP_BASE_URL: 'http://careloop.test',
    // Every inject comes from one address: suites that sign in many accounts must not hit the production limits.
    CARELOOP_AUTH_RATE_LIMIT: '100000',
    CARELOOP_RATE_LIMIT: '100000',
    ...env,
  });
  const auth = await openAuth(config, store.backend, audit, authClock);
  const app = await buildApp(config, {
    fhir: new FhirService(store.repository, audit),
    audit,
    auth,
    exports: openExportService(config, store.backend, audit, clock),
    ping: async () => {
      await store.backend.query('SELECT 1');
    },
  });
  return {
    app,
    store,
    config,
    audit,
    auth,
    authClock,
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}
