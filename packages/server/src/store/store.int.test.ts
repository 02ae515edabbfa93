import type { Observation, Patient, Resource } from '@medplum/fhirtypes';
import { OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest, steppingClock } from '../testing/backends';
import { clinicFixture } from '../testing/fixtures';
import type { Store } from './open-store';

/** The repository contract: the same tests on SQLite and PostgreSQL. */
describe.each(backendsUnderTest)('store contract on $name', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await backend.open({ clock: steppingClock() }));
  });
  afterAll(async () => cleanup());

  const outcomeOf = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      if (e instanceof OperationOutcomeError) return { status: e.status, outcome: e.outcome };
      throw e;
    }
    throw new Error('expected an OperationOutcomeError');
  };

  it('creates with a new id and version 1, reads it back', async () => {
    const repo = store.repository;
    const p = await repo.create<Patient>({ resourceType: 'Patient', id: 'ignored', name: [{ family: 'Chen' }] });
    expect(p.id).not.toBe('ignored');
    expect(p.meta?.versionId).toBe('1');
    expect(p.meta?.lastUpdated).toMatch(/^2025-01-01T00:00:\d\d\.000Z$/);
    const read = await repo.read<Patient>('Patient', p.id!);
    expect(read).toEqual(p);
  });

  it('updates with optimistic locking: If-Match must name the current version', async () => {
    const repo = store.repository;
    const p = await repo.create<Patient>({ resourceType: 'Patient', gender: 'male' });
    const v2 = await repo.update({ ...p, gender: 'female' }, { ifMatch: '1' });
    expect(v2.created).toBe(false);
    expect(v2.resource.meta?.versionId).toBe('2');
    const stale = await outcomeOf(repo.update({ ...p, gender: 'other' }, { ifMatch: '1' }));
    expect(stale.status).toBe(412);
    expect((await repo.read<Patient>('Patient', p.id!)).gender).toBe('female');
    expect((await repo.vread<Patient>('Patient', p.id!, '1')).gender).toBe('male');
  });

  it('update of an unknown id creates it (client-assigned id)', async () => {
    const r = await store.repository.update<Patient>({ resourceType: 'Patient', id: 'client-chosen-1' });
    expect(r.created).toBe(true);
    expect(r.resource.meta?.versionId).toBe('1');
  });

  it('delete makes reads 410 and keeps the history; a new update revives it', async () => {
    const repo = store.repository;
    const p = await repo.create<Patient>({ resourceType: 'Patient', gender: 'male' });
    await repo.update({ ...p, gender: 'female' });
    await repo.delete('Patient', p.id!);
    await repo.delete('Patient', p.id!); // idempotent
    expect((await outcomeOf(repo.read('Patient', p.id!))).status).toBe(410);
    expect((await outcomeOf(repo.vread('Patient', p.id!, '3'))).status).toBe(410);
    const h = await repo.history('Patient', p.id!);
    expect(h.total).toBe(3);
    expect(h.entries.map((e) => [e.versionId, e.method])).toEqual([
      ['3', 'DELETE'],
      ['2', 'PUT'],
      ['1', 'POST'],
    ]);
    expect(h.entries[1]!.resource).toMatchObject({ gender: 'female' });
    const revived = await repo.update({ ...p, gender: 'other' });
    expect(revived.created).toBe(true);
    expect(revived.resource.meta?.versionId).toBe('4');
    expect(await repo.searchResources('Patient', { _id: p.id! })).toHaveLength(1);
  });

  it('404 for unknown resources and versions', async () => {
    expect((await outcomeOf(store.repository.read('Patient', 'nope'))).status).toBe(404);
    expect((await outcomeOf(store.repository.vread('Patient', 'client-chosen-1', '9'))).status).toBe(404);
    expect((await outcomeOf(store.repository.history('Patient', 'nope'))).status).toBe(404);
  });

  it('rejects invalid resources with the FHIRPath of each problem, and writes nothing', async () => {
    const before = (await store.repository.search(store.repository.parseSearch('Observation', [['_summary', 'count']])))
      .total;
    const bad = { resourceType: 'Observation', code: { text: 'x' }, valueQuantity: { value: 'high' } };
    const o = await outcomeOf(store.repository.create(bad as unknown as Observation));
    expect(o.status).toBe(400);
    const expressions = o.outcome.issue?.flatMap((i) => i.expression ?? []);
    expect(expressions).toContain('Observation.status');
    expect(expressions?.some((e) => e.startsWith('Observation.value'))).toBe(true);
    const unknownType = await outcomeOf(store.repository.create({ resourceType: 'Spaceship' } as unknown as Resource));
    expect(unknownType.outcome.issue?.[0]?.details?.text).toMatch(/Unknown resourceType/);
    const after = (await store.repository.search(store.repository.parseSearch('Observation', [['_summary', 'count']])))
      .total;
    expect(after).toBe(before);
  });

  it('a transaction that fails half-way leaves the store as it was', async () => {
    const repo = store.repository;
    const failing = repo.withTransaction(async (tx) => {
      await tx.update({ resourceType: 'Patient', id: 'tx-a', gender: 'male' });
      await tx.update({ resourceType: 'Patient', id: 'tx-b', gender: 'not-a-gender' } as unknown as Patient);
    });
    await expect(failing).rejects.toBeInstanceOf(OperationOutcomeError);
    expect((await outcomeOf(repo.read('Patient', 'tx-a'))).status).toBe(404);
    expect(await repo.searchResources('Patient', { _id: 'tx-a' })).toHaveLength(0);
    await repo.withTransaction(async (tx) => {
      await tx.update({ resourceType: 'Patient', id: 'tx-a', gender: 'male' });
      await tx.update({ resourceType: 'Patient', id: 'tx-b', gender: 'female' });
    });
    expect((await repo.searchResources('Patient', { _id: 'tx-a,tx-b' })).map((p) => p.id).sort()).toEqual([
      'tx-a',
      'tx-b',
    ]);
  });

  it('concurrent updates with the same If-Match: exactly one wins', async () => {
    const repo = store.repository;
    const p = await repo.create<Patient>({ resourceType: 'Patient', gender: 'male' });
    const results = await Promise.allSettled(
      ['female', 'other', 'unknown'].map((gender) => repo.update({ ...p, gender } as Patient, { ifMatch: '1' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await repo.history('Patient', p.id!)).total).toBe(2);
  });

  it('bulk upsert is idempotent: re-importing unchanged data creates no versions', async () => {
    const repo = store.repository;
    const data = clinicFixture().map((r) => ({ ...r, id: `bulk-${r.id!}` }));
    // fix the references to the renamed ids
    const json = JSON.stringify(data).replace(/"reference":"([A-Za-z]+)\/([^"]+)"/g, '"reference":"$1/bulk-$2"');
    const resources = JSON.parse(json) as Resource[];
    expect(await repo.upsertMany(resources)).toEqual({ created: resources.length, updated: 0, unchanged: 0 });
    expect(await repo.upsertMany(resources)).toEqual({ created: 0, updated: 0, unchanged: resources.length });
    const changed = resources.map((r) => (r.id === 'bulk-p1' ? { ...r, gender: 'female' } : r)) as Resource[];
    expect(await repo.upsertMany(changed)).toEqual({ created: 0, updated: 1, unchanged: resources.length - 1 });
    expect((await repo.read('Patient', 'bulk-p1')).meta?.versionId).toBe('2');
    const obs = await repo.searchResources('Observation', { patient: 'bulk-p1' });
    expect(obs.map((o) => o.id).sort()).toEqual(['bulk-bp-p1', 'bulk-chol-p1', 'bulk-weight-p1']);
  });

  it('stores every R4 resource type, including ones engines never read', async () => {
    const repo = store.repository;
    const claim = await repo.create({
      resourceType: 'Claim',
      status: 'active',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
      use: 'claim',
      patient: { reference: 'Patient/client-chosen-1' },
      created: '2024-01-01',
      provider: { reference: 'Organization/org1' },
      priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
      insurance: [{ sequence: 1, focal: true, coverage: { display: 'Self pay' } }],
    });
    expect(await repo.searchResources('Claim', { patient: 'Patient/client-chosen-1' })).toEqual([claim]);
    expect(repo.registry.resourceTypes).toHaveLength(146 + 1);
    expect(repo.registry.resourceTypes).toEqual(
      expect.arrayContaining(['ExplanationOfBenefit', 'ImagingStudy', 'Goal', 'Claim']),
    );
  });
});
