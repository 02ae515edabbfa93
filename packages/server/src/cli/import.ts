import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import type { Config } from '../config/config';
import { DEFAULT_BATCH_SIZE, Importer, type FileSummary } from '../services/import/importer';
import { listSources } from '../services/import/sources';
import { openStore } from '../store/open-store';
import { AuditLog } from '../services/audit/audit-log';
import { systemContext } from '../services/context';
import { progressBar } from './progress';

interface ImportFlags {
  errors: string;
  batchSize: number;
  progress: boolean;
}

function table(rows: readonly FileSummary[]): string {
  const header = ['file', 'read', 'created', 'updated', 'unchanged', 'rejected'];
  const lines = rows.map((r) => [r.file, r.read, r.created, r.updated, r.unchanged, r.rejected].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(header), ...lines.map(fmt)].join('\n');
}

/** `careloop import`: FHIR Bundles and NDJSON (files or folders) into the store named by CARELOOP_DB. */
export function registerImport(program: Command, config: Config): void {
  program
    .command('import')
    .description('import FHIR Bundles (.json) and NDJSON (.ndjson) files or folders; re-importing is safe')
    .argument('<paths...>', 'files or folders')
    .option('--errors <file>', 'where rejected records go, one OperationOutcome per line', 'import-errors.ndjson')
    .option(
      '--batch-size <n>',
      'resources per transaction',
      (v) => Math.max(1, Number(v) || DEFAULT_BATCH_SIZE),
      DEFAULT_BATCH_SIZE,
    )
    .option('--no-progress', 'no progress bar')
    .action(async (paths: string[], flags: ImportFlags) => {
      const files = listSources(paths);
      if (files.length === 0) throw new Error(`no .json or .ndjson files in ${paths.join(', ')}`);
      const totalBytes = files.reduce((n, f) => n + f.bytes, 0);
      const store = await openStore(config.db);
      let errors: ReturnType<typeof createWriteStream> | undefined;
      let rejected = 0;
      const started = performance.now();
      const mb = (b: number) => Math.round(b / 1e6);
      const bar = flags.progress ? progressBar('import', 'MB') : undefined;
      bar?.start(Math.max(1, mb(totalBytes)), 0, { detail: '0 resources' });
      try {
        const importer = new Importer(store.repository, {
          batchSize: flags.batchSize,
          onProgress: ({ bytes, resources }) => {
            const rate = Math.round(resources / ((performance.now() - started) / 1000 || 1));
            bar?.update(mb(bytes), { detail: `${resources} resources, ${rate} res/s` });
          },
          onRejected: (r) => {
            rejected++;
            errors ??= createWriteStream(flags.errors);
            errors.write(`${JSON.stringify(r)}\n`);
          },
        });
        const summaries = await importer.importFiles(files);
        bar?.stop();
        const seconds = (performance.now() - started) / 1000;
        const total = summaries.reduce((n, s) => n + s.read, 0);
        console.log(table(summaries));
        console.log(
          `import: ${total} records from ${files.length} files in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} records/s); ${rejected} rejected${rejected ? ` → ${flags.errors}` : ''}`,
        );
        // One audit event per run (not per record): who loaded what, from which files, with what outcome.
        await new AuditLog(store.backend, () => new Date()).record(systemContext(), {
          kind: 'import',
          outcome: rejected > 0 ? 'failed' : 'success',
          detail: `${total} records from ${files.length} files (${files
            .slice(0, 5)
            .map((f) => f.path)
            .join(', ')}${files.length > 5 ? ', …' : ''}); ${rejected} rejected`,
        });
        if (rejected > 0) process.exitCode = 1;
      } finally {
        bar?.stop();
        await new Promise<void>((resolve) => {
          if (errors) errors.end(resolve);
          else resolve();
        });
        await store.close();
      }
    });
}
