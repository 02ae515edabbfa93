import type { Command } from 'commander';
import type { Config } from '../config/config';
import { registerBench } from './bench';
import { registerImport } from './import';
import { registerInterpret } from './interpret';
import { registerServe } from './serve';
import { registerScore } from './score';
import { registerSynth } from './synth';

/** One subcommand: each lives in its own file under cli/ and is listed here. */
export type CommandRegistration = (program: Command, config: Config) => void;

const registrations: readonly CommandRegistration[] = [
  registerServe,
  registerImport,
  registerSynth,
  registerScore,
  registerBench,
  registerInterpret,
];

export function registerCommands(program: Command, config: Config): void {
  for (const register of registrations) register(program, config);
}
