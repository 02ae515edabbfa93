import type { Command } from 'commander';
import type { Config } from '../config/config';
import { listAuditEvents, type AuditQuery } from '../services/audit/query';
import { verifyAuditChain, type AuditVerifyResult } from '../services/audit/verify';
import type { SqlSession } from '../store/backend';
import { openBackend } from '../store/open-store';

/** The lines `careloop audit verify` prints, and its exit code (1 when the chain is broken). */
export async function auditVerifyReport(
  db: SqlSession,
): Promise<{ lines: string[]; exitCode: number; result: AuditVerifyResult }> {
  const result = await verifyAuditChain(db);
  const lines = result.ok
    ? [`audit log intact: ${result.count} events`, `head hash: ${result.headHash}`]
    : [
        `audit log BROKEN at seq ${result.brokenSeq ?? '?'}: ${result.reason ?? ''}`,
        `${result.count} events verified before it; last good hash: ${result.headHash}`,
      ];
  lines.push('Anchor the head hash outside this database: whoever can write to it can rewrite the whole chain.');
  return { lines, exitCode: result.ok ? 0 : 1, result };
}

/** One line per event: seq-free summary (recorded, outcome, user, action, what). */
export async function auditListLines(db: SqlSession, query: AuditQuery): Promise<string[]> {
  const events = await listAuditEvents(db, query);
  return events.map((e) => {
    const who = e.agent[0]?.who?.identifier?.value ?? '?';
    const what = (e.entity ?? []).flatMap((x) => (x.what?.reference ? [x.what.reference] : [])).join(' ');
    const sub = e.subtype?.[0]?.code ?? e.type.code ?? '';
    return `${e.recorded}  outcome=${e.outcome ?? ''}  ${who}  ${sub}  ${what}`;
  });
}

interface ListFlags {
  user?: string;
  patient?: string;
  kind?: string;
  since?: string;
  count?: string;
}

/** `careloop audit verify | list`. */
export function registerAudit(program: Command, config: Config): void {
  const audit = program.command('audit').description('check and read the tamper-evident audit log');
  audit
    .command('verify')
    .description('walk the hash chain; print the head hash; exit 1 at the first broken event')
    .action(async () => {
      const backend = await openBackend(config.db);
      try {
        const { lines, exitCode } = await auditVerifyReport(backend);
        for (const l of lines) console.log(l);
        process.exitCode = exitCode;
      } finally {
        await backend.close();
      }
    });
  audit
    .command('list')
    .description('list audit events, newest first')
    .option('--user <id>', 'events of this account')
    .option('--patient <id>', 'events involving this Patient id')
    .option('--kind <kind>', 'read, search, create, update, delete, sign, login…')
    .option('--since <date>', 'recorded at or after this date')
    .option('--count <n>', 'at most this many (default 100)')
    .action(async (flags: ListFlags) => {
      const backend = await openBackend(config.db);
      try {
        const lines = await auditListLines(backend, {
          ...(flags.user ? { user: flags.user } : {}),
          ...(flags.patient ? { patient: flags.patient } : {}),
          ...(flags.kind ? { kind: flags.kind } : {}),
          ...(flags.since ? { since: flags.since } : {}),
          ...(flags.count ? { count: Number(flags.count) } : {}),
        });
        for (const l of lines) console.log(l);
      } finally {
        await backend.close();
      }
    });
}
