import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditVerifyReport } from '../../cli/audit';
import type { SqlValue } from '../../store/backend';
import type { Store } from '../../store/open-store';
import { backendsUnderTest, steppingClock } from '../../testing/backends';
import type { RequestContext } from '../context';
import { AuditLog } from './audit-log';
import { verifyAuditChain } from './verify';

const ctx = (id: string, role: 'clinician' | 'admin' = 'clinician'): RequestContext => ({
  requestId: `req-${id}`,
  baseUrl: 'http://careloop.test/fhir',
  user: { id, role },
});

describe.each(backendsUnderTest)('audit log hash chain on $name', (backend) => {
  let store: Store;
  let db: string;
  let cleanup: () => Promise<void>;
  let log: AuditLog;

  /** Changes the table behind the application's back: the SQLite file itself, or the PostgreSQL table. */
  async function tamper(sql: string, params: SqlValue[] = []): Promise<void> {
    if (backend.name === 'sqlite') {
      const file = new Database(db.slice('sqlite:'.length));
      file.prepare(sql).run(...params);
      file.close();
    } else {
      await store.backend.query(sql, params);
    }
  }

  beforeEach(async () => {
    const opened = await backend.open({ clock: steppingClock() });
    ({ store, db, cleanup } = opened);
    log = new AuditLog(store.backend, steppingClock('2025-03-01T00:00:00Z'));
    await log.record(ctx('dr-a'), { kind: 'read', outcome: 'success', entities: ['Observation/o1'], patients: ['p1'] });
    await log.record(ctx('dr-b'), {
      kind: 'search',
      outcome: 'success',
      query: 'Observation?code=x',
      patients: ['p2'],
    });
    await log.record(ctx('dr-b'), { kind: 'read', outcome: 'refused', entities: ['Observation/o9'], detail: 'no' });
    await log.record(ctx('root', 'admin'), { kind: 'create', outcome: 'failed', entities: ['Practitioner'] });
  });
  afterEach(async () => cleanup());

  it('stores AuditEvents with type, subtype, action, outcome, agent, source and entities', async () => {
    const [refused] = await log.list({ user: 'dr-b', kind: 'read' });
    expect(refused).toMatchObject({
      resourceType: 'AuditEvent',
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest' },
      subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: 'read' }],
      action: 'R',
      outcome: '4',
      agent: [{ who: { identifier: { value: 'dr-b' } }, requestor: true, role: [{ text: 'clinician' }] }],
      source: { observer: { display: 'CareLoop' } },
      entity: [{ what: { reference: 'Observation/o9' } }],
    });
    const [search] = await log.list({ patient: 'p2' });
    expect(search?.action).toBe('E');
    expect(Buffer.from(search?.entity?.find((e) => e.query)?.query ?? '', 'base64').toString()).toBe(
      'Observation?code=x',
    );
    expect((await log.list({ patient: 'p1' })).map((e) => e.agent[0]?.who?.identifier?.value)).toEqual(['dr-a']);
    expect(await log.list({ since: '2030-01-01' })).toEqual([]);
    expect((await log.list({})).map((e) => e.outcome)).toEqual(['8', '4', '0', '0']);
  });

  it('verifies an intact chain and reports its head hash (exit code 0)', async () => {
    const result = await verifyAuditChain(store.backend);
    const last = await store.backend.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = 4');
    expect(result).toEqual({ ok: true, count: 4, headHash: last[0]?.hash });
    expect((await auditVerifyReport(store.backend)).exitCode).toBe(0);
  });

  it('keeps the chain whole when many events are appended at once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => log.record(ctx(`u${i}`), { kind: 'read', outcome: 'success' })),
    );
    expect(await verifyAuditChain(store.backend)).toMatchObject({ ok: true, count: 24 });
  });

  it('keeps the chain whole when the first events of an empty log are appended at once', async () => {
    const fresh = await backend.open({ clock: steppingClock() });
    try {
      const empty = new AuditLog(fresh.store.backend, steppingClock());
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => empty.record(ctx(`u${i}`), { kind: 'read', outcome: 'success' })),
      );
      expect(await verifyAuditChain(fresh.store.backend)).toMatchObject({ ok: true, count: 20 });
    } finally {
      await fresh.cleanup();
    }
  });

  it('detects an edited row (exit code 1)', async () => {
    await tamper("UPDATE audit_log SET content = REPLACE(content, 'dr-b', 'dr-x') WHERE seq = 2");
    const report = await auditVerifyReport(store.backend);
    expect(report.exitCode).toBe(1);
    expect(report.result).toMatchObject({ ok: false, brokenSeq: 2, count: 1 });
    expect(report.lines[0]).toContain('BROKEN at seq 2');
  });

  it('detects a deleted row in the middle', async () => {
    await tamper('DELETE FROM audit_log WHERE seq = 2');
    expect(await verifyAuditChain(store.backend)).toMatchObject({ ok: false, brokenSeq: 2 });
  });

  it('detects a deleted first row and a deleted last row', async () => {
    await tamper('DELETE FROM audit_log WHERE seq = 4');
    expect(await verifyAuditChain(store.backend)).toMatchObject({ ok: false, brokenSeq: 4, count: 3 });
    await tamper('DELETE FROM audit_log WHERE seq = 1');
    expect(await verifyAuditChain(store.backend)).toMatchObject({ ok: false, brokenSeq: 1, count: 0 });
  });

  it('detects a query column changed to hide an event from a filter', async () => {
    await tamper("UPDATE audit_log SET user_id = 'someone-else' WHERE seq = 1");
    expect(await verifyAuditChain(store.backend)).toMatchObject({ ok: false, brokenSeq: 1 });
  });
});
