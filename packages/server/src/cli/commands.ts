import type { Command } from 'commander';
import type { Config } from '../config/config';
import { registerAudit } from './audit';
import { registerBench } from './bench';
import { registerClient } from './client';
import { registerExport } from './export';
import { registerImport } from './import';
import { registerInterpret } from './interpret';
import { registerServe } from './serve';
import { registerScore } from './score';
import { registerSynth } from './synth';
import { registerToken } from './token';
import { registerUser } from './user';

/** One subcommand: each lives in its own file under cli/ and is listed here. */
export type CommandRegistration = (program: Command, config: Config) => void;

const registrations: readonly CommandRegistration[] = [
  registerServe,
  registerImport,
  registerSynth,
  registerScore,
  registerBench,
  registerInterpret,
  registerClient,
  registerExport,
  registerAudit,
  registerUser,
  registerToken,
];

export function registerCommands(program: Command, config: Config): void {
  for (const register of registrations) register(program, config);
}
