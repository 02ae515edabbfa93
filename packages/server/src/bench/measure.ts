import { TEST_PG_URL } from '../testing/backends';
/** Times a piece of work and samples the process's peak RSS while it runs. */
export async function measure<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(peak / 1e6) };
  } finally {
    clearInterval(timer);
  }
}

/** Reads `--name value` from benchmark arguments. */
export function argNumber(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Drops a benchmark's PostgreSQL schema on the test server (the benches write into a schema of their own). */
export async function dropBenchSchema(schema: string): Promise<void> {
  const pg = await import('pg');
  const client = new pg.default.Client(TEST_PG_URL);
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
