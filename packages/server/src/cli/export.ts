import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config/config';
import { AuditLog } from '../services/audit/audit-log';
import { systemContext } from '../services/context';
import { openExportService } from '../services/export/export';
import { openStore } from '../store/open-store';
import { progressBar } from './progress';

interface ExportFlags {
  out: string;
  identified?: boolean;
  types?: string;
  since?: string;
  progress: boolean;
}

interface TypeSummary {
  type: string;
  resources: number;
  bytes: number;
}

function table(rows: readonly TypeSummary[]): string {
  const header = ['type', 'resources', 'bytes'];
  const lines = rows.map((r) => [r.type, String(r.resources), String(r.bytes)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(header), ...lines.map(fmt)].join('\n');
}

const closeStream = (s: WriteStream) =>
  new Promise<void>((resolve, reject) => {
    s.end((e?: Error | null) => {
      if (e) reject(e);
      else resolve();
    });
  });

function sinceDate(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`--since must be a date or date-time, got "${value}"`);
  return d;
}

/** `careloop export`: the store as NDJSON files, one per resource type; de-identified unless --identified. */
export function registerExport(program: Command, config: Config): void {
  program
    .command('export')
    .description('export resources as NDJSON (one file per type); de-identified (HIPAA Safe Harbor) by default')
    .requiredOption('--out <dir>', 'folder for <Type>.ndjson files')
    .option('--deidentify', 'de-identify (the default)')
    .option('--identified', 'export identified data (system use only: backups, migrations)')
    .option('--types <list>', 'comma-separated resource types, e.g. Patient,Observation')
    .option('--since <date>', 'only resources last updated at or after this date')
    .option('--no-progress', 'no progress bar')
    .action(async (flags: ExportFlags) => {
      const store = await openStore(config.db);
      const clock = () => new Date();
      const ctx = systemContext();
      const bar = flags.progress ? progressBar('export', 'resources') : undefined;
      const streams = new Map<string, WriteStream>();
      try {
        const service = openExportService(config, store.backend, new AuditLog(store.backend, clock), clock);
        const types = flags.types
          ?.split(',')
          .map((t) => t.trim())
          .filter(Boolean);
        const since = sinceDate(flags.since);
        const run = await service.start(ctx, {
          deidentify: !flags.identified,
          ...(types ? { types } : {}),
          ...(since ? { since } : {}),
        });
        mkdirSync(flags.out, { recursive: true });
        const summary = new Map(run.plan.map((p) => [p.type, { type: p.type, resources: 0, bytes: 0 }]));
        const started = performance.now();
        bar?.start(
          Math.max(
            1,
            run.plan.reduce((n, p) => n + p.count, 0),
          ),
          0,
          { detail: '' },
        );
        let done = 0;
        for await (const { type, line } of run.lines()) {
          let out = streams.get(type);
          if (!out) streams.set(type, (out = createWriteStream(join(flags.out, `${type}.ndjson`))));
          const text = `${line}\n`;
          if (!out.write(text))
            await new Promise<void>((r) => {
              out.once('drain', () => {
                r();
              });
            });
          const s = summary.get(type)!;
          s.resources++;
          s.bytes += Buffer.byteLength(text);
          done++;
          bar?.update(done, { detail: type });
        }
        bar?.stop();
        const seconds = (performance.now() - started) / 1000;
        console.log(table([...summary.values()].filter((s) => s.resources > 0)));
        console.log(
          `export: ${done} resources (${flags.identified ? 'identified' : 'de-identified'}) to ${flags.out} in ${seconds.toFixed(1)} s`,
        );
      } finally {
        bar?.stop();
        for (const s of streams.values()) await closeStream(s);
        await store.close();
      }
    });
}
