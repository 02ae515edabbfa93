import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Config } from '../config/config';
import type { Benchmark } from './registry';

const WEB_ROOT = fileURLToPath(new URL('../../../web', import.meta.url));
const VITE = fileURLToPath(new URL('../../../../node_modules/vite/bin/vite.js', import.meta.url));
const KB = 1024;
/** The bar of issue 7: the first screen loads under 300 KB of gzipped JavaScript. */
const BAR_KB = 300;

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}
type Manifest = Readonly<Record<string, ManifestChunk>>;

/** The entry chunk and every chunk it imports statically: what the browser must load before the first screen. */
function firstScreen(manifest: Manifest): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) visit(dep);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return seen;
}

/**
 * `npm run bench -- web`: builds the clinician app (production) into a temporary folder and prints the gzipped
 * JavaScript the first screen needs (entry + static imports), the lazily loaded screens, CSS and build time.
 */
export const webBenchmark: Benchmark = {
  name: 'web',
  description: 'clinician web app build: first-screen gzipped JS (bar < 300 KB), lazy chunks, build time',
  async run(_config: Config, _args: readonly string[]): Promise<void> {
    const out = await mkdtemp(join(tmpdir(), 'careloop-web-'));
    try {
      const started = performance.now();
      await promisify(execFile)(
        process.execPath,
        [VITE, 'build', WEB_ROOT, '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'],
        { env: { ...process.env, NODE_ENV: 'production' } },
      );
      const seconds = (performance.now() - started) / 1000;
      const manifest = JSON.parse(await readFile(join(out, '.vite', 'manifest.json'), 'utf8')) as Manifest;
      const first = firstScreen(manifest);
      const size = async (file: string): Promise<{ raw: number; gz: number }> => {
        const bytes = await readFile(join(out, file));
        return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
      };
      let firstGz = 0;
      let firstRaw = 0;
      let lazyGz = 0;
      const lines: string[] = [];
      for (const [key, chunk] of Object.entries(manifest)) {
        if (!chunk.file.endsWith('.js')) continue;
        const s = await size(chunk.file);
        const initial = first.has(key);
        if (initial) {
          firstGz += s.gz;
          firstRaw += s.raw;
        } else lazyGz += s.gz;
        lines.push(
          `  ${initial ? 'first' : 'lazy '}  ${(s.gz / KB).toFixed(1).padStart(7)} KB gz  ${(s.raw / KB).toFixed(1).padStart(7)} KB  ${chunk.file}`,
        );
      }
      const css = [...new Set(Object.values(manifest).flatMap((c) => c.css ?? []))];
      let cssGz = 0;
      for (const file of css) cssGz += (await size(file)).gz;
      console.log(`build        ${seconds.toFixed(1)} s (vite, production)`);
      console.log(
        `first screen ${(firstGz / KB).toFixed(1)} KB gzipped JS (${(firstRaw / KB).toFixed(1)} KB raw) + ${(cssGz / KB).toFixed(1)} KB gzipped CSS`,
      );
      console.log(`lazy screens ${(lazyGz / KB).toFixed(1)} KB gzipped JS (patient summary, review)`);
      for (const line of lines.sort()) console.log(line);
      console.log(`bar          first screen < ${BAR_KB} KB gzipped JS: ${firstGz / KB < BAR_KB ? 'met' : 'NOT MET'}`);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  },
};
