/**
 * Measures what access checks and audit add to reads and searches (a script, not a test):
 *   npx tsx packages/server/src/services/access/measure-overhead.ts [sqlite:/tmp/x.db | postgres://…] [patients]
 * Compares the repository alone, the FHIR service with the policy and an in-memory recorder, and the FHIR service
 * with the policy and the hash-chained audit log, as the system and as a clinician (patient scope + Consent).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import { generatePatient, populationSharedResources } from '../../synth/generate';
import { openStore } from '../../store/open-store';
import { AuditLog } from '../audit/audit-log';
import { MemoryAuditRecorder } from '../audit/recorder';
import type { RequestContext } from '../context';
import { FhirService } from '../fhir-service';

const db = process.argv[2] ?? `sqlite:${join(mkdtempSync(join(tmpdir(), 'careloop-overhead-')), 'store.db')}`;
const patients = Number(process.argv[3] ?? 200);

async function time(label: string, n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(i); // warm-up
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const perOp = (performance.now() - start) / n;
  console.log(`${label.padEnd(52)} ${perOp.toFixed(3)} ms/op`);
  return perOp;
}

async function main(): Promise<void> {
  const store = await openStore(db);
  const resources: Resource[] = [...populationSharedResources('china')];
  for (let index = 0; index < patients; index++) {
    resources.push(...generatePatient({ seed: 7, index, profile: 'china', referenceDate: '2026-01-01' }));
  }
  await store.repository.upsertMany(resources);
  const patient = resources.find((r) => r.resourceType === 'Patient') as Resource & {
    managingOrganization?: { reference?: string };
  };
  const org = patient.managingOrganization?.reference?.split('/')[1] ?? '';
  const obsIds = resources.filter((r) => r.resourceType === 'Observation').map((r) => r.id!);
  console.log(`${db}: ${patients} patients, ${resources.length} resources, ${obsIds.length} observations`);

  const system: RequestContext = { requestId: 'b', baseUrl: 'x', user: { id: 'bench', role: 'system' } };
  const clinician: RequestContext = {
    requestId: 'b',
    baseUrl: 'x',
    user: { id: 'dr-bench', role: 'clinician', organization: org, practitioner: 'pr-bench' },
  };
  const memory = new FhirService(store.repository, new MemoryAuditRecorder());
  const logged = new FhirService(store.repository, new AuditLog(store.backend, () => new Date()));
  const repo = store.repository;
  const params: [string, string][] = [
    ['code', 'http://loinc.org|8480-6'],
    ['_count', '20'],
  ];
  const read = (i: number) => obsIds[(i * 7919) % obsIds.length]!;
  const n = 300;
  const r0 = await time('read: repository only', n, (i) => repo.read('Observation', read(i)));
  await time('read: service, policy, memory audit, system', n, (i) => memory.read(system, 'Observation', read(i)));
  const r2 = await time('read: service, policy, memory audit, clinician', n, (i) =>
    memory.read(clinician, 'Observation', read(i)),
  );
  const r3 = await time('read: service, policy, audit log, clinician', n, (i) =>
    logged.read(clinician, 'Observation', read(i)),
  );
  const s0 = await time('search: repository only', n, () => repo.search(repo.parseSearch('Observation', params)));
  await time('search: service, policy, memory audit, system', n, () => memory.search(system, 'Observation', params));
  const s2 = await time('search: service, policy, memory audit, clinician', n, () =>
    memory.search(clinician, 'Observation', params),
  );
  const s3 = await time('search: service, policy, audit log, clinician', n, () =>
    logged.search(clinician, 'Observation', params),
  );
  console.log(
    `overhead read: policy +${(r2 - r0).toFixed(3)} ms, audit log +${(r3 - r2).toFixed(3)} ms; ` +
      `search: policy +${(s2 - s0).toFixed(3)} ms, audit log +${(s3 - s2).toFixed(3)} ms`,
  );
  await store.close();
}

void main();
