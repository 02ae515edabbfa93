import type { FastifyInstance } from 'fastify';
import type { DetectedIssue, DiagnosticReport, OperationOutcome, Patient, Provenance } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingReason, findingStatus } from '../../services/checkup/finding-status';
import { generatePatient } from '../../synth/index';
import { transactionBundle } from '../../synth/writers';
import { openTestApp } from '../../testing/app';
import { signIn, systemHeaders } from '../../testing/auth';
import { backendsUnderTest } from '../../testing/backends';

type Headers = Record<string, string>;

interface ReportBody {
  report: DiagnosticReport;
  findings: DetectedIssue[];
  signatures: Provenance[];
}

describe.each(backendsUnderTest)('/api checkups and reports on $name', (backend) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let encounterId: string;
  let reportId: string;
  let CLINICIAN: Headers;
  let NURSE: Headers;
  let PERSON: Headers;
  beforeAll(async () => {
    const t = await openTestApp(backend);
    ({ app, close } = t);
    const resources = generatePatient({ seed: 5, index: 3, profile: 'china', referenceDate: '2026-01-01' });
    const visit = resources.filter((r) => r.resourceType === 'Encounter' && /-c\d{8}$/.test(r.id ?? '')).at(-1);
    if (!visit?.id) throw new Error('synthetic person without a checkup');
    encounterId = visit.id;
    const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
    const organization = patient?.managingOrganization?.reference?.split('/')[1];
    if (!patient?.id || !organization) throw new Error('synthetic person without a managing organisation');
    const staff = { organization };
    CLINICIAN = await signIn(t, { role: 'clinician', practitioner: 'dr-li', display: 'Dr Li', ...staff });
    NURSE = await signIn(t, { role: 'nurse', ...staff });
    PERSON = await signIn(t, { role: 'patient', patient: patient.id });
    const loaded = { method: 'POST', url: '/fhir', headers: await systemHeaders(t) } as const;
    const res = await app.inject({ ...loaded, payload: transactionBundle(resources) });
    expect(res.statusCode).toBe(200);
  });
  afterAll(async () => close());

  it('POST /api/checkups/:id/interpret writes a preliminary report (201), then replaces it (200)', async () => {
    const first = await app.inject({
      method: 'POST',
      url: `/api/checkups/${encounterId}/interpret`,
      headers: CLINICIAN,
    });
    expect(first.statusCode).toBe(201);
    reportId = first.json<{ reportId: string }>().reportId;
    const again = await app.inject({
      method: 'POST',
      url: `/api/checkups/${encounterId}/interpret`,
      headers: CLINICIAN,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json<{ reportId: string }>().reportId).toBe(reportId);
    const missing = await app.inject({ method: 'POST', url: '/api/checkups/nope/interpret', headers: CLINICIAN });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<OperationOutcome>().resourceType).toBe('OperationOutcome');
  });

  it('GET /api/reports/:id returns the report with its findings and composition', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/reports/${reportId}`, headers: CLINICIAN });
    expect(res.statusCode).toBe(200);
    const body = res.json<ReportBody & { composition: { resourceType: string } }>();
    expect(body.report.status).toBe('preliminary');
    expect(body.composition.resourceType).toBe('Composition');
    expect(body.signatures).toEqual([]);
  });

  it('refuses the person before sign-off and a nurse at sign-off (403), and anyone without a valid token (401)', async () => {
    const person = await app.inject({ method: 'GET', url: `/api/reports/${reportId}/released`, headers: PERSON });
    expect(person.statusCode).toBe(403);
    const nurse = await app.inject({ method: 'POST', url: `/api/reports/${reportId}/sign`, headers: NURSE });
    expect(nurse.statusCode).toBe(403);
    expect(nurse.json<OperationOutcome>().issue?.[0]?.code).toBe('forbidden');
    const nobody = await app.inject({ method: 'POST', url: `/api/reports/${reportId}/sign` });
    expect(nobody.statusCode).toBe(401);
    expect(nobody.headers['www-authenticate']).toMatch(/^Bearer/);
    const forged = await app.inject({
      method: 'POST',
      url: `/api/reports/${reportId}/sign`,
      headers: { authorization: `${CLINICIAN.authorization ?? ''}x` },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('adds a finding, rejects one with its reason, signs, and releases the signed report', async () => {
    const added = await app.inject({
      method: 'POST',
      url: `/api/reports/${reportId}/findings`,
      headers: CLINICIAN,
      payload: { title: 'Skin lesion to check', severity: 'low', reason: 'Seen at examination' },
    });
    expect(added.statusCode).toBe(201);
    const addedId = added.json<{ finding: DetectedIssue }>().finding.id!;
    const noReason = await app.inject({
      method: 'POST',
      url: `/api/reports/${reportId}/findings/${addedId}/reject`,
      headers: CLINICIAN,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await app.inject({
      method: 'POST',
      url: `/api/reports/${reportId}/findings/${addedId}/reject`,
      headers: CLINICIAN,
      payload: { reason: 'Dermatology already follows it' },
    });
    expect(rejected.statusCode).toBe(200);
    const finding = rejected.json<{ finding: DetectedIssue }>().finding;
    expect([findingStatus(finding), findingReason(finding)]).toEqual(['rejected', 'Dermatology already follows it']);
    const signed = await app.inject({ method: 'POST', url: `/api/reports/${reportId}/sign`, headers: CLINICIAN });
    expect(signed.statusCode).toBe(200);
    expect(signed.json<{ report: DiagnosticReport }>().report.status).toBe('final');
    const released = await app.inject({ method: 'GET', url: `/api/reports/${reportId}/released`, headers: PERSON });
    expect(released.statusCode).toBe(200);
    const body = released.json<ReportBody>();
    expect(body.findings.map((f) => f.id)).not.toContain(addedId);
    expect(body.signatures).toHaveLength(1);
    const reinterpret = await app.inject({
      method: 'POST',
      url: `/api/checkups/${encounterId}/interpret`,
      headers: CLINICIAN,
    });
    expect(reinterpret.statusCode).toBe(409);
  });

  it('prints the report as HTML and PDF, in both languages, for the physician and (once final) the person', async () => {
    const html = await app.inject({
      headers: CLINICIAN,
      url: `/api/reports/${reportId}/print?audience=physician&locale=zh-CN&format=html`,
    });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('lang="zh-CN"');
    const person = await app.inject({
      url: `/api/reports/${reportId}/print?audience=person&locale=en&format=pdf`,
      headers: PERSON,
    });
    expect(person.statusCode).toBe(200);
    expect(person.headers['content-type']).toBe('application/pdf');
    expect(person.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(person.headers['content-disposition']).toMatch(/filename=".*person-en.*\.pdf"/);
    const bad = await app.inject({ url: `/api/reports/${reportId}/print?audience=press`, headers: CLINICIAN });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses to make or change a signed CareLoop report through the generic FHIR API', async () => {
    const current = (
      await app.inject({ url: `/fhir/DiagnosticReport/${reportId}`, headers: CLINICIAN })
    ).json<DiagnosticReport>();
    const edited = await app.inject({
      method: 'PUT',
      url: `/fhir/DiagnosticReport/${reportId}`,
      headers: { ...CLINICIAN, 'content-type': 'application/fhir+json' },
      payload: JSON.stringify({ ...current, conclusion: 'edited behind the clinician' }),
    });
    expect(edited.statusCode).toBe(403);
    const forged = await app.inject({
      method: 'POST',
      url: '/fhir/DiagnosticReport',
      headers: { ...CLINICIAN, 'content-type': 'application/fhir+json' },
      payload: JSON.stringify({ ...current, id: undefined, meta: undefined, status: 'final' }),
    });
    expect(forged.statusCode).toBe(403);
    expect(
      (await app.inject({ method: 'DELETE', url: `/fhir/DiagnosticReport/${reportId}`, headers: CLINICIAN }))
        .statusCode,
    ).toBe(403);
  });
});
