import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Encounter, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { interpretCheckup } from '@careloop/core/engines/checkup/index';
import type { Config } from '../config/config';
import { systemContext } from '../services/context';
import { interpretCheckups } from '../services/checkup/interpret';
import { DEFAULT_BATCH_SIZE } from '../services/import/importer';
import { openStore } from '../store/open-store';
import { generatePatient, populationSharedResources } from '../synth/index';
import { TEST_PG_URL } from '../testing/backends';
import { argNumber, measure, dropBenchSchema } from './measure';
import type { Benchmark } from './registry';

/** One synthetic person: their record before the day, and the day's checkup (visit + results). */
interface Case {
  readonly patient: Patient;
  readonly encounter: Encounter;
  readonly observations: Observation[];
  /** Everything else of the person (earlier checkups, conditions, medications…): already in the store. */
  readonly history: Resource[];
}

const CHECKUP_ID = /-c\d{8}$/;
const RESOURCES_PER_IMPORT_TRANSACTION = DEFAULT_BATCH_SIZE;

/** The first `n` synthetic people (china profile) who have had a checkup; their latest one is "the day's". */
function cases(n: number): Case[] {
  const out: Case[] = [];
  for (let index = 0; out.length < n; index++) {
    const record = generatePatient({ seed: 21, index, profile: 'china', referenceDate: '2026-01-01' });
    const visits = record.filter((r): r is Encounter => r.resourceType === 'Encounter' && CHECKUP_ID.test(r.id ?? ''));
    const encounter = visits.at(-1);
    const patient = record.find((r): r is Patient => r.resourceType === 'Patient');
    if (!encounter || !patient) continue;
    const own = `Encounter/${encounter.id ?? ''}`;
    const isToday = (r: Resource) =>
      r === encounter || (r.resourceType === 'Observation' && r.encounter?.reference === own);
    const observations = record.filter((r): r is Observation => r.resourceType === 'Observation' && isToday(r));
    const history = record.filter((r) => r !== patient && !isToday(r));
    out.push({ patient, encounter, observations, history });
  }
  return out;
}

/** Writes resources in transactions of RESOURCES_PER_IMPORT_TRANSACTION, as `careloop import` batches them. */
async function importAll(store: Awaited<ReturnType<typeof openStore>>, resources: readonly Resource[]): Promise<void> {
  for (let i = 0; i < resources.length; i += RESOURCES_PER_IMPORT_TRANSACTION)
    await store.repository.upsertMany(resources.slice(i, i + RESOURCES_PER_IMPORT_TRANSACTION));
}

/** Untimed: the people and their earlier record. Timed: import the day's checkups, interpret, store the reports. */
async function endToEnd(db: string, all: readonly Case[], batchSize: number) {
  const store = await openStore(db);
  try {
    await importAll(store, [...populationSharedResources('china'), ...all.flatMap((c) => [c.patient, ...c.history])]);
    const day = all.flatMap((c) => [c.encounter, ...c.observations]);
    const deps = { repo: store.repository, clock: () => new Date() };
    return await measure(async () => {
      const started = performance.now();
      await importAll(store, day);
      const imported = (performance.now() - started) / 1000;
      const outcomes = await interpretCheckups(
        systemContext(),
        deps,
        all.map((c) => c.encounter.id ?? ''),
        { batchSize },
      );
      const failures = outcomes.filter((o) => !o.ok);
      if (failures.length)
        throw new Error(`${String(failures.length)} checkups failed: ${failures[0]?.encounterId ?? ''}`);
      const urgent = outcomes.filter((o) => o.ok && o.result.urgent > 0).length;
      return { imported, urgent };
    });
  } finally {
    await store.close();
  }
}

const rate = (n: number, s: number) => `${String(Math.round(n / s))} checkups/s`;

/**
 * `npm run bench -- checkup [--checkups N] [--batch-size N] [--postgres]`: checkup interpretation over synthetic checkups (each with
 * the person's earlier record already stored), the engine alone (in memory) and end to end (import the day's
 * checkups → interpret → reports stored). Bar: 1,000 end to end in under 10 s on SQLite.
 */
export const checkupBenchmark: Benchmark = {
  name: 'checkup',
  description: 'checkup interpretation: engine alone and end to end (import → report stored); bar 1,000 < 10 s',
  async run(_config: Config, args: readonly string[]) {
    const n = argNumber(args, 'checkups', 1000);
    const all = cases(n);
    const results = all.reduce((s, c) => s + c.observations.length, 0);
    const history = all.reduce((s, c) => s + c.history.length, 0);
    console.log(
      `data: ${String(all.length)} synthetic checkups (china), ${String(results)} results, ${String(history)} history resources`,
    );
    const asOf = '2026-01-02T08:00:00Z';
    const engine = await measure(() =>
      Promise.resolve(all.reduce((s, c) => s + interpretCheckup({ ...c, asOf }).findings.length, 0)),
    );
    console.log(
      `engine alone       : ${rate(all.length, engine.seconds)}, ${engine.seconds.toFixed(2)} s, ${String(engine.result)} findings`,
    );
    const dir = mkdtempSync(join(tmpdir(), 'careloop-bench-checkup-'));
    const schema = `bench_checkup_${String(process.pid)}`;
    const targets: [string, string][] = [['sqlite', `sqlite:${join(dir, 'bench.db')}`]];
    if (args.includes('--postgres')) targets.push(['postgres', `${TEST_PG_URL}?schema=${schema}`]);
    try {
      for (const [name, db] of targets) {
        const run = await endToEnd(db, all, argNumber(args, 'batch-size', 100));
        const per1000 = (run.seconds / all.length) * 1000;
        console.log(
          `end to end ${name.padEnd(8)}: ${rate(all.length, run.seconds)}, ${run.seconds.toFixed(2)} s ` +
            `(import ${run.result.imported.toFixed(2)} s), peak RSS ${String(run.peakRssMb)} MB, ` +
            `${String(run.result.urgent)} reports with urgent findings; ` +
            `bar 1,000 < 10 s: ${per1000 < 10 ? 'met' : 'NOT MET'} (${per1000.toFixed(1)} s per 1,000)`,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      if (targets.length > 1) {
        await dropBenchSchema(schema);
      }
    }
  },
};
