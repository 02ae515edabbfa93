import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config';
import { DEFAULT_REFERENCE_DATE } from '../synth/generate';
import type { ProfileKey } from '../synth/profile';
import { writePopulation } from '../synth/write-population';
import type { SynthFormat } from '../synth/writers';
import type { Benchmark } from './registry';

const MB = 1024 * 1024;

/**
 * `npm run bench -- synth [N | -- --patients N] [--profile china|us] [--format ndjson|bundle] [--keep]`: generates a
 * population (default 100,000 people, NDJSON) to a temporary folder and prints throughput and peak RSS sampled
 * during the run; the bar is 100,000 patients in under 60 s with flat memory.
 */
export const synthBenchmark: Benchmark = {
  name: 'synth',
  description: 'synthetic population to NDJSON: patients/s, resources/s, MB written, peak RSS',
  async run(_config: Config, args: readonly string[]): Promise<void> {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        patients: { type: 'string', default: '100000' },
        profile: { type: 'string', default: 'china' },
        format: { type: 'string', default: 'ndjson' },
        seed: { type: 'string', default: '1' },
        keep: { type: 'boolean', default: false },
      },
    });
    // `npm run bench -- synth 20000` works too (the bench command passes positionals through unchanged).
    const patients = Number(positionals[0] ?? values.patients);
    const profile = values.profile as ProfileKey;
    const format = values.format as SynthFormat;
    if (!Number.isSafeInteger(patients) || patients <= 0) throw new Error('--patients must be a positive integer');
    if (profile !== 'china' && profile !== 'us') throw new Error('--profile must be china or us');
    if (format !== 'ndjson' && format !== 'bundle') throw new Error('--format must be ndjson or bundle');
    const out = await mkdtemp(join(tmpdir(), 'careloop-synth-'));
    const samples: { done: number; rss: number }[] = [];
    const every = Math.max(1, Math.floor(patients / 50));
    const started = performance.now();
    const summary = await writePopulation({
      patients,
      seed: Number(values.seed),
      profile,
      referenceDate: DEFAULT_REFERENCE_DATE,
      out,
      format,
      onProgress: (done) => {
        if (done % every === 0) samples.push({ done, rss: process.memoryUsage.rss() });
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const peak = Math.max(...samples.map((s) => s.rss), process.memoryUsage.rss());
    const tenth = samples[Math.floor(samples.length / 10)]?.rss ?? peak;
    const last = samples[samples.length - 1]?.rss ?? peak;
    console.log(`patients     ${summary.patients} (${profile}, ${format}) in ${seconds.toFixed(1)} s`);
    console.log(`patients/s   ${(summary.patients / seconds).toFixed(0)}`);
    console.log(`resources/s  ${(summary.resources / seconds).toFixed(0)} (${summary.resources} resources)`);
    console.log(
      `written      ${(summary.bytes / MB).toFixed(0)} MB (${(summary.bytes / MB / seconds).toFixed(0)} MB/s)`,
    );
    console.log(
      `RSS          peak ${(peak / MB).toFixed(0)} MB; at 10% ${(tenth / MB).toFixed(0)} MB, at end ${(last / MB).toFixed(0)} MB`,
    );
    console.log(
      `bar          100,000 patients < 60 s: ${((100_000 * seconds) / summary.patients).toFixed(1)} s projected`,
    );
    if (values.keep) console.log(`kept         ${out}`);
    else await rm(out, { recursive: true, force: true });
  },
};
