import type { Config } from '../config/config';

/** One named benchmark of `npm run bench -- <name>`: prints its own figures (and ratios to a same-run baseline). */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(config: Config, args: readonly string[]): Promise<void>;
}
