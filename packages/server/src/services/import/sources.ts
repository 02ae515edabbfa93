import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** One input file and how to read it. */
export interface SourceFile {
  readonly path: string;
  readonly format: 'ndjson' | 'json';
  readonly bytes: number;
}

/** Expands files and folders (recursively) into importable files, in a stable order. */
export function listSources(paths: readonly string[]): SourceFile[] {
  const out: SourceFile[] = [];
  const visit = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(join(p, name));
      return;
    }
    if (/\.(ndjson|jsonl)$/i.test(p)) out.push({ path: p, format: 'ndjson', bytes: st.size });
    else if (/\.json$/i.test(p)) out.push({ path: p, format: 'json', bytes: st.size });
  };
  for (const p of paths) visit(p);
  return out;
}

/** Lines of an NDJSON file, streamed: memory does not grow with the file. */
export async function* ndjsonLines(path: string): AsyncGenerator<{ line: number; text: string; bytes: number }> {
  const rl = createInterface({
    input: createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }),
    crlfDelay: Infinity,
  });
  let line = 0;
  for await (const text of rl) {
    line++;
    if (text.trim()) yield { line, text, bytes: Buffer.byteLength(text) + 1 };
  }
}
