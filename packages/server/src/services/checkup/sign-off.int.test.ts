import type { DetectedIssue, DiagnosticReport, Provenance } from '@medplum/fhirtypes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { Store } from '../../store/open-store';
import { backendsUnderTest, steppingClock } from '../../testing/backends';
import type { RequestContext } from '../context';
import { findingReason, findingStatus } from './finding-status';
import { FIXTURE, writeReportFixture } from './report-fixture';
import { SignOffService } from './sign-off';
import { verifySignature } from './signing';
import { AUTHOR_SIGNATURE } from './systems';

const as = (role?: 'clinician' | 'nurse' | 'patient', id = 'dr-li'): RequestContext => ({
  requestId: 't',
  baseUrl: 'http://careloop.test/fhir',
  // Staff of the patient's organisation; a patient account is the fixture patient.
  ...(role
    ? {
        user: {
          id,
          role,
          ...(role === 'patient' ? { patient: FIXTURE.patient } : { organization: FIXTURE.organization }),
        },
      }
    : {}),
});
const CLINICIAN = as('clinician');

/** The OperationOutcome a call fails with: HTTP status and the first issue's text. */
async function refusal(p: Promise<unknown>): Promise<{ status: number; text: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof OperationOutcomeError)
      return { status: e.status, text: e.outcome.issue?.[0]?.details?.text ?? '' };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe.each(backendsUnderTest)('checkup sign-off on $name', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let service: SignOffService;
  beforeEach(async () => {
    const clock = steppingClock('2024-03-02T09:00:00Z');
    const opened = await backend.open({ clock });
    store = opened.store;
    cleanup = opened.cleanup;
    await writeReportFixture(store.repository);
    service = new SignOffService({ repo: store.repository, clock });
  });
  afterEach(async () => cleanup());

  it('refuses a nurse, a patient and an anonymous caller every review action with 403', async () => {
    for (const ctx of [as('nurse', 'nurse-wang'), as('patient', 'p1'), as()]) {
      expect((await refusal(service.sign(ctx, FIXTURE.report))).status).toBe(403);
      expect((await refusal(service.rejectFinding(ctx, FIXTURE.report, 'glucose-ifg', 'no'))).status).toBe(403);
      expect(
        (await refusal(service.addFinding(ctx, FIXTURE.report, { title: 'x', severity: 'low', reason: 'y' }))).status,
      ).toBe(403);
    }
    const report = await store.repository.read<DiagnosticReport>('DiagnosticReport', FIXTURE.report);
    expect(report.status).toBe('preliminary');
  });

  it('releases nothing to the person before sign-off, and then only what was signed', async () => {
    const before = await refusal(service.releasedReportFor(as('patient', 'p1'), FIXTURE.report));
    expect(before).toEqual({
      status: 403,
      text: `DiagnosticReport/${FIXTURE.report} is preliminary: it is released only once a clinician signs it`,
    });
    await service.sign(CLINICIAN, FIXTURE.report);
    const released = await service.releasedReportFor(as('patient', 'p1'), FIXTURE.report);
    expect(released.report.status).toBe('final');
    expect(released.findings).toHaveLength(2);
  });

  it('signs: final, members final, a Provenance with the clinician as attester and a verifiable signature', async () => {
    const { report, provenance } = await service.sign(CLINICIAN, FIXTURE.report);
    expect(report.status).toBe('final');
    expect(report.resultsInterpreter).toEqual([{ reference: 'Practitioner/dr-li', display: 'dr-li' }]);
    expect(provenance.agent[0]?.type?.coding?.[0]?.code).toBe('attester');
    expect(provenance.agent[0]?.who).toEqual({ reference: 'Practitioner/dr-li', display: 'dr-li' });
    const sig = provenance.signature?.[0];
    expect(sig?.type).toEqual([AUTHOR_SIGNATURE]);
    expect(sig?.when).toBe(provenance.recorded);
    expect(sig?.data).toMatch(/^[A-Za-z0-9+/]{43}=$/); // base64 of 32 bytes
    expect(provenance.target.map((t) => t.reference)).toContain(`DiagnosticReport/${FIXTURE.report}/_history/2`);
    expect(await verifySignature(store.repository, provenance)).toBe(true);
    const issue = await store.repository.read<DetectedIssue>('DetectedIssue', FIXTURE.findings.ifg);
    expect(issue.status).toBe('final');
    expect((await refusal(service.sign(CLINICIAN, FIXTURE.report))).status).toBe(409);
  });

  it('never releases a report made final without a signature (written around the sign-off service)', async () => {
    const report = await store.repository.read<DiagnosticReport>('DiagnosticReport', FIXTURE.report);
    await store.repository.update({ ...report, status: 'final' });
    const r = await refusal(service.releasedReportFor(as('patient', 'p1'), FIXTURE.report));
    expect(r).toEqual({
      status: 403,
      text: `DiagnosticReport/${FIXTURE.report} is final without a valid clinician signature: not released`,
    });
  });

  it('does not release a signed report whose finding was changed afterwards outside the service', async () => {
    await service.sign(CLINICIAN, FIXTURE.report);
    const issue = await store.repository.read<DetectedIssue>('DetectedIssue', FIXTURE.findings.bp);
    await store.repository.update({ ...issue, detail: 'tampered' });
    expect((await refusal(service.releasedReportFor(as('patient', 'p1'), FIXTURE.report))).status).toBe(403);
  });

  it('keeps a rejected finding with its reason; the person does not see it', async () => {
    expect((await refusal(service.rejectFinding(CLINICIAN, FIXTURE.report, 'glucose-ifg', '  '))).text).toBe(
      'reason is required',
    );
    const r = await service.rejectFinding(CLINICIAN, FIXTURE.report, 'glucose-ifg', 'Not fasting: ate at 7 am');
    expect(r.amendment).toBeUndefined();
    expect(findingStatus(r.finding)).toBe('rejected');
    expect(findingReason(r.finding)).toBe('Not fasting: ate at 7 am');
    await service.sign(CLINICIAN, FIXTURE.report);
    const stored = await store.repository.read<DetectedIssue>('DetectedIssue', FIXTURE.findings.ifg);
    expect(stored.status).toBe('entered-in-error');
    expect(findingReason(stored)).toBe('Not fasting: ate at 7 am');
    const clinician = await service.reportView(CLINICIAN, FIXTURE.report);
    expect(clinician.findings.map((f) => f.id).sort()).toEqual([FIXTURE.findings.bp, FIXTURE.findings.ifg].sort());
    const person = await service.releasedReportFor(as('patient', 'p1'), FIXTURE.report);
    expect(person.findings.map((f) => f.id)).toEqual([FIXTURE.findings.bp]);
  });

  it('adds a clinician-authored finding with its reason, linked from the report', async () => {
    expect(
      (await refusal(service.addFinding(CLINICIAN, FIXTURE.report, { title: 'x', severity: 'low', reason: '' }))).text,
    ).toBe('reason is required');
    const r = await service.addFinding(CLINICIAN, FIXTURE.report, {
      title: 'Thyroid nodule on palpation',
      severity: 'moderate',
      reason: 'Found on examination, not in the lab results',
      recommendation: 'Thyroid ultrasound within 4 weeks',
    });
    expect(findingStatus(r.finding)).toBe('added');
    expect(findingReason(r.finding)).toBe('Found on examination, not in the lab results');
    expect(r.finding.author).toEqual({ reference: 'Practitioner/dr-li', display: 'dr-li' });
    const view = await service.reportView(CLINICIAN, FIXTURE.report);
    expect(view.findings.map((f) => f.id)).toContain(r.finding.id);
  });

  it('amends a signed report: status amended, a new signature, and every version kept in history', async () => {
    const first = await service.sign(CLINICIAN, FIXTURE.report);
    const change = await service.rejectFinding(
      as('clinician', 'dr-zhao'),
      FIXTURE.report,
      'bp-grade-2',
      'Repeat reading at rest was 128/82 mmHg',
    );
    expect(change.report.status).toBe('amended');
    const amendment = change.amendment as Provenance;
    expect(amendment.signature?.[0]?.who).toEqual({ reference: 'Practitioner/dr-zhao', display: 'dr-zhao' });
    expect(amendment.reason?.[0]?.text).toBe('Finding bp-grade-2 rejected: Repeat reading at rest was 128/82 mmHg');
    expect(await verifySignature(store.repository, amendment)).toBe(true);
    // the first signature still verifies against the versions it signed, which history keeps
    expect(await verifySignature(store.repository, first.provenance)).toBe(true);
    const history = await store.repository.history('DiagnosticReport', FIXTURE.report);
    expect(history.entries.map((e) => (e.resource as DiagnosticReport).status)).toEqual([
      'amended',
      'final',
      'preliminary',
    ]);
    const released = await service.releasedReportFor(as('patient', 'p1'), FIXTURE.report);
    expect(released.report.status).toBe('amended');
    expect(released.findings.map((f) => f.id)).toEqual([FIXTURE.findings.ifg]);
    expect((await service.reportView(CLINICIAN, FIXTURE.report)).signatures).toHaveLength(2);
  });
});
