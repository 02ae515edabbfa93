import type { Resource } from '@medplum/fhirtypes';
import type { Repository } from '../store/repository';
import { DEFAULT_REFERENCE_DATE, generatePopulation, populationSharedResources } from '../synth/index';

/** The demo population `npm start` loads on first start: deterministic, so every newcomer sees the same clinic. */
export const DEMO = { patients: 300, seed: 20261128, profile: 'china', referenceDate: DEFAULT_REFERENCE_DATE } as const;

/** True when the store holds no Patient yet. */
export async function isEmpty(repo: Repository): Promise<boolean> {
  const r = await repo.search(repo.parseSearch('Patient', [['_summary', 'count']]));
  return r.total === 0;
}

/** Loads the demo population in batched transactions; returns how many resources were written. */
export async function loadDemo(repo: Repository, onProgress?: (patients: number) => void): Promise<number> {
  let batch: Resource[] = [...populationSharedResources(DEMO.profile)];
  let written = 0;
  let patients = 0;
  const flush = async (): Promise<void> => {
    const r = await repo.upsertMany(batch);
    written += r.created + r.updated;
    batch = [];
  };
  for (const person of generatePopulation({ ...DEMO })) {
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
