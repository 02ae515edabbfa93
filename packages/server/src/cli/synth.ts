import { Option } from 'commander';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import type { Config } from '../config/config';
import { DEFAULT_REFERENCE_DATE } from '../synth/generate';
import { PROFILE_KEYS } from '../synth/profile';
import type { ProfileKey } from '../synth/profile';
import { writePopulation } from '../synth/write-population';
import type { SynthSummary } from '../synth/write-population';
import { SYNTH_FORMATS } from '../synth/writers';
import type { SynthFormat } from '../synth/writers';

interface SynthFlags {
  patients: number;
  seed: number;
  profile: ProfileKey;
  out: string;
  format: SynthFormat;
  referenceDate: string;
  progress: boolean;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`expected a non-negative integer, got "${value}"`);
  return n;
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new Error(`expected an ISO date (YYYY-MM-DD), got "${value}"`);
  }
  return value;
}

/** One line describing a finished run. */
export function summaryLine(s: SynthSummary, seconds: number, out: string): string {
  const types = Object.entries(s.byType)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  const mb = (s.bytes / 1e6).toFixed(1);
  return `synth: ${s.patients} patients, ${s.resources} resources (${types}) in ${seconds.toFixed(1)} s → ${out} (${mb} MB)`;
}

/** `careloop synth`: writes a deterministic synthetic FHIR population to a folder. */
export function registerSynth(program: Command, _config: Config): void {
  program
    .command('synth')
    .description('generate a deterministic synthetic FHIR R4 population (same seed, same bytes)')
    .requiredOption('--patients <n>', 'number of people', nonNegativeInt)
    .option('--seed <s>', 'population seed', nonNegativeInt, 1)
    .addOption(new Option('--profile <profile>', 'population profile').choices(PROFILE_KEYS).default('china'))
    .requiredOption('--out <dir>', 'output folder')
    .addOption(new Option('--format <format>', 'output layout').choices(SYNTH_FORMATS).default('ndjson'))
    .option('--reference-date <date>', 'the population’s "today"', isoDate, DEFAULT_REFERENCE_DATE)
    .option('--no-progress', 'no progress bar')
    .action(async (flags: SynthFlags) => {
      const bar = new SingleBar({
        stream: process.stderr,
        format: 'synth [{bar}] {percentage}% | {value}/{total} patients | {eta}s left',
        etaBuffer: 2000,
        noTTYOutput: false,
      });
      const showBar = flags.progress && process.stderr.isTTY;
      if (showBar) bar.start(flags.patients, 0);
      const started = performance.now();
      const step = Math.max(1, Math.floor(flags.patients / 200));
      const summary = await writePopulation({
        patients: flags.patients,
        seed: flags.seed,
        profile: flags.profile,
        referenceDate: flags.referenceDate,
        out: flags.out,
        format: flags.format,
        onProgress: (done) => {
          if (showBar && (done % step === 0 || done === flags.patients)) bar.update(done);
        },
      });
      if (showBar) bar.stop();
      console.log(summaryLine(summary, (performance.now() - started) / 1000, flags.out));
    });
}
