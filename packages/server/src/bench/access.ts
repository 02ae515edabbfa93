import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Consent, Patient, Resource } from '@medplum/fhirtypes';
import type { Config } from '../config/config';
import { CONSENT_SCOPE_SYSTEM } from '../services/access/consent';
import { AuditLog } from '../services/audit/audit-log';
import { MemoryAuditRecorder } from '../services/audit/recorder';
import type { RequestContext, RequestUser } from '../services/context';
import { FhirService } from '../services/fhir-service';
import { openStore } from '../store/open-store';
import { generatePatient, populationSharedResources } from '../synth/index';
import { TEST_PG_URL } from '../testing/backends';
import { argNumber, dropBenchSchema } from './measure';
import type { Benchmark } from './registry';

/** Every 10th patient has an active privacy Consent denying another organisation: the Consent lookup has work. */
function privacyConsent(patient: Patient, index: number): Consent {
  return {
    resourceType: 'Consent',
    id: `bench-consent-${String(index)}`,
    status: 'active',
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
    patient: { reference: `Patient/${patient.id ?? ''}` },
    provision: {
      type: 'deny',
      actor: [{ role: { text: 'custodian' }, reference: { reference: 'Organization/other' } }],
    },
  };
}

function population(patients: number): Resource[] {
  const out: Resource[] = [...populationSharedResources('china')];
  for (let index = 0; index < patients; index++) {
    const record = generatePatient({ seed: 7, index, profile: 'china', referenceDate: '2026-01-01' });
    out.push(...record);
    const patient = record.find((r): r is Patient => r.resourceType === 'Patient');
    if (patient && index % 10 === 0) out.push(privacyConsent(patient, index));
  }
  return out;
}

/** Mean ms per call after a warm-up; each call gets a fresh request context, as each HTTP request does. */
async function perOp(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(20, n); i++) await fn(i);
  const started = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return (performance.now() - started) / n;
}

async function runOn(db: string, patients: number, n: number): Promise<void> {
  const store = await openStore(db);
  try {
    const resources = population(patients);
    await store.repository.upsertMany(resources);
    const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
    const org = patient?.managingOrganization?.reference?.split('/')[1] ?? '';
    const obsIds = resources.filter((r) => r.resourceType === 'Observation').map((r) => r.id ?? '');
    console.log(`  data: ${String(patients)} patients, ${String(resources.length)} resources`);
    const ctx =
      (user: RequestUser) =>
      (i: number): RequestContext => ({ requestId: `b${String(i)}`, baseUrl: 'x', user });
    const system = ctx({ id: 'bench', role: 'system' });
    const clinician = ctx({ id: 'dr-bench', role: 'clinician', organization: org, practitioner: 'pr-bench' });
    const memory = new FhirService(store.repository, new MemoryAuditRecorder());
    const logged = new FhirService(store.repository, new AuditLog(store.backend, () => new Date()));
    const repo = store.repository;
    const params: [string, string][] = [
      ['code', 'http://loinc.org|8480-6'],
      ['_count', '20'],
    ];
    const id = (i: number) => obsIds[(i * 7919) % obsIds.length] ?? '';
    const rows: [string, (i: number) => Promise<unknown>, (i: number) => Promise<unknown>][] = [
      [
        'repository only',
        (i) => repo.read('Observation', id(i)),
        () => repo.search(repo.parseSearch('Observation', params)),
      ],
      [
        'policy, memory audit, system',
        (i) => memory.read(system(i), 'Observation', id(i)),
        (i) => memory.search(system(i), 'Observation', params),
      ],
      [
        'policy, memory audit, clinician',
        (i) => memory.read(clinician(i), 'Observation', id(i)),
        (i) => memory.search(clinician(i), 'Observation', params),
      ],
      [
        'policy, audit log, clinician',
        (i) => logged.read(clinician(i), 'Observation', id(i)),
        (i) => logged.search(clinician(i), 'Observation', params),
      ],
    ];
    // One request that reads a record and runs four searches (as a patient summary does), one context for all.
    const request = async (i: number) => {
      const c = clinician(i);
      await logged.read(c, 'Observation', id(i));
      for (let k = 0; k < 4; k++) await logged.search(c, 'Observation', params);
    };
    let base: [number, number] | undefined;
    for (const [label, read, search] of rows) {
      const r = await perOp(n, read);
      const s = await perOp(n, search);
      base ??= [r, s];
      console.log(
        `  ${label.padEnd(32)}: read ${r.toFixed(3)} ms (×${(r / base[0]).toFixed(1)}), ` +
          `search ${s.toFixed(3)} ms (×${(s / base[1]).toFixed(1)})`,
      );
    }
    const r = await perOp(Math.ceil(n / 5), request);
    console.log(`  read + 4 searches in one request (policy, audit log, clinician): ${r.toFixed(3)} ms`);
  } finally {
    await store.close();
  }
}

/**
 * `npm run bench -- access [--patients N] [--ops N] [--no-postgres]`: what the access policy (role rules, patient
 * scope, Consent) and the hash-chained audit log add to a FHIR read and a search (`Observation?code=…&_count=20`),
 * per call, against the repository alone in the same run (ratios ×). Synthetic population, every 10th patient with
 * a privacy Consent.
 */
export const accessBenchmark: Benchmark = {
  name: 'access',
  description: 'access policy + audit log overhead per FHIR read and search, vs the repository alone',
  async run(_config: Config, args: readonly string[]) {
    const patients = argNumber(args, 'patients', 200);
    const n = argNumber(args, 'ops', 300);
    const dir = mkdtempSync(join(tmpdir(), 'careloop-bench-access-'));
    const schema = `bench_access_${String(process.pid)}`;
    const targets: [string, string][] = [['sqlite', `sqlite:${join(dir, 'bench.db')}`]];
    if (!args.includes('--no-postgres')) targets.push(['postgres', `${TEST_PG_URL}?schema=${schema}`]);
    try {
      for (const [name, db] of targets) {
        console.log(`${name} (${String(n)} calls each, ms per call):`);
        await runOn(db, patients, n);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      if (targets.length > 1) {
        await dropBenchSchema(schema);
      }
    }
  },
};
