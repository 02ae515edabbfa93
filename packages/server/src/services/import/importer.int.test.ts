import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, Observation } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../testing/backends';
import type { Store } from '../../store/open-store';
import { Importer, type Rejected } from './importer';
import { listSources } from './sources';

const NPI = 'http://hl7.org/fhir/sid/us-npi';

/** A patient bundle as Synthea 3 writes it: urn:uuid fullUrls and a conditional reference to a practitioner. */
function patientBundle(n: number): Bundle {
  const p = `urn:uuid:0000000${n}-aaaa-4aaa-8aaa-aaaaaaaaaaaa`;
  const e = `urn:uuid:0000000${n}-bbbb-4bbb-8bbb-bbbbbbbbbbbb`;
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: p,
        resource: { resourceType: 'Patient', name: [{ family: `Doe${n}` }], gender: 'female', birthDate: '1960-01-01' },
        request: { method: 'POST', url: 'Patient' },
      },
      {
        fullUrl: e,
        resource: {
          resourceType: 'Encounter',
          status: 'finished',
          class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
          subject: { reference: p },
          participant: [{ individual: { reference: `Practitioner?identifier=${NPI}|999000${n}` } }],
        },
        request: { method: 'POST', url: 'Encounter' },
      },
      {
        fullUrl: `urn:uuid:0000000${n}-cccc-4ccc-8ccc-cccccccccccc`,
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '2093-3', display: 'Cholesterol' }] },
          subject: { reference: p },
          encounter: { reference: e },
          effectiveDateTime: '2020-01-01T10:00:00Z',
          valueQuantity: { value: 190 + n, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
        },
        request: { method: 'POST', url: 'Observation' },
      },
    ],
  };
}

/** Practitioners, as Synthea's practitionerInformation file: conditional creates. */
function practitionerBundle(ns: readonly number[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: ns.map((n) => ({
      fullUrl: `urn:uuid:0000000${n}-dddd-4ddd-8ddd-dddddddddddd`,
      resource: {
        resourceType: 'Practitioner',
        identifier: [{ system: NPI, value: `999000${n}` }],
        name: [{ family: `Smith${n}` }],
      },
      request: { method: 'POST', url: 'Practitioner', ifNoneExist: `identifier=${NPI}|999000${n}` },
    })),
  };
}

describe.each(backendsUnderTest)('import on $name', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    ({ store, cleanup } = await backend.open());
    dir = mkdtempSync(join(tmpdir(), 'careloop-import-'));
    // Patient files sort before the practitioners they reference, as Synthea's output folder does.
    writeFileSync(join(dir, 'a_patient1.json'), JSON.stringify(patientBundle(1)));
    writeFileSync(join(dir, 'b_patient2.json'), JSON.stringify(patientBundle(2)));
    writeFileSync(join(dir, 'z_practitionerInformation.json'), JSON.stringify(practitionerBundle([1, 2])));
    const good = (i: number) => JSON.stringify({ resourceType: 'Patient', id: `nd${i}`, gender: 'male' });
    const lines = [
      good(1),
      'this is not json',
      '[1, 2, 3]',
      '{"resourceType":"Spaceship","id":"x"}',
      '{"resourceType":"Patient","id":"bad-gender","gender":"mail"}',
      '{"resourceType":"Observation","id":"no-status","code":{"text":"x"}}',
      '',
      good(2),
    ];
    writeFileSync(join(dir, 'patients.ndjson'), `${lines.join('\n')}\n`);
  });
  afterAll(async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (paths: string[], streamAbove?: number) => {
    const rejected: Rejected[] = [];
    const importer = new Importer(store.repository, {
      onRejected: (r) => rejected.push(r),
      ...(streamAbove === undefined ? {} : { streamAbove }),
    });
    const summaries = await importer.importFiles(listSources(paths));
    return { summaries, rejected };
  };

  it('imports bundles (urn:uuid and conditional references resolved) and NDJSON, reporting each bad record', async () => {
    const { summaries, rejected } = await run([dir]);
    expect(rejected.map((r) => [r.location, r.outcome.issue?.[0]?.details?.text])).toEqual([
      ['line 2', expect.stringMatching(/Invalid JSON/)],
      ['line 3', expect.stringMatching(/Not a FHIR resource/)],
      ['line 4', expect.stringMatching(/Unknown or missing resourceType "Spaceship"/)],
      ['line 5', expect.stringMatching(/administrative-gender/)],
      ['line 6', expect.stringMatching(/status/)],
    ]);
    expect(rejected[3]!.outcome.issue?.[0]?.expression).toEqual(['Patient.gender']);
    expect(summaries.find((s) => s.file.endsWith('patients.ndjson'))).toMatchObject({
      read: 7,
      created: 2,
      rejected: 5,
    });
    const obs = await store.repository.searchResources<Observation>('Observation', { 'subject:Patient.name': 'doe1' });
    expect(obs).toHaveLength(1);
    expect(obs[0]!.subject?.reference).toBe('Patient/00000001-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
    expect(obs[0]!.encounter?.reference).toBe('Encounter/00000001-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
    const enc = await store.repository.read('Encounter', '00000001-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
    const practitioner = (await store.repository.searchResources('Practitioner', { identifier: `${NPI}|9990001` }))[0]!;
    expect(JSON.stringify(enc)).toContain(`"Practitioner/${practitioner.id!}"`);
  });

  it('re-importing the same files creates nothing new', async () => {
    const before = (await store.repository.search(store.repository.parseSearch('Observation', [['_summary', 'count']])))
      .total;
    const { summaries } = await run([dir]);
    expect(summaries.reduce((n, s) => n + s.created + s.updated, 0)).toBe(0);
    expect(
      (await store.repository.search(store.repository.parseSearch('Observation', [['_summary', 'count']]))).total,
    ).toBe(before);
    expect((await store.repository.history('Patient', 'nd1')).total).toBe(1);
  });

  it('a conditional reference that never resolves rejects that record only', async () => {
    const orphan = patientBundle(3);
    writeFileSync(join(dir, 'orphan.json'), JSON.stringify(orphan));
    const { rejected, summaries } = await run([join(dir, 'orphan.json')]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.location).toBe('Bundle.entry[1]');
    expect(rejected[0]!.outcome.issue?.[0]?.details?.text).toMatch(
      /Practitioner\?identifier=.*matches no single resource/,
    );
    expect(summaries[0]).toMatchObject({ created: 2, rejected: 1 });
  });

  it('streams large Bundle files entry by entry with the same result, and reports a broken entry', async () => {
    const big = patientBundle(4);
    // the practitioner it references, so the conditional reference resolves
    writeFileSync(join(dir, 'practitioner4.json'), JSON.stringify(practitionerBundle([4])));
    await run([join(dir, 'practitioner4.json')]);
    const text = JSON.stringify(big, null, 1);
    // Break the last entry's JSON (a stray token) while keeping the file's structure.
    const broken = text.replace('"resourceType": "Observation"', '"resourceType": "Observation" oops');
    writeFileSync(join(dir, 'big.json'), broken);
    const { summaries, rejected } = await run([join(dir, 'big.json')], 0);
    expect(rejected.map((r) => r.location)).toEqual(['Bundle.entry[2]']);
    expect(rejected[0]!.outcome.issue?.[0]?.details?.text).toMatch(/Invalid JSON/);
    expect(summaries[0]).toMatchObject({ read: 3, created: 2, rejected: 1 });
    const enc = await store.repository.searchResources('Encounter', { 'subject:Patient.name': 'doe4' });
    expect(enc.map((e) => e.id)).toEqual(['00000004-bbbb-4bbb-8bbb-bbbbbbbbbbbb']);
    expect(JSON.stringify(enc[0])).toMatch(/"Practitioner\/[^"?]+"/);
    // the whole-file path gives the same answer for the same file
    const whole = await run([join(dir, 'big.json')]);
    expect(whole.rejected[0]!.location).toBe('file');
  });
});
