import { mkdir, stat } from 'node:fs/promises';
import { generatePopulation, populationSharedResources } from './generate';
import type { PopulationOptions } from './generate';
import { writerFor } from './writers';
import type { SynthFormat } from './writers';

/** What a run wrote. */
export interface SynthSummary {
  readonly patients: number;
  readonly resources: number;
  readonly byType: Readonly<Record<string, number>>;
  readonly files: readonly string[];
  readonly bytes: number;
}

/** Options of one run to disk. */
export interface WritePopulationOptions extends PopulationOptions {
  readonly out: string;
  readonly format: SynthFormat;
  /** Called after each person with the number done so far. */
  readonly onProgress?: (done: number) => void;
}

/** Generates a population and streams it to `out` (memory stays flat: one person in memory at a time). */
export async function writePopulation(options: WritePopulationOptions): Promise<SynthSummary> {
  await mkdir(options.out, { recursive: true });
  const writer = writerFor(options.format, options.out);
  const byType: Record<string, number> = {};
  const count = (resources: readonly { resourceType: string }[]): void => {
    for (const r of resources) byType[r.resourceType] = (byType[r.resourceType] ?? 0) + 1;
  };
  const shared = populationSharedResources(options.profile);
  count(shared);
  await writer.write(shared);
  let done = 0;
  let resources = shared.length;
  for (const person of generatePopulation(options)) {
    count(person);
    resources += person.length;
    await writer.write(person);
    done++;
    options.onProgress?.(done);
  }
  const files = await writer.close();
  let bytes = 0;
  for (const f of files) bytes += (await stat(f)).size;
  return { patients: done, resources, byType, files, bytes };
}
