import type { OperationOutcome } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientListResponse, PatientSummary, ReportReview, WorklistResponse } from '@careloop/core/app-api/types';
import { writeAppFixture, type AppFixture } from '../../services/app/app-fixture';
import { openTestApp, type TestApp } from '../../testing/app';
import { signIn } from '../../testing/auth';
import { backendsUnderTest, steppingClock } from '../../testing/backends';

type Headers = Record<string, string>;

describe.each(backendsUnderTest)('/api app (worklist, patients, summary, review) on $name', (backend) => {
  let t: TestApp;
  let fx: AppFixture;
  let CLINICIAN: Headers;
  let OTHER_CLINICIAN: Headers;
  let ADMIN: Headers;
  const get = (url: string, headers: Headers) => t.app.inject({ method: 'GET', url, headers });
  beforeAll(async () => {
    t = await openTestApp(backend);
    fx = await writeAppFixture(t.store.repository, {
      repo: t.store.repository,
      clock: steppingClock('2026-01-02T08:00:00Z'),
    });
    const organization = fx.patient.managingOrganization!.reference!.split('/')[1]!;
    CLINICIAN = await signIn(t, { role: 'clinician', practitioner: 'dr-li', display: 'Dr Li', organization });
    OTHER_CLINICIAN = await signIn(t, { role: 'clinician', organization: 'app-other-org' });
    ADMIN = await signIn(t, { role: 'admin' });
  }, 120_000);
  afterAll(async () => t.close());

  it('answers the worklist for the clinician’s own patients only', async () => {
    const res = await get('/api/worklist', CLINICIAN);
    expect(res.statusCode).toBe(200);
    const w = res.json<WorklistResponse>();
    expect(w.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(w.counts.awaitingSignOff).toBe(1);
    expect(w.counts.urgentFindings).toBeGreaterThanOrEqual(1);
    expect(w.items.some((i) => i.link.patientId === fx.otherPatient.id)).toBe(false);
    expect(w.items.find((i) => i.kind === 'awaiting-sign-off')?.link.reportId).toBe(fx.reportId);
    const other = (await get('/api/worklist', OTHER_CLINICIAN)).json<WorklistResponse>();
    expect(other.counts.awaitingSignOff).toBe(0);
    expect(other.items.map((i) => i.key)).toEqual(['task:app-task-other']);
  });

  it('filters by kind and refuses a bad parameter with an OperationOutcome naming it', async () => {
    const urgent = (
      await get('/api/worklist?kind=urgent-finding&sort=severity&_count=1', CLINICIAN)
    ).json<WorklistResponse>();
    expect(urgent.items).toHaveLength(1);
    expect(urgent.items[0]!.kind).toBe('urgent-finding');
    expect(urgent.total).toBe(urgent.counts.urgentFindings);
    const bad = await get('/api/worklist?kind=everything', CLINICIAN);
    expect(bad.statusCode).toBe(400);
    const outcome = bad.json<OperationOutcome>();
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]?.expression).toEqual(['kind']);
  });

  it('needs a signed-in user, and an admin sees no clinical worklist', async () => {
    expect((await get('/api/worklist', {})).statusCode).toBe(401);
    expect((await get(`/api/patients/${fx.patient.id!}/summary`, {})).statusCode).toBe(401);
    expect((await get('/api/worklist', ADMIN)).statusCode).toBe(403);
  });

  it('searches patients within scope', async () => {
    const mine = (await get('/api/patients', CLINICIAN)).json<PatientListResponse>();
    expect(mine.items.map((p) => p.id)).toEqual([fx.patient.id]);
    const zhou = (await get('/api/patients?q=Zhou', OTHER_CLINICIAN)).json<PatientListResponse>();
    expect(zhou.items.map((p) => p.id)).toEqual([fx.otherPatient.id]);
    expect((await get('/api/patients?q=Zhou', CLINICIAN)).json<PatientListResponse>().total).toBe(0);
  });

  it('gives the summary with trends and evidence chains; another clinic’s patient is not found', async () => {
    const res = await get(`/api/patients/${fx.patient.id!}/summary?locale=zh-CN`, CLINICIAN);
    expect(res.statusCode).toBe(200);
    const s = res.json<PatientSummary>();
    expect(s.locale).toBe('zh-CN');
    expect(s.trends.find((c) => c.id === 'blood-pressure')?.title).toBe('血压');
    const finding = s.reports[0]!.findings.find((f) =>
      f.evidence.inputs.some((i) => i.reference === `Observation/${fx.potassium.id!}`),
    );
    expect(finding?.evidence.method.kind).toBe('rule');
    expect((await get(`/api/patients/${fx.otherPatient.id!}/summary`, CLINICIAN)).statusCode).toBe(404);
  });

  it('gives the review screen and the person preview of a report', async () => {
    const review = (await get(`/api/reports/${fx.reportId}/review`, CLINICIAN)).json<ReportReview>();
    expect(review.canSign).toBe(true);
    expect(review.findingGroups[0]?.severity).toBe('critical');
    const preview = await get(review.links.personPreview, CLINICIAN);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toMatch(/^text\/html/);
    expect((await get(`/api/reports/${fx.reportId}/review`, OTHER_CLINICIAN)).statusCode).toBe(404);
  });
});
