import type { AuditEvent } from '@medplum/fhirtypes';
import { idOf } from '../references';
import type { SqlSession } from '../../store/backend';
import { patientsColumn, readHead } from './audit-log';
import { canonicalJson, chainHash, GENESIS_HASH } from './canonical';

export interface AuditVerifyResult {
  readonly ok: boolean;
  /** Rows checked. */
  readonly count: number;
  /** The hash of the last row: anchor it outside the database to detect a rewrite of the whole chain. */
  readonly headHash: string;
  /** The first seq found broken (for a deleted last row: the seq that is missing). */
  readonly brokenSeq?: number;
  readonly reason?: string;
}

interface Row {
  seq: number | string;
  user_id: string | null;
  kind: string;
  patients: string;
  prev_hash: string;
  hash: string;
  content: string;
}

function patientsOf(event: AuditEvent): string[] {
  return (event.entity ?? []).flatMap((e) => {
    const id = e.role?.code === '1' ? idOf(e.what?.reference, 'Patient') : undefined;
    return id ? [id] : [];
  });
}

/** Why a row does not hold, or undefined when it does. */
function rowProblem(row: Row, expectedSeq: number, prevHash: string): string | undefined {
  if (Number(row.seq) !== expectedSeq) return `seq ${expectedSeq} is missing (next row is ${row.seq})`;
  if (row.prev_hash !== prevHash) return 'prev_hash does not match the previous row (a row was deleted or edited)';
  let event: AuditEvent;
  try {
    event = JSON.parse(row.content) as AuditEvent;
  } catch {
    return 'content is not JSON';
  }
  if (chainHash(row.prev_hash, canonicalJson(event)) !== row.hash) return 'hash does not match the content (edited)';
  if (row.patients !== patientsColumn(patientsOf(event))) return 'patients column does not match the content';
  const who = event.agent?.[0]?.who?.identifier?.value ?? null;
  if ((row.user_id ?? 'anonymous') !== who) return 'user_id column does not match the content';
  return undefined;
}

/**
 * Walks the chain from seq 1 and reports the first broken row: an edited row (hash), a deleted row (seq gap or
 * prev_hash), a deleted last row or a rewound log (count and last hash against `audit_head`).
 */
export async function verifyAuditChain(db: SqlSession, pageSize = 5000): Promise<AuditVerifyResult> {
  let expected = 1;
  let prev = GENESIS_HASH;
  for (;;) {
    const rows = await db.query<Row>(
      'SELECT seq, user_id, kind, patients, prev_hash, hash, content FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?',
      [expected, pageSize],
    );
    for (const row of rows) {
      const problem = rowProblem(row, expected, prev);
      if (problem) return { ok: false, count: expected - 1, headHash: prev, brokenSeq: expected, reason: problem };
      prev = row.hash;
      expected++;
    }
    if (rows.length < pageSize) break;
  }
  const count = expected - 1;
  const head = await readHead(db);
  if (head.count !== count || head.lastHash !== prev) {
    const brokenSeq = head.count > count ? count + 1 : head.count + 1;
    return {
      ok: false,
      count,
      headHash: prev,
      brokenSeq,
      reason: `audit_head says ${head.count} rows ending in ${head.lastHash.slice(0, 12)}…, the table has ${count} ending in ${prev.slice(0, 12)}…`,
    };
  }
  return { ok: true, count, headHash: prev };
}
