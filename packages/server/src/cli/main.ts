import { Command } from 'commander';
import { loadConfig } from '../config/config';
import { registerCommands } from './commands';

/** Runs the `careloop` command line. Every command reads the same Config (CARELOOP_DB etc.). */
export async function main(argv: readonly string[]): Promise<void> {
  const program = new Command('careloop')
    .description('CareLoop: FHIR-native clinical platform')
    .showHelpAfterError()
    .exitOverride();
  const config = loadConfig(process.env);
  registerCommands(program, config);
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    const code = (err as { exitCode?: number }).exitCode;
    if (typeof code === 'number') process.exitCode = code;
    else throw err;
  }
}
