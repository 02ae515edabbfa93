import type { Patient, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEID_FORBIDDEN, DEID_RECORD } from '../../services/export/fixtures';
import { openTestApp, type TestApp } from '../../testing/app';
import { signIn, systemHeaders } from '../../testing/auth';
import { backendsUnderTest } from '../../testing/backends';

const SECRET = 'api-test-secret-0123456789-abcdefghijklm';
const parse = (body: string) =>
  body
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Resource);

describe.each(backendsUnderTest)('GET /api/export on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(backend, { CARELOOP_DEIDENTIFY_SECRET: SECRET });
    await t.store.repository.upsertMany(DEID_RECORD);
  });
  afterAll(async () => t.close());

  const exportAs = (headers: Record<string, string>, query: string) =>
    t.app.inject({ method: 'GET', url: `/api/export?${query}`, headers });

  it('streams de-identified NDJSON to a researcher and records the export', async () => {
    const res = await exportAs(await signIn(t, { role: 'researcher' }), 'deidentify=true&types=Patient,Observation');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+ndjson');
    const resources = parse(res.body);
    expect(resources.map((r) => r.resourceType).sort()).toEqual(['Observation', 'Patient']);
    for (const s of DEID_FORBIDDEN) expect(res.body, s).not.toContain(s);
    const rows = await t.store.backend.query<{ content: string }>(
      "SELECT content FROM audit_log WHERE kind = 'export'",
    );
    const last = rows.map((r) => r.content).join('\n');
    expect(last).toContain('Patient=1');
    expect(last).toContain('Observation=1');
  });

  it('de-identifies by default', async () => {
    const res = await exportAs(await signIn(t, { role: 'researcher' }), 'types=Patient');
    expect(res.statusCode).toBe(200);
    expect((parse(res.body)[0] as Patient).id).not.toBe('pat-zhang-001');
  });

  it('refuses an identified export to a researcher (403) and any export to a clinician or an admin', async () => {
    const researcher = await exportAs(await signIn(t, { role: 'researcher' }), 'deidentify=false');
    expect(researcher.statusCode).toBe(403);
    expect(researcher.json<{ resourceType: string }>().resourceType).toBe('OperationOutcome');
    for (const role of ['clinician', 'admin'] as const) {
      const res = await exportAs(await signIn(t, { role, organization: 'org-1' }), 'deidentify=true');
      expect(res.statusCode).toBe(403);
    }
    const rows = await t.store.backend.query<{ content: string }>(
      "SELECT content FROM audit_log WHERE kind = 'export'",
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
  });

  it('gives identified data to the system only; 401 without a token; 400 for an unknown type', async () => {
    const system = await exportAs(await systemHeaders(t), 'deidentify=false&types=Patient');
    expect(system.statusCode).toBe(200);
    expect((parse(system.body)[0] as Patient).id).toBe('pat-zhang-001');
    expect((await exportAs({}, 'deidentify=true')).statusCode).toBe(401);
    const bad = await exportAs(await signIn(t, { role: 'researcher' }), 'types=Nonsense');
    expect(bad.statusCode).toBe(400);
  });
});
