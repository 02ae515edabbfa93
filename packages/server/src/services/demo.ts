import type { Encounter, Resource } from '@medplum/fhirtypes';
import { addDays } from '@careloop/core/fhir/dates';
import type { RequestContext } from './context';
import { interpretCheckups } from './checkup/interpret';
import type { CheckupDeps } from './checkup/sign-off';
import type { Repository } from '../store/repository';
import { generatePopulation, populationSharedResources } from '../synth/index';

/**
 * The demo population `npm start` loads on first start: deterministic for a given day, and dated up to that day so
 * recent checkups await review and recent discharges are in follow-up.
 */
export const DEMO = { patients: 300, seed: 20261128, profile: 'china' } as const;

/** True when the store holds no Patient yet. */
export async function isEmpty(repo: Repository): Promise<boolean> {
  const r = await repo.search(repo.parseSearch('Patient', [['_summary', 'count']]));
  return r.total === 0;
}

/** Loads the demo population as of `today` (YYYY-MM-DD) in batched transactions; returns resources written. */
export async function loadDemo(
  repo: Repository,
  today: string,
  onProgress?: (patients: number) => void,
): Promise<number> {
  let batch: Resource[] = [...populationSharedResources(DEMO.profile)];
  let written = 0;
  let patients = 0;
  const flush = async (): Promise<void> => {
    const r = await repo.upsertMany(batch);
    written += r.created + r.updated;
    batch = [];
  };
  for (const person of generatePopulation({ ...DEMO, referenceDate: today })) {
    batch.push(...person);
    patients++;
    if (batch.length >= 2000) {
      await flush();
      onProgress?.(patients);
    }
  }
  await flush();
  onProgress?.(patients);
  return written;
}

/**
 * Interprets the demo's checkups of the last `days` days, so the clinic opens with preliminary reports awaiting
 * review; returns how many reports were written.
 */
export async function interpretRecentDemoCheckups(
  ctx: RequestContext,
  deps: CheckupDeps,
  today: string,
  days = 30,
): Promise<number> {
  const encounters = await deps.repo.searchResources<Encounter>('Encounter', {
    date: `ge${addDays(today, -days)}`,
    type: 'http://snomed.info/sct|185349003',
    _count: '1000',
  });
  const outcomes = await interpretCheckups(
    ctx,
    deps,
    encounters.map((e) => e.id!),
  );
  return outcomes.filter((o) => o.ok).length;
}
