import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AuditLog } from '../services/audit/audit-log';
import { OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { Config } from '../config/config';
import { systemContext } from '../services/context';
import { checkupsOn } from '../services/checkup/intake-fhir';
import { importCheckupCsv, type CsvImportReport } from '../services/checkup/intake-csv';
import { interpretCheckups } from '../services/checkup/interpret';
import type { CheckupDeps } from '../services/checkup/sign-off';
import { openStore } from '../store/open-store';
import { progressBar } from './progress';

interface InterpretFlags {
  date?: string;
  csv?: string;
  idSystem?: string;
  progress: boolean;
}

/** Totals printed at the end of a run. */
interface Tally {
  reports: number;
  urgentReports: number;
  urgentFindings: number;
  skippedSigned: number;
  failed: string[];
}

function printImport(report: CsvImportReport, file: string): void {
  console.log(
    `csv: ${file}: ${report.rows} rows, ${report.imported} results in ${report.checkups.length} checkups imported, ` +
      `${report.patientsCreated} new people, ${report.rejected.length} rows rejected, ${report.unmapped.length} unmapped items`,
  );
  for (const r of report.rejected) console.log(`  rejected line ${r.line}: ${r.message}`);
  for (const u of report.unmapped) console.log(`  unmapped line ${u.line}: ${u.message}`);
}

async function interpretAll(deps: CheckupDeps, encounterIds: readonly string[], showProgress: boolean): Promise<Tally> {
  const tally: Tally = { reports: 0, urgentReports: 0, urgentFindings: 0, skippedSigned: 0, failed: [] };
  const bar = showProgress ? progressBar('interpret', 'checkups') : undefined;
  bar?.start(encounterIds.length, 0, { detail: '0 urgent' });
  let done = 0;
  try {
    await interpretCheckups(systemContext(), deps, [...new Set(encounterIds)], {
      onOutcome: (o) => {
        if (o.ok) {
          tally.reports++;
          tally.urgentFindings += o.result.urgent;
          if (o.result.urgent > 0) tally.urgentReports++;
        } else if (o.error instanceof OperationOutcomeError && o.error.status === 409) tally.skippedSigned++;
        else tally.failed.push(`Encounter/${o.encounterId}: ${o.error.message}`);
        bar?.update(++done, { detail: `${String(tally.urgentReports)} urgent` });
      },
    });
  } finally {
    bar?.stop();
  }
  return tally;
}

/** `careloop interpret`: interprets a day's checkups (from the store, or from a CSV imported first). */
export function registerInterpret(program: Command, config: Config): void {
  program
    .command('interpret')
    .description('interpret checkups into preliminary reports: a day from the store, or a checkup CSV')
    .option('--date <YYYY-MM-DD>', "the day's checkups (default: today, or every checkup in --csv)")
    .option('--csv <file>', 'import this checkup/lab CSV export first, then interpret its checkups')
    .option('--id-system <uri>', "identifier system of the CSV's person ids")
    .option('--no-progress', 'no progress bar')
    .action(async (flags: InterpretFlags) => {
      if (flags.date && !/^\d{4}-\d{2}-\d{2}$/.test(flags.date)) throw new Error('--date must be YYYY-MM-DD');
      const store = await openStore(config.db);
      const clock = (): Date => new Date();
      const deps: CheckupDeps = { repo: store.repository, clock, audit: new AuditLog(store.backend, clock) };
      const started = performance.now();
      try {
        let ids: string[];
        let imported: CsvImportReport | undefined;
        if (flags.csv) {
          imported = await importCheckupCsv(store.repository, readFileSync(flags.csv, 'utf8'), {
            ...(flags.idSystem ? { personIdSystem: flags.idSystem } : {}),
          });
          if (imported.fileProblem) throw new Error(`${flags.csv}: ${imported.fileProblem}`);
          printImport(imported, flags.csv);
          ids = imported.checkups.filter((c) => !flags.date || c.date === flags.date).map((c) => c.encounterId);
        } else {
          const day = flags.date ?? new Date().toISOString().slice(0, 10);
          ids = (await checkupsOn(store.repository, day)).map((e) => e.id ?? '');
        }
        const t = await interpretAll(deps, ids, flags.progress);
        const seconds = (performance.now() - started) / 1000;
        console.log(
          `interpret: ${t.reports} reports written (${t.urgentReports} with urgent findings, ${t.urgentFindings} urgent findings), ` +
            `${t.skippedSigned} already signed, ${t.failed.length} failed; ` +
            `${imported?.unmapped.length ?? 0} unmapped items, ${imported?.rejected.length ?? 0} rejected rows; ${seconds.toFixed(1)} s`,
        );
        for (const f of t.failed) console.log(`  failed ${f}`);
        if (t.failed.length > 0 || (imported?.rejected.length ?? 0) > 0) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
