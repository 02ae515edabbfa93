import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/app';
import { signInGrant, systemHeaders } from '../../testing/auth';
import { backendsUnderTest } from '../../testing/backends';
import { writeAccessWorld } from './test-fixture';

/**
 * The role × operation matrix, through HTTP with real tokens: each case is one operation on patient pa's data
 * (org-a), the expected answer per role, and every refusal must leave an audit event with outcome 4 (refused).
 * A search answers "200 matches+included" so a leak shows as a number, not just a status.
 */
const WHO = [
  'clinicianOwn',
  'clinicianOther',
  'nurse',
  'admin',
  'researcher',
  'patientSelf',
  'patientOther',
  'system',
] as const;
type Who = (typeof WHO)[number];
type Answer = number | string;

interface Case {
  readonly name: string;
  /** Runs the operation as `who` (headers given); returns the status (or "status matches+included"). */
  readonly run: (c: Caller, who: Who) => Promise<Answer>;
  readonly expect: Readonly<Record<Who, Answer>>;
}

interface Caller {
  readonly t: TestApp;
  inject(opts: InjectOptions): Promise<{ statusCode: number; body: string }>;
}

const FHIR = { 'content-type': 'application/fhir+json' };
const obs = (subject: string, id?: string): Resource => ({
  resourceType: 'Observation',
  ...(id ? { id } : {}),
  status: 'final',
  code: { text: 'pulse' },
  subject: { reference: `Patient/${subject}` },
  identifier: [{ system: 'urn:test', value: id ?? 'new' }],
});

async function status(c: Caller, opts: InjectOptions): Promise<Answer> {
  return (await c.inject(opts)).statusCode;
}

async function searched(c: Caller, url: string): Promise<Answer> {
  const res = await c.inject({ url });
  if (res.statusCode !== 200) return res.statusCode;
  const b = JSON.parse(res.body) as Bundle;
  const mode = (m: string) => (b.entry ?? []).filter((e) => e.search?.mode === m).length;
  return `200 ${mode('match')}+${mode('include')}`;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}): InjectOptions => ({
  method: 'POST',
  url,
  headers: { ...FHIR, ...headers },
  payload: JSON.stringify(body),
});

/** A report of pa's written by the server, so that each role signs or reviews its own. */
async function reportFor(c: Caller, who: Who, kind: string): Promise<string> {
  const id = `${kind}-${who}`;
  await c.t.store.repository.update({
    resourceType: 'DiagnosticReport',
    id,
    status: 'preliminary',
    code: { text: 'checkup' },
    subject: { reference: 'Patient/pa' },
  });
  return id;
}

const bundle = (type: 'batch' | 'transaction', subject: string) => ({
  resourceType: 'Bundle',
  type,
  entry: [{ resource: obs(subject), request: { method: 'POST', url: 'Observation' } }],
});

//                                  own      other    nurse    admin    research patSelf  patOther system
const row = (...a: Answer[]): Record<Who, Answer> =>
  Object.fromEntries(WHO.map((w, i) => [w, a[i]!])) as Record<Who, Answer>;

const CASES: readonly Case[] = [
  {
    name: 'read Observation/oa',
    run: (c) => status(c, { url: '/fhir/Observation/oa' }),
    expect: row(200, 404, 200, 403, 403, 200, 404, 200),
  },
  {
    name: 'vread Observation/oa/_history/1',
    run: (c) => status(c, { url: '/fhir/Observation/oa/_history/1' }),
    expect: row(200, 404, 200, 403, 403, 200, 404, 200),
  },
  {
    name: 'history Observation/oa/_history',
    run: (c) => status(c, { url: '/fhir/Observation/oa/_history' }),
    expect: row(200, 404, 200, 403, 403, 200, 404, 200),
  },
  {
    name: "search pa's Observations",
    run: (c) => searched(c, '/fhir/Observation?subject=Patient/pa&identifier=urn:test|oa,urn:test|oa2'),
    expect: row('200 2+0', '200 0+0', '200 2+0', 403, 403, '200 2+0', '200 0+0', '200 2+0'),
  },
  {
    name: '_include reaching another patient (oa2 hasMember ob of pb)',
    run: (c) => searched(c, '/fhir/Observation?_id=oa2&_include=Observation:has-member'),
    expect: row('200 1+0', '200 0+0', '200 1+0', 403, 403, '200 1+0', '200 0+0', '200 1+1'),
  },
  {
    name: '_revinclude reaching another patient (pb revinclude focus: oa2 of pa)',
    run: (c) => searched(c, '/fhir/Patient?_id=pb&_revinclude=Observation:focus'),
    expect: row('200 0+0', '200 1+0', '200 0+0', 403, 403, '200 0+0', '200 1+0', '200 1+1'),
  },
  {
    name: 'chained search through another patient (focus:Patient.name=Bravo)',
    run: (c) => searched(c, '/fhir/Observation?focus:Patient.name=Bravo'),
    expect: row('200 0+0', '200 0+0', '200 0+0', 403, 403, '200 0+0', '200 0+0', '200 1+0'),
  },
  {
    name: 'create an Observation for pa',
    run: (c) => status(c, post('/fhir/Observation', obs('pa'))),
    expect: row(201, 403, 201, 403, 403, 403, 403, 201),
  },
  {
    name: 'conditional create matching oa (If-None-Exist)',
    run: (c) => status(c, post('/fhir/Observation', obs('pa'), { 'if-none-exist': 'identifier=urn:test|oa' })),
    expect: row(200, 403, 200, 403, 403, 403, 403, 200),
  },
  {
    name: 'update Observation/oa',
    run: (c) =>
      status(c, {
        method: 'PUT',
        url: '/fhir/Observation/oa',
        headers: FHIR,
        payload: JSON.stringify(obs('pa', 'oa')),
      }),
    expect: row(200, 403, 200, 403, 403, 403, 403, 200),
  },
  {
    name: 'delete an Observation of pa',
    run: async (c, who) => {
      await c.t.store.repository.update(obs('pa', `del-${who}`));
      return status(c, { method: 'DELETE', url: `/fhir/Observation/del-${who}` });
    },
    expect: row(204, 404, 403, 403, 403, 403, 403, 204),
  },
  {
    name: 'transaction with an entry for pa',
    run: (c) => status(c, post('/fhir', bundle('transaction', 'pa'))),
    expect: row(200, 403, 200, 403, 403, 403, 403, 200),
  },
  {
    name: 'batch entry for pa (entry status)',
    run: async (c) => {
      const res = await c.inject(post('/fhir', bundle('batch', 'pa')));
      if (res.statusCode !== 200) return res.statusCode;
      return Number((JSON.parse(res.body) as Bundle).entry?.[0]?.response?.status);
    },
    expect: row(201, 403, 201, 403, 403, 403, 403, 201),
  },
  {
    name: 'checkup report view (GET /api/reports/:id)',
    run: async (c, who) => status(c, { url: `/api/reports/${await reportFor(c, who, 'view')}` }),
    expect: row(200, 404, 200, 403, 403, 403, 403, 200),
  },
  {
    name: 'checkup report: add a finding',
    run: async (c, who) =>
      status(c, {
        method: 'POST',
        url: `/api/reports/${await reportFor(c, who, 'add')}/findings`,
        payload: { title: 'Check thyroid', severity: 'low', reason: 'family history' },
      }),
    expect: row(201, 404, 403, 403, 403, 403, 403, 403),
  },
  {
    name: 'checkup report: sign',
    run: async (c, who) =>
      status(c, { method: 'POST', url: `/api/reports/${await reportFor(c, who, 'sign')}/sign`, payload: {} }),
    expect: row(200, 404, 403, 403, 403, 403, 403, 403),
  },
  {
    name: 'read the audit log (GET /api/audit)',
    run: async (c) => {
      const res = await c.inject({ url: '/api/audit?kind=read&_count=5' });
      if (res.statusCode !== 200) return res.statusCode;
      const b = JSON.parse(res.body) as Bundle;
      const ok = b.type === 'searchset' && (b.entry ?? []).every((e) => e.resource?.resourceType === 'AuditEvent');
      return ok && (b.entry?.length ?? 0) > 0 ? 200 : 'not an AuditEvent bundle';
    },
    expect: row(403, 403, 403, 200, 403, 403, 403, 200),
  },
  // EXPORT column: the de-identified bulk export (services/export, authorised by access/export.ts).
  {
    name: 'export de-identified (GET /api/export)',
    run: (c) => status(c, { url: '/api/export?deidentify=true' }),
    expect: row(403, 403, 403, 403, 200, 403, 403, 200),
  },
  {
    name: 'export identified (GET /api/export?deidentify=false)',
    run: (c) => status(c, { url: '/api/export?deidentify=false' }),
    expect: row(403, 403, 403, 403, 403, 403, 403, 200),
  },
];

describe.each(backendsUnderTest)('role × operation matrix over HTTP on $name', (backend) => {
  let t: TestApp;
  const callers = new Map<Who, Caller & { username: string }>();
  beforeAll(async () => {
    t = await openTestApp(backend);
    await writeAccessWorld(t.store.repository);
    const accounts: Record<Exclude<Who, 'system'>, Parameters<typeof signInGrant>[1]> = {
      clinicianOwn: { role: 'clinician', organization: 'org-a', practitioner: 'pr-a' },
      clinicianOther: { role: 'clinician', organization: 'org-b', practitioner: 'pr-b' },
      nurse: { role: 'nurse', organization: 'org-a' },
      admin: { role: 'admin' },
      researcher: { role: 'researcher' },
      patientSelf: { role: 'patient', patient: 'pa' },
      patientOther: { role: 'patient', patient: 'pb' },
    };
    const make = (headers: Record<string, string>, username: string) => ({
      t,
      username,
      inject: (opts: InjectOptions) => t.app.inject({ ...opts, headers: { ...headers, ...opts.headers } }),
    });
    for (const [who, account] of Object.entries(accounts)) {
      const { headers, username } = await signInGrant(t, account);
      callers.set(who as Who, make(headers, username));
    }
    callers.set('system', make(await systemHeaders(t), 'test-system'));
  });
  afterAll(async () => t.close());

  const refusals = async (username: string) =>
    (await t.audit.list({ user: username, count: 1000 })).filter((e) => e.outcome === '4').length;

  it.each(CASES)('$name', async (c) => {
    const got: Partial<Record<Who, Answer>> = {};
    for (const who of WHO) {
      const caller = callers.get(who)!;
      const before = await refusals(caller.username);
      got[who] = await c.run(caller, who);
      const refused = got[who] === 403 || got[who] === 404;
      // Each refusal is in the audit log as a refused event of that user.
      if (refused)
        expect(await refusals(caller.username), `${c.name} as ${who}: refusal audited`).toBeGreaterThan(before);
    }
    expect(got).toEqual(c.expect);
  });
});
