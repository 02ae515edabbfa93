import type { AuditEvent, Bundle } from '@medplum/fhirtypes';
import { badRequest, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { SqlSession, SqlValue } from '../../store/backend';

export interface AuditQuery {
  /** Account id of the acting user. */
  readonly user?: string;
  /** Patient id among the event's patients. */
  readonly patient?: string;
  /** The audit kind (read, search, create, sign, login…). */
  readonly kind?: string;
  /** ISO date or date-time: events recorded at or after it. */
  readonly since?: string;
  /** At most this many, newest first (default 100, at most 1000). */
  readonly count?: number;
}

/** Audit events matching the query, newest first. */
export async function listAuditEvents(db: SqlSession, q: AuditQuery): Promise<AuditEvent[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (q.user) {
    where.push('user_id = ?');
    params.push(q.user);
  }
  if (q.patient) {
    where.push('patients LIKE ?');
    params.push(`% ${q.patient.replace(/[%_\\ ]/g, '')} %`);
  }
  if (q.kind) {
    where.push('kind = ?');
    params.push(q.kind);
  }
  if (q.since) {
    const since = Date.parse(q.since);
    if (Number.isNaN(since)) throw new OperationOutcomeError(badRequest(`Invalid date "${q.since}"`, 'since'));
    where.push('recorded >= ?');
    params.push(new Date(since).toISOString());
  }
  const count = Math.min(Math.max(q.count ?? 100, 1), 1000);
  const rows = await db.query<{ content: string }>(
    `SELECT content FROM audit_log${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`,
    [...params, count],
  );
  return rows.map((r) => JSON.parse(r.content) as AuditEvent);
}

/** Audit events as a `searchset` Bundle. */
export function auditBundle(events: readonly AuditEvent[]): Bundle<AuditEvent> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: events.length,
    ...(events.length ? { entry: events.map((resource) => ({ resource, search: { mode: 'match' as const } })) } : {}),
  };
}
