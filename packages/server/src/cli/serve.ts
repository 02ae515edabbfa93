import type { Command } from 'commander';
import { ConfigError, type Config } from '../config/config';
import { buildApp } from '../http/app';
import { AuditLog } from '../services/audit/audit-log';
import { systemContext } from '../services/context';
import { DEMO, interpretRecentDemoCheckups, isEmpty, loadDemo } from '../services/demo';
import { FhirService } from '../services/fhir-service';
import { demoAccountsBanner, ensureDemoAccounts, refuseDemoPasswords } from '../services/auth/demo-accounts';
import { openAuth } from '../services/auth/index';
import { openExportService } from '../services/export/export';
import { openStore } from '../store/open-store';
import { progressBar } from './progress';

/** `careloop serve`: the HTTP server (FHIR API, app API, web app), with graceful shutdown. */
export function registerServe(program: Command, config: Config): void {
  program
    .command('serve')
    .description('start the CareLoop server')
    .option('--demo', `load a demo population (${DEMO.patients} people) into an empty store first`)
    .action(async (flags: { demo?: boolean }) => {
      if (flags.demo && config.env === 'production')
        throw new ConfigError('--demo is for development only: its accounts have published passwords');
      const store = await openStore(config.db);
      const audit = new AuditLog(store.backend, () => new Date());
      if (flags.demo && (await isEmpty(store.repository))) {
        const bar = progressBar('demo data', 'people');
        bar.start(DEMO.patients, 0, { detail: `seed ${DEMO.seed}` });
        // The CLI reads the clock; the demo is deterministic for the day it is loaded.
        const today = new Date().toISOString().slice(0, 10);
        const n = await loadDemo(store.repository, today, (p) => {
          bar.update(p);
        });
        bar.stop();
        const reports = await interpretRecentDemoCheckups(
          systemContext(),
          { repo: store.repository, clock: () => new Date(), audit },
          today,
        );
        console.error(
          `demo: loaded ${n} resources for ${DEMO.patients} people into ${config.db}; ${reports} checkup reports await review`,
        );
      }
      // Before anything listens: production without CARELOOP_JWT_SECRET stops here with a ConfigError.
      const auth = await openAuth(config, store.backend, audit);
      await refuseDemoPasswords(config, auth.accounts);
      if (flags.demo)
        console.error(demoAccountsBanner(await ensureDemoAccounts(config, store.repository, auth.accounts)));
      else if ((await auth.accounts.list()).length === 0)
        console.error('no accounts yet: create one with `careloop user add --username <name> --role clinician …`');
      const app = await buildApp(config, {
        fhir: new FhirService(store.repository, audit),
        audit,
        auth,
        exports: openExportService(config, store.backend, audit),
        ping: async () => {
          await store.backend.query('SELECT 1');
        },
      });
      let closing = false;
      const shutdown = (signal: string): void => {
        if (closing) return;
        closing = true;
        app.log.info({ signal }, 'shutting down');
        // Stop accepting requests, let in-flight ones finish, then close the store so nothing is cut mid-write.
        void app
          .close()
          .then(() => store.close())
          .then(() => process.exit(0));
      };
      process.on('SIGINT', () => {
        shutdown('SIGINT');
      });
      process.on('SIGTERM', () => {
        shutdown('SIGTERM');
      });
      await app.listen({ port: config.port, host: config.host });
      console.error(`CareLoop listening on http://localhost:${config.port} (FHIR API at /fhir, store ${config.db})`);
    });
}
