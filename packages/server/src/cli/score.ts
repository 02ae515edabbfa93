import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseStrictJson } from '@careloop/core/fhir/strict-json';
import type { Config } from '../config/config';
import { evaluateScore, listScores } from '../http/api/scores-format';

interface ScoreFlags {
  readonly list?: boolean;
  readonly json?: boolean;
  readonly input?: string;
}

/** Exit status for unusable input (an unknown score, bad JSON, an input out of range), as the issue asks. */
const BAD_INPUT = 2;

/** The --input text: inline JSON when it looks like JSON, otherwise the path of a JSON file. */
function readInput(arg: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const trimmed = arg.trim();
  let text = trimmed;
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    try {
      text = readFileSync(arg, 'utf8');
    } catch (err) {
      return { ok: false, message: `--input is neither JSON nor a readable file: ${(err as Error).message}` };
    }
  }
  const parsed = parseStrictJson(text, 16);
  return parsed.ok ? parsed : { ok: false, message: `--input: ${parsed.message}` };
}

/** What the command prints: stdout text, or an error message for stderr (exit status 2). */
type Outcome = { readonly stdout: string } | { readonly error: string };

function listText(json: boolean): string {
  const scores = listScores();
  if (json) return `${JSON.stringify(scores, null, 2)}\n`;
  const width = Math.max(...scores.map((s) => s.id.length));
  return scores
    .map((s) => {
      const source = s.source[0].doi ? `doi:${s.source[0].doi}` : (s.source[0].url ?? s.source[0].citation);
      return `${s.id.padEnd(width)}  ${s.name.en} / ${s.name['zh-CN']}  [${source}]\n`;
    })
    .join('');
}

function run(id: string | undefined, flags: ScoreFlags): Outcome {
  if (flags.list) return { stdout: listText(flags.json ?? false) };
  if (!id) return { error: 'give a score id (see `careloop score --list`)' };
  if (flags.input === undefined)
    return { error: `give the inputs: careloop score ${id} --input '<json>' or file.json` };
  const input = readInput(flags.input);
  if (!input.ok) return { error: input.message };
  const r = evaluateScore(id, input.value);
  if (r.ok) return { stdout: `${JSON.stringify(r.output, null, 2)}\n` };
  if (r.kind === 'unknown-score') return { error: r.message };
  return { error: `invalid input for ${id}:\n${r.problems.map((p) => `  ${p.input}: ${p.message}`).join('\n')}` };
}

/** `careloop score`: lists the validated scores, or computes one from JSON inputs and prints one JSON object. */
export function registerScore(program: Command, _config: Config): void {
  program
    .command('score')
    .description('compute a validated clinical score from JSON inputs (see --list)')
    .argument('[id]', 'score id, e.g. pce-ascvd-10y')
    .option('--list', 'list the scores: id, names, source')
    .option('--json', 'with --list: print the list as JSON')
    .option('-i, --input <json|file>', 'inputs as a JSON object, or the path of a JSON file')
    .addHelpText(
      'after',
      `\nExample:\n  careloop score pce-ascvd-10y --input '{"age":55,"sex":"female","race":"white","totalCholesterol":213,` +
        `"hdl":50,"systolicBP":120,"bpTreated":false,"smoker":false,"diabetic":false}'\n` +
        `Any number may be given with its unit: {"totalCholesterol":{"value":5.5,"unit":"mmol/L"}}.\n` +
        `Exit status 2 on an unknown score or invalid input.`,
    )
    .action((id: string | undefined, flags: ScoreFlags) => {
      const out = run(id, flags);
      if ('stdout' in out) {
        process.stdout.write(out.stdout);
        return;
      }
      process.stderr.write(`careloop score: ${out.error}\n`);
      process.exitCode = BAD_INPUT;
    });
}
