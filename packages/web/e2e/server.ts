import type { Encounter, Resource } from '@medplum/fhirtypes';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { interpretStoredCheckup } from '../../server/src/services/checkup/interpret';
import { systemContext } from '../../server/src/services/context';
import { generatePatient } from '../../server/src/synth/index';
import { transactionBundle } from '../../server/src/synth/writers';
import { openTestApp, type TestApp } from '../../server/src/testing/app';
import { TEST_PASSWORD, systemHeaders } from '../../server/src/testing/auth';
import { backendsUnderTest } from '../../server/src/testing/backends';

const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITE = fileURLToPath(new URL('../../../node_modules/vite/bin/vite.js', import.meta.url));

/** Builds the app as `npm run build:web` does, so the browser runs exactly what production serves. */
export async function buildWeb(): Promise<void> {
  // A child process: under vitest NODE_ENV is `test`, which would make Vite bundle React's development build.
  await promisify(execFile)(process.execPath, [VITE, 'build', WEB_ROOT, '--logLevel', 'warn'], {
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export interface Seeded {
  readonly t: TestApp;
  readonly baseUrl: string;
  readonly reportId: string;
  readonly patientId: string;
  readonly organization: string;
}

/** A real server on 127.0.0.1 (SQLite file) with one synthetic person, their checkup report, and staff accounts. */
export async function startSeededServer(
  accounts: readonly { username: string; role: 'clinician' | 'nurse'; display: string; practitioner: string }[],
): Promise<Seeded> {
  const sqlite = backendsUnderTest.find((b) => b.name.toLowerCase().includes('sqlite'));
  if (!sqlite) throw new Error('no SQLite backend under test');
  const t = await openTestApp(sqlite);
  const resources: Resource[] = generatePatient({ seed: 5, index: 8, profile: 'china', referenceDate: '2026-01-01' });
  const patient = resources.find((r) => r.resourceType === 'Patient');
  const visit = resources
    .filter((r): r is Encounter => r.resourceType === 'Encounter' && /-c\d{8}$/.test(r.id ?? ''))
    .at(-1);
  if (!patient?.id || !visit?.id) throw new Error('synthetic person without a checkup');
  const organization =
    (patient as { managingOrganization?: { reference?: string } }).managingOrganization?.reference?.split('/')[1] ?? '';
  const res = await t.app.inject({
    method: 'POST',
    url: '/fhir',
    headers: { ...(await systemHeaders(t)), 'content-type': 'application/fhir+json' },
    payload: transactionBundle(resources),
  });
  if (res.statusCode !== 200) throw new Error(`seeding failed: ${res.statusCode} ${res.body}`);
  // Person 8 of seed 5 has a checkup with several findings (the review screen needs some to reject).
  const report = await interpretStoredCheckup(
    systemContext(),
    { repo: t.store.repository, clock: () => new Date() },
    visit.id,
  );
  if (report.findings < 2) throw new Error(`the seeded checkup has ${report.findings} findings; the flow needs 2+`);
  for (const a of accounts) await t.auth.accounts.add({ ...a, password: TEST_PASSWORD, organization });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not listen');
  return {
    t,
    baseUrl: `http://127.0.0.1:${address.port}`,
    reportId: report.reportId,
    patientId: patient.id,
    organization,
  };
}
