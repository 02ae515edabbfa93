import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config/config';
import { Importer } from '../services/import/importer';
import { listSources, ndjsonLines, type SourceFile } from '../services/import/sources';
import { openStore } from '../store/open-store';
import { writePopulation } from '../synth/write-population';
import { TEST_PG_URL } from '../testing/backends';
import { argNumber, measure, dropBenchSchema } from './measure';
import type { Benchmark } from './registry';

async function parseOnly(files: readonly SourceFile[]): Promise<number> {
  let n = 0;
  for (const f of files) {
    for await (const { text } of ndjsonLines(f.path)) {
      JSON.parse(text);
      n++;
    }
  }
  return n;
}

async function importInto(db: string, files: readonly SourceFile[]): Promise<{ records: number; rejected: number }> {
  const store = await openStore(db);
  let rejected = 0;
  try {
    const summaries = await new Importer(store.repository, { onRejected: () => rejected++ }).importFiles(files);
    return { records: summaries.reduce((n, s) => n + s.read, 0), rejected };
  } finally {
    await store.close();
  }
}

/**
 * `npm run bench -- import [--patients N] [--no-postgres]`: a synthetic population (≥ 200,000 resources) as NDJSON,
 * imported into a fresh SQLite store and a fresh PostgreSQL schema, against JSON.parse alone over the same bytes.
 */
export const importBenchmark: Benchmark = {
  name: 'import',
  description: 'import throughput (SQLite, PostgreSQL) vs JSON.parse alone over the same NDJSON',
  async run(config: Config, args: readonly string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'careloop-bench-import-'));
    try {
      const patients = argNumber(args, 'patients', 5500);
      const synth = await writePopulation({
        seed: 7,
        profile: 'china',
        referenceDate: '2026-01-01',
        patients,
        out: join(dir, 'data'),
        format: 'ndjson',
      });
      const files = listSources([join(dir, 'data')]);
      const bytes = files.reduce((n, f) => n + f.bytes, 0);
      const mb = bytes / 1e6;
      console.log(`data: ${synth.patients} patients, ${synth.resources} resources, ${mb.toFixed(1)} MB NDJSON`);
      await parseOnly(files); // warm the page cache so both runs read from memory
      const parse = await measure(() => parseOnly(files));
      const parseRate = parse.result / parse.seconds;
      console.log(`parse-only : ${Math.round(parseRate)} resources/s, ${(mb / parse.seconds).toFixed(1)} MB/s`);
      const rows: [string, string][] = [['sqlite', `sqlite:${join(dir, 'bench.db')}`]];
      if (!args.includes('--no-postgres')) rows.push(['postgres', `${TEST_PG_URL}?schema=bench_import_${process.pid}`]);
      for (const [name, db] of rows) {
        const run = await measure(() => importInto(db, files));
        const rate = run.result.records / run.seconds;
        console.log(
          `${name.padEnd(11)}: ${Math.round(rate)} resources/s, ${(mb / run.seconds).toFixed(1)} MB/s, ${run.seconds.toFixed(1)} s, peak RSS ${run.peakRssMb} MB, ` +
            `${run.result.rejected} rejected, import/parse = ${((rate / parseRate) * 100).toFixed(1)}%`,
        );
      }
      if (config.db && rows.length > 1) {
        await dropBenchSchema(`bench_import_${process.pid}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
