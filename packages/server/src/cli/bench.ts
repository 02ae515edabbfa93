import type { Command } from 'commander';
import { benchmarks } from '../bench/index';
import type { Config } from '../config/config';

export function registerBench(program: Command, config: Config): void {
  program
    .command('bench')
    .description(`run benchmarks and print figures: ${benchmarks.map((b) => b.name).join(', ') || '(none yet)'}`)
    .argument('[name]', 'benchmark to run (default: all)')
    .argument('[args...]', 'arguments passed to the benchmark (e.g. --patients 2000)')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (name: string | undefined, args: string[]) => {
      const chosen = name ? benchmarks.filter((b) => b.name === name) : benchmarks;
      if (name && chosen.length === 0) {
        throw new Error(`unknown benchmark "${name}"; known: ${benchmarks.map((b) => b.name).join(', ')}`);
      }
      for (const b of chosen) {
        console.log(`\n== bench ${b.name}: ${b.description}`);
        await b.run(config, args);
      }
    });
}
