import type { Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { Store } from '../../store/open-store';
import { backendsUnderTest, steppingClock } from '../../testing/backends';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext, RequestUser } from '../context';
import { FhirService } from '../fhir-service';
import { CONSENT_D, USERS, writeAccessWorld } from './test-fixture';

const as = (user: RequestUser): RequestContext => ({ requestId: 't', baseUrl: 'http://careloop.test/fhir', user });
const A = as(USERS.clinicianA);
const SYS = as(USERS.system);

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof OperationOutcomeError) return e.status;
    throw e;
  }
}

const ids = (rs: readonly Resource[]) => rs.map((r) => r.id).sort();
const obs = (id: string | undefined, subject: string, extra: Record<string, unknown> = {}): Resource => ({
  resourceType: 'Observation',
  ...(id ? { id } : {}),
  status: 'final',
  code: { text: 'pulse' },
  subject: { reference: `Patient/${subject}` },
  ...extra,
});

describe.each(backendsUnderTest)('access policy in the FHIR service on $name', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let fhir: FhirService;
  let audit: AuditLog;
  beforeAll(async () => {
    const clock = steppingClock();
    ({ store, cleanup } = await backend.open({ clock }));
    audit = new AuditLog(store.backend, clock);
    fhir = new FhirService(store.repository, audit, () => new Date('2025-06-01T00:00:00Z'));
    await writeAccessWorld(store.repository);
    await store.repository.update(
      obs('oa', 'pa', { identifier: [{ system: 'urn:test', value: 'oa' }], note: [{ text: 'v2' }] }),
    );
  });
  afterAll(async () => cleanup());

  it('scopes patients: own organisation and care teams, minus a consent that denies the organisation', async () => {
    const search = async (ctx: RequestContext) => ids((await fhir.search(ctx, 'Patient', [])).resources);
    expect(await search(A)).toEqual(['pa', 'pc']);
    expect(await search(as(USERS.clinicianB))).toEqual(['pb', 'pc']);
    expect(await search(as(USERS.nurseA))).toEqual(['pa']);
    expect(await search(as(USERS.patientA))).toEqual(['pa']);
    expect(await search(SYS)).toEqual(['pa', 'pb', 'pc', 'pd']);
  });

  it('pages and counts within the scope, in SQL', async () => {
    const page = await fhir.search(A, 'Observation', [['_count', '1']]);
    expect(page.total).toBe(3); // oa, oa2, oc
    expect(page.resources).toHaveLength(1);
    const all = await fhir.search(A, 'Observation', [['_count', '10']]);
    expect(ids(all.resources)).toEqual(['oa', 'oa2', 'oc']);
  });

  it('answers reads of out-of-scope records as missing (404), consent included', async () => {
    expect(await status(fhir.read(A, 'Observation', 'ob'))).toBe(404);
    expect(await status(fhir.read(A, 'Observation', 'od'))).toBe(404);
    expect(await status(fhir.read(A, 'Patient', 'pd'))).toBe(404);
    expect((await fhir.read(A, 'Observation', 'oc')).id).toBe('oc');
    expect((await fhir.read(A, 'Practitioner', 'pr-b')).id).toBe('pr-b');
    expect(await status(fhir.vread(A, 'Observation', 'ob', '1'))).toBe(404);
    expect(await status(fhir.history(A, 'Observation', 'ob'))).toBe(404);
    expect((await fhir.history(A, 'Observation', 'oa')).total).toBe(2);
    expect(await status(fhir.read(SYS, 'Observation', 'ob'))).toBe(200);
  });

  it('never includes or revincludes another patient’s records', async () => {
    const include = [
      ['_id', 'oa2'],
      ['_include', 'Observation:has-member'],
    ] as const;
    expect(ids((await fhir.search(SYS, 'Observation', include)).included)).toEqual(['ob']);
    expect((await fhir.search(A, 'Observation', include)).included).toEqual([]);
    const rev = [
      ['_id', 'pa'],
      ['_revinclude', 'Observation:focus'],
    ] as const;
    expect(
      ids(
        (
          await fhir.search(SYS, 'Patient', [
            ['_id', 'pb'],
            ['_revinclude', 'Observation:focus'],
          ])
        ).included,
      ),
    ).toEqual(['oa2']);
    expect(ids((await fhir.search(A, 'Patient', rev)).included)).toEqual([]);
    expect(
      (
        await fhir.search(as(USERS.clinicianB), 'Patient', [
          ['_id', 'pb'],
          ['_revinclude', 'Observation:focus'],
        ])
      ).included,
    ).toEqual([]);
  });

  it('never lets a chain test data of a patient out of scope', async () => {
    const chain = [['focus:Patient.name', 'Bravo']] as const;
    expect(ids((await fhir.search(SYS, 'Observation', chain)).resources)).toEqual(['oa2']);
    expect((await fhir.search(A, 'Observation', chain)).total).toBe(0);
    expect(ids((await fhir.search(A, 'Observation', [['subject:Patient.name', 'Charlie']])).resources)).toEqual(['oc']);
  });

  it('shows a patient their own record, reports only once final', async () => {
    const P = as(USERS.patientA);
    expect(ids((await fhir.search(P, 'DiagnosticReport', [])).resources)).toEqual(['dr-final']);
    expect(await status(fhir.read(P, 'DiagnosticReport', 'dr-pre'))).toBe(404);
    expect(await status(fhir.read(P, 'Observation', 'ob'))).toBe(404);
    expect(ids((await fhir.search(P, 'Observation', [])).resources)).toEqual(['oa', 'oa2']);
    expect(await status(fhir.create(P, obs(undefined, 'pa')))).toBe(403);
  });

  it('refuses clinical data to admins and everything to researchers (403)', async () => {
    expect(await status(fhir.search(as(USERS.admin), 'Observation', []))).toBe(403);
    expect(await status(fhir.read(as(USERS.admin), 'Patient', 'pa'))).toBe(403);
    expect((await fhir.read(as(USERS.admin), 'Practitioner', 'pr-a')).id).toBe('pr-a');
    expect(await status(fhir.read(as(USERS.researcher), 'Practitioner', 'pr-a'))).toBe(403);
    expect(await status(fhir.search(as(USERS.researcher), 'Patient', []))).toBe(403);
    expect(await status(fhir.search(A, 'AuditEvent', []))).toBe(403);
    expect(await status(fhir.create(SYS, { resourceType: 'AuditEvent' } as Resource))).toBe(403);
    expect(await status(fhir.read({ requestId: 't', baseUrl: '' }, 'Practitioner', 'pr-a'))).toBe(403);
  });

  it('keeps writes inside the scope, before and after the change', async () => {
    expect(await status(fhir.create(A, obs(undefined, 'pb')))).toBe(403);
    expect((await fhir.create(A, obs(undefined, 'pa'))).id).toBeDefined();
    const pa = await fhir.read(A, 'Patient', 'pa');
    const moved = { ...pa, managingOrganization: { reference: 'Organization/org-b' } } as Resource;
    expect(await status(fhir.update(A, moved))).toBe(403);
    expect(await store.repository.read('Patient', 'pa')).toEqual(pa);
    expect(await status(fhir.update(A, obs('ob', 'pa')))).toBe(403);
    expect(await status(fhir.update(A, obs('oa', 'pb')))).toBe(403);
    const joinTeam = {
      resourceType: 'CareTeam',
      subject: { reference: 'Patient/pb' },
      participant: [{ member: { reference: 'Practitioner/pr-a' } }],
    } as Resource;
    expect(await status(fhir.create(A, joinTeam))).toBe(403);
    expect(await status(fhir.read(A, 'Patient', 'pb'))).toBe(404);
    expect(await status(fhir.delete(A, 'Observation', 'ob'))).toBe(404);
    expect(await status(fhir.delete(as(USERS.nurseA), 'Observation', 'oa'))).toBe(403);
    expect((await fhir.create(as(USERS.nurseA), obs(undefined, 'pa'))).id).toBeDefined();
  });

  it('matches conditional writes only against records in scope', async () => {
    const r = await fhir.createIfNoneExist(A, obs(undefined, 'pa'), 'identifier=urn:test|ob');
    expect(r.created).toBe(true);
    const u = await fhir.conditionalUpdate(A, obs(undefined, 'pa'), 'identifier=urn:test|ob');
    expect(u.created).toBe(true);
    expect((await store.repository.read('Observation', 'ob')).meta?.versionId).toBe('1');
    const mine = await fhir.createIfNoneExist(A, obs(undefined, 'pa'), 'identifier=urn:test|oa');
    expect(mine).toMatchObject({ created: false, resource: { id: 'oa' } });
  });

  it('checks every transaction and batch entry: a refused entry fails the transaction, is a 403 in a batch', async () => {
    const before = (await fhir.search(SYS, 'Observation', [['_summary', 'count']])).total;
    const entries = [obs(undefined, 'pa'), obs(undefined, 'pb')].map((resource) => ({
      resource,
      request: { method: 'POST' as const, url: 'Observation' },
    }));
    expect(
      await status(fhir.batchOrTransaction(A, { resourceType: 'Bundle', type: 'transaction', entry: entries })),
    ).toBe(403);
    expect((await fhir.search(SYS, 'Observation', [['_summary', 'count']])).total).toBe(before);
    const batch = await fhir.batchOrTransaction(A, {
      resourceType: 'Bundle',
      type: 'batch',
      entry: entries,
    });
    expect(batch.entry?.map((e) => e.response?.status)).toEqual(['201', '403']);
    const reads = [{ request: { method: 'GET' as const, url: 'Observation/ob' } }];
    const got = await fhir.batchOrTransaction(A, { resourceType: 'Bundle', type: 'batch', entry: reads });
    expect(got.entry?.[0]?.response?.status).toBe('404');
  });

  it('intersects the role with the token’s SMART scopes', async () => {
    const narrow = as({ ...USERS.clinicianA, scopes: ['user/Observation.rs'] });
    expect((await fhir.search(narrow, 'Observation', [])).total).toBeGreaterThan(0);
    expect(await status(fhir.create(narrow, obs(undefined, 'pa')))).toBe(403);
    expect(await status(fhir.read(narrow, 'Patient', 'pa'))).toBe(403);
  });

  it('audits reads, searches and refusals with the user and the patients', async () => {
    await status(fhir.read(A, 'Observation', 'ob'));
    const [refused] = await audit.list({ user: 'dr-a', kind: 'read' });
    expect(refused).toMatchObject({ outcome: '4', entity: [{ what: { reference: 'Observation/ob' } }] });
    await fhir.read(A, 'Observation', 'oc');
    const [ok] = await audit.list({ user: 'dr-a', kind: 'read', patient: 'pc' });
    expect(ok?.outcome).toBe('0');
    const tx = await audit.list({ user: 'dr-a', kind: 'transaction' });
    expect(tx.map((e) => e.outcome)).toContain('4');
  });

  it('applies a Consent from the next request on, and stops when it is revoked', async () => {
    const request = () => as(USERS.clinicianA); // a fresh context, as each HTTP request gets
    expect(await status(fhir.read(request(), 'Patient', 'pa'))).toBe(200);
    const deny = { ...CONSENT_D, id: undefined, patient: { reference: 'Patient/pa' } } as Resource;
    const consent = await fhir.create(SYS, deny);
    expect(await status(fhir.read(request(), 'Patient', 'pa'))).toBe(404);
    expect(ids((await fhir.search(request(), 'Patient', [])).resources)).toEqual(['pc']);
    await fhir.delete(SYS, 'Consent', consent.id ?? '');
    expect(await status(fhir.read(request(), 'Patient', 'pa'))).toBe(200);
  });
});
