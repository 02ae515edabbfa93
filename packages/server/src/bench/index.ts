import type { Benchmark } from './registry';

/** Every benchmark; `npm run bench` with no name runs them all in this order. */
export const benchmarks: readonly Benchmark[] = [];
