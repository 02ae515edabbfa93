import { accessBenchmark } from './access';
import { checkupBenchmark } from './checkup';
import { importBenchmark } from './import';
import type { Benchmark } from './registry';
import { synthBenchmark } from './synth';
import { validateBenchmark } from './validate';
import { webBenchmark } from './web';

/** Every benchmark; `npm run bench` with no name runs them all in this order. */
export const benchmarks: readonly Benchmark[] = [
  importBenchmark,
  synthBenchmark,
  validateBenchmark,
  checkupBenchmark,
  webBenchmark,
  accessBenchmark,
];
