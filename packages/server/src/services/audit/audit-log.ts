import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '@medplum/fhirtypes';
import type { Backend, SqlSession } from '../../store/backend';
import { listAuditEvents, type AuditQuery } from './query';
import type { RequestContext } from '../context';
import { canonicalJson, chainHash, GENESIS_HASH } from './canonical';
import { toAuditEvent } from './event';
import type { AuditInput, AuditRecorder } from './recorder';

/** Arbitrary constant key of the PostgreSQL advisory lock that serialises the first appends ("CLAU" in ASCII). */
const APPEND_LOCK_KEY = 0x434c4155;

/**
 * The audit log: every event an AuditEvent resource (canonical JSON) appended to `audit_log` as a hash chain,
 * hash = sha256(prev_hash + content), seq contiguous from 1. `audit_head` (count, last hash) is updated in the same
 * transaction so that a deleted last row is detected too. Appends are serialised: SQLite has one writer (the
 * backend's transaction mutex); PostgreSQL locks the head row (see lockHead). Tamper-evident, not
 * tamper-proof: someone with write access to the database can rewrite the whole chain; anchor the head hash
 * printed by `careloop audit verify` somewhere else to detect that.
 */
export class AuditLog implements AuditRecorder {
  constructor(
    private readonly backend: Backend,
    private readonly clock: () => Date,
  ) {}

  async record(ctx: RequestContext, event: AuditInput): Promise<void> {
    const recorded = this.clock().toISOString();
    const resource = toAuditEvent(ctx, event, randomUUID(), recorded);
    const content = canonicalJson(resource);
    const patients = [...new Set(event.patients ?? [])];
    await this.backend.transaction(async (tx) => {
      const head = await lockHead(tx);
      const seq = head.count + 1;
      const hash = chainHash(head.lastHash, content);
      const row = [
        seq,
        recorded,
        ctx.user?.id ?? event.username ?? null,
        event.kind,
        patientsColumn(patients),
        head.lastHash,
        hash,
        content,
      ];
      const insert =
        'INSERT INTO audit_log (seq, recorded, user_id, kind, patients, prev_hash, hash, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
      if (tx.dialect === 'postgres' && head.exists) {
        // One round trip for the row and the head (a data-modifying WITH runs both in the same statement).
        await tx.query(`WITH appended AS (${insert}) UPDATE audit_head SET count = ?, last_hash = ? WHERE id = 1`, [
          ...row,
          seq,
          hash,
        ]);
      } else {
        await tx.query(insert, row);
        await writeHead(tx, head.exists, seq, hash);
      }
    });
  }

  /** Events matching `query`, newest first (no access check: see read-log.ts). */
  list(query: AuditQuery): Promise<AuditEvent[]> {
    return listAuditEvents(this.backend, query);
  }
}

/** The `patients` column: ids between spaces, so `LIKE '% id %'` finds one exactly. */
export function patientsColumn(patients: readonly string[]): string {
  return patients.length ? ` ${patients.join(' ')} ` : '';
}

export interface AuditHead {
  readonly exists: boolean;
  readonly count: number;
  readonly lastHash: string;
}

export async function readHead(db: SqlSession): Promise<AuditHead> {
  const rows = await db.query<{ count: number | string; last_hash: string }>(
    'SELECT count, last_hash FROM audit_head WHERE id = 1',
  );
  const row = rows[0];
  return row
    ? { exists: true, count: Number(row.count), lastHash: row.last_hash }
    : { exists: false, count: 0, lastHash: GENESIS_HASH };
}

/**
 * Reads the head inside the append transaction and holds it until commit. PostgreSQL: `FOR UPDATE` on the head row
 * serialises appenders (after waiting, READ COMMITTED returns the row as the previous appender committed it); only
 * while the log is empty (no head row to lock) is the advisory lock taken, then the head read again. SQLite: the
 * transaction already holds the only write lock (BEGIN IMMEDIATE).
 */
async function lockHead(tx: SqlSession): Promise<AuditHead> {
  const lockedRead = async (): Promise<AuditHead> => {
    const rows = await tx.query<{ count: number | string; last_hash: string }>(
      `SELECT count, last_hash FROM audit_head WHERE id = 1${tx.lockSuffix}`,
    );
    const row = rows[0];
    return row
      ? { exists: true, count: Number(row.count), lastHash: row.last_hash }
      : { exists: false, count: 0, lastHash: GENESIS_HASH };
  };
  const head = await lockedRead();
  if (head.exists || tx.dialect !== 'postgres') return head;
  await tx.query('SELECT pg_advisory_xact_lock(?)', [APPEND_LOCK_KEY]);
  return lockedRead();
}

async function writeHead(db: SqlSession, exists: boolean, count: number, hash: string): Promise<void> {
  if (exists) await db.query('UPDATE audit_head SET count = ?, last_hash = ? WHERE id = 1', [count, hash]);
  else await db.query('INSERT INTO audit_head (id, count, last_hash) VALUES (1, ?, ?)', [count, hash]);
}
