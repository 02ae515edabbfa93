import type { Bundle, OperationOutcome, Patient } from '@medplum/fhirtypes';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp } from '../../testing/app';
import { systemHeaders } from '../../testing/auth';
import { backendsUnderTest } from '../../testing/backends';

const FHIR = { 'content-type': 'application/fhir+json' };

describe.each(backendsUnderTest)('FHIR REST API on $name', (backend) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let auth: { authorization: string };
  beforeAll(async () => {
    const t = await openTestApp(backend);
    ({ app, close } = t);
    auth = await systemHeaders(t);
  });
  afterAll(async () => close());
  // Every request signs in as the server itself: these tests are about the REST mechanics, not about policy.
  const inject = (opts: InjectOptions) => app.inject({ ...opts, headers: { ...auth, ...opts.headers } });

  const count = async (type: string) =>
    (JSON.parse((await inject({ url: `/fhir/${type}?_summary=count` })).body) as Bundle).total;
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    inject({
      method: 'POST',
      url,
      headers: { ...FHIR, ...headers },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('GET /fhir/metadata describes what is supported', async () => {
    const res = await inject({ url: '/fhir/metadata' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const cs = JSON.parse(res.body);
    expect(cs.resourceType).toBe('CapabilityStatement');
    expect(cs.fhirVersion).toBe('4.0.1');
    const obs = cs.rest[0].resource.find((r: { type: string }) => r.type === 'Observation');
    expect(obs.searchParam.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['code', 'value-quantity', 'patient', '_id']),
    );
    expect(obs.searchParam.map((p: { name: string }) => p.name)).not.toContain('code-value-quantity');
    expect(cs.rest[0].resource).toHaveLength(147);
  });

  it('create → read → update with If-Match → history → delete', async () => {
    const created = await post('/fhir/Patient', {
      resourceType: 'Patient',
      name: [{ family: 'Wang' }],
      gender: 'female',
    });
    expect(created.statusCode).toBe(201);
    const p = JSON.parse(created.body) as Patient;
    expect(created.headers.location).toBe(`http://careloop.test/fhir/Patient/${p.id!}/_history/1`);
    expect(created.headers.etag).toBe('W/"1"');

    const read = await inject({ url: `/fhir/Patient/${p.id!}` });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('W/"1"');
    expect(read.headers['last-modified']).toBeTruthy();

    const put = (ifMatch: string, gender: string) =>
      inject({
        method: 'PUT',
        url: `/fhir/Patient/${p.id!}`,
        headers: { ...FHIR, 'if-match': ifMatch },
        payload: JSON.stringify({ ...p, gender }),
      });
    expect((await put('W/"1"', 'male')).statusCode).toBe(200);
    const stale = await put('W/"1"', 'other');
    expect(stale.statusCode).toBe(412);
    expect(JSON.parse(stale.body).resourceType).toBe('OperationOutcome');

    const vread = await inject({ url: `/fhir/Patient/${p.id!}/_history/1` });
    expect(JSON.parse(vread.body).gender).toBe('female');
    const history = JSON.parse((await inject({ url: `/fhir/Patient/${p.id!}/_history` })).body) as Bundle;
    expect(history.type).toBe('history');
    expect(history.total).toBe(2);

    expect((await inject({ method: 'DELETE', url: `/fhir/Patient/${p.id!}` })).statusCode).toBe(204);
    expect((await inject({ url: `/fhir/Patient/${p.id!}` })).statusCode).toBe(410);
    expect((await inject({ url: '/fhir/Patient/does-not-exist' })).statusCode).toBe(404);
  });

  it('Prefer: return=minimal and return=OperationOutcome', async () => {
    const minimal = await post('/fhir/Patient', { resourceType: 'Patient' }, { prefer: 'return=minimal' });
    expect(minimal.statusCode).toBe(201);
    expect(minimal.body).toBe('');
    const oo = await post('/fhir/Patient', { resourceType: 'Patient' }, { prefer: 'return=OperationOutcome' });
    expect(JSON.parse(oo.body).resourceType).toBe('OperationOutcome');
  });

  it('conditional create (If-None-Exist) and conditional update', async () => {
    const body = { resourceType: 'Patient', identifier: [{ system: 'urn:test:mrn', value: 'C-1' }] };
    const first = await post('/fhir/Patient', body, { 'if-none-exist': 'identifier=urn:test:mrn|C-1' });
    const second = await post('/fhir/Patient', body, { 'if-none-exist': 'identifier=urn:test:mrn|C-1' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(JSON.parse(second.body).id).toBe(JSON.parse(first.body).id);
    const upd = await inject({
      method: 'PUT',
      url: '/fhir/Patient?identifier=urn:test:mrn|C-1',
      headers: FHIR,
      payload: JSON.stringify({ ...body, gender: 'male' }),
    });
    expect(upd.statusCode).toBe(200);
    expect(JSON.parse(upd.body)).toMatchObject({ id: JSON.parse(first.body).id, gender: 'male' });
    const fresh = await inject({
      method: 'PUT',
      url: '/fhir/Patient?identifier=urn:test:mrn|C-2',
      headers: FHIR,
      payload: JSON.stringify(body),
    });
    expect(fresh.statusCode).toBe(201);
  });

  it('search by GET and POST _search, with paging links', async () => {
    for (let i = 0; i < 5; i++)
      await post('/fhir/Patient', { resourceType: 'Patient', name: [{ family: `Pager${i}` }] });
    const page = JSON.parse((await inject({ url: '/fhir/Patient?name=pager&_count=2&_sort=family' })).body) as Bundle;
    expect(page.type).toBe('searchset');
    expect(page.total).toBe(5);
    expect(page.entry?.map((e) => (e.resource as Patient).name?.[0]?.family)).toEqual(['Pager0', 'Pager1']);
    const next = page.link?.find((l) => l.relation === 'next')?.url;
    expect(next).toBe('http://careloop.test/fhir/Patient?name=pager&_count=2&_sort=family&_offset=2');
    const page2 = JSON.parse((await inject({ url: next!.replace('http://careloop.test', '') })).body) as Bundle;
    expect(page2.entry?.map((e) => (e.resource as Patient).name?.[0]?.family)).toEqual(['Pager2', 'Pager3']);
    const viaPost = await inject({
      method: 'POST',
      url: '/fhir/Patient/_search',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=pager4',
    });
    expect((JSON.parse(viaPost.body) as Bundle).total).toBe(1);
  });

  it('a transaction resolves urn:uuid references and is all-or-nothing', async () => {
    const tx: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111',
          resource: { resourceType: 'Patient', name: [{ family: 'Tx' }] },
          request: { method: 'POST', url: 'Patient' },
        },
        {
          fullUrl: 'urn:uuid:22222222-2222-4222-8222-222222222222',
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { text: 'x' },
            subject: { reference: 'urn:uuid:11111111-1111-4111-8111-111111111111' },
          },
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    const res = await post('/fhir', tx);
    expect(res.statusCode).toBe(200);
    const out = JSON.parse(res.body) as Bundle;
    expect(out.type).toBe('transaction-response');
    expect(out.entry?.map((e) => e.response?.status)).toEqual(['201', '201']);
    const patientId = out.entry?.[0]?.resource?.id;
    const obs = out.entry?.[1]?.resource as { subject: { reference: string } };
    expect(obs.subject.reference).toBe(`Patient/${patientId!}`);

    const before = await count('Observation');
    const broken = structuredClone(tx);
    (broken.entry![1]!.resource as { subject: { reference: string } }).subject.reference =
      'urn:uuid:99999999-9999-4999-8999-999999999999';
    const bad = await post('/fhir', broken);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(JSON.parse(bad.body))).toContain('Bundle.entry[1]');
    const invalidEntry = structuredClone(tx);
    (invalidEntry.entry![1]!.resource as { status: string }).status = 'finished-ish';
    expect((await post('/fhir', invalidEntry)).statusCode).toBe(400);
    expect(await count('Observation')).toBe(before);
    expect((JSON.parse((await inject({ url: '/fhir/Patient?family=tx' })).body) as Bundle).total).toBe(1);
  });

  it('a batch processes each entry on its own', async () => {
    const res = await post('/fhir', {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { resource: { resourceType: 'Patient', gender: 'female' }, request: { method: 'POST', url: 'Patient' } },
        { resource: { resourceType: 'Patient', gender: 'mail' }, request: { method: 'POST', url: 'Patient' } },
        { request: { method: 'GET', url: 'Patient/does-not-exist' } },
      ],
    });
    const out = JSON.parse(res.body) as Bundle;
    expect(out.type).toBe('batch-response');
    expect(out.entry?.map((e) => e.response?.status)).toEqual(['201', '400', '404']);
    expect(out.entry?.[1]?.response?.outcome?.issue?.[0]?.expression).toEqual(['Patient.gender']);
  });

  const deep = (n: number): string =>
    '{"resourceType":"Patient","extension":[' + '{"url":"http://x","extension":['.repeat(n) + ']}'.repeat(n) + ']}';
  it.each([
    ['not JSON', 'this is not json', 400, /Invalid JSON/],
    ['JSON that is not a resource', '[1,2,3]', 400, /must be a FHIR resource/],
    ['an unknown resourceType', '{"resourceType":"Spaceship"}', 400, /does not match the URL/],
    [
      'wrong types',
      '{"resourceType":"Patient","birthDate":19700101,"active":"yes"}',
      400,
      /Patient\.birthDate|Patient\.active/,
    ],
    [
      'a missing required element',
      '{"resourceType":"Patient","link":[{"type":"seealso"}]}',
      400,
      /Patient\.link\[0\]\.other/,
    ],
    [
      'duplicate keys',
      '{"resourceType":"Patient","gender":"male","gender":"female"}',
      400,
      /Duplicate JSON key "gender"/,
    ],
    ['__proto__', '{"resourceType":"Patient","__proto__":{"x":1}}', 400, /__proto__/],
    ['deep nesting', deep(200), 400, /nested deeper/],
  ])('rejects %s with an OperationOutcome and writes nothing', async (_name, payload, status, message) => {
    const before = await count('Patient');
    const res = await inject({ method: 'POST', url: '/fhir/Patient', headers: FHIR, payload });
    expect(res.statusCode).toBe(status);
    const o = JSON.parse(res.body) as OperationOutcome;
    expect(o.resourceType).toBe('OperationOutcome');
    expect(o.issue?.map((i) => `${i.details?.text ?? ''} ${(i.expression ?? []).join(' ')}`).join('\n')).toMatch(
      message,
    );
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    expect(await count('Patient')).toBe(before);
    expect((await inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('rejects a 50 MB body with 413 and stays up', async () => {
    const big = JSON.stringify({
      resourceType: 'Patient',
      text: { status: 'generated', div: `<div>${'x'.repeat(50 * 1024 * 1024)}</div>` },
    });
    const res = await inject({ method: 'POST', url: '/fhir/Patient', headers: FHIR, payload: big });
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(res.body).resourceType).toBe('OperationOutcome');
    expect((await inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('unknown types, routes and unsupported content types are OperationOutcomes', async () => {
    expect((await inject({ url: '/fhir/Spaceship/1' })).statusCode).toBe(404);
    const r = await inject({ url: '/api/nowhere' });
    expect(r.statusCode).toBe(404);
    expect(JSON.parse(r.body).resourceType).toBe('OperationOutcome');
    const xml = await inject({
      method: 'POST',
      url: '/fhir/Patient',
      headers: { 'content-type': 'application/fhir+xml' },
      payload: '<Patient/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(JSON.parse(xml.body).resourceType).toBe('OperationOutcome');
  });
});
