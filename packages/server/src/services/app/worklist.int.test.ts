import type { DetectedIssue } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@careloop/core/fhir/dates';
import { EXT } from '@careloop/core/engines/checkup/index';
import { backendsUnderTest } from '../../testing/backends';
import { loadReportSet } from '../checkup/report-set';
import { SYSTEM, clinicianOf, openAppFixture, type OpenedAppFixture } from './app-fixture';
import { buildWorklist, type WorklistQuery } from './worklist';

const ALL: WorklistQuery = { kinds: [], sort: 'date', count: 500, offset: 0, dueWithinDays: 30, locale: 'en' };

/** Expected recommendation follow-ups, read straight off the stored findings: earliest "within N days" each. */
function expectedRecommendationDues(findings: readonly DetectedIssue[], reportDate: string): string[] {
  return findings.flatMap((f) => {
    if (f.extension?.some((e) => e.url === EXT.findingStatus && e.valueCode === 'rejected')) return [];
    const days = (f.mitigation ?? []).flatMap(
      (m) => m.extension?.filter((e) => e.url === EXT.recommendationWithinDays).map((e) => e.valueInteger!) ?? [],
    );
    return days.length > 0 ? [addDays(reportDate.slice(0, 10), Math.min(...days))] : [];
  });
}

describe.each(backendsUnderTest)('app worklist on $name', (backend) => {
  let app: OpenedAppFixture;
  beforeAll(async () => {
    app = await openAppFixture(backend);
  }, 120_000);
  afterAll(async () => app.cleanup());

  it('counts what the data holds: one report to sign, its urgent findings, due and overdue follow-ups', async () => {
    const set = await loadReportSet(app.store.repository, app.fx.reportId);
    const urgent = set.findings.filter((f) =>
      f.extension?.some(
        (e) =>
          (e.url === EXT.findingSeverity && e.valueCode === 'critical') ||
          (e.url === EXT.findingUrgent && e.valueBoolean === true),
      ),
    );
    expect(urgent.length).toBeGreaterThanOrEqual(1);
    const dues = expectedRecommendationDues(set.findings, set.report.effectiveDateTime!);
    const recDue = dues.filter((d) => d >= app.fx.today && d <= addDays(app.fx.today, 30)).length;
    const recOverdue = dues.filter((d) => d < app.fx.today).length;
    // The critical potassium asks for care today: already overdue ten days later.
    expect(recOverdue).toBeGreaterThanOrEqual(1);

    const w = await buildWorklist(app.fhir, SYSTEM, app.fx.today, ALL);
    expect(w.counts).toEqual({
      awaitingSignOff: 1,
      urgentFindings: urgent.length,
      // Task due in 5 days, discharge 5 days ago (due in 9); the old discharge was followed by a checkup.
      followUpsDue: 2 + recDue,
      // Task 3 days overdue, the other clinic's Task 1 day overdue; the completed Task is not open.
      followUpsOverdue: 2 + recOverdue,
    });
    expect(w.total).toBe(w.items.length);
    const report = w.items.find((i) => i.kind === 'awaiting-sign-off')!;
    expect(report.link).toEqual({ patientId: app.fx.patient.id, reportId: app.fx.reportId });
    expect(report.patient.name).not.toBe(app.fx.patient.id);
    expect(report.patient.gender).toBe(app.fx.patient.gender);
    expect(report.urgentCount).toBe(urgent.length);
    expect(report.severity).toBe('critical');
    const potassium = w.items.find((i) => i.kind === 'urgent-finding' && /potassium/i.test(i.what));
    expect(potassium?.severity).toBe('critical');
    expect(potassium?.link.reportId).toBe(app.fx.reportId);
  });

  it('classifies follow-ups with their due date, origin and source', async () => {
    const w = await buildWorklist(app.fhir, SYSTEM, app.fx.today, {
      ...ALL,
      kinds: ['follow-up-due', 'follow-up-overdue'],
    });
    const byKey = new Map(w.items.map((i) => [i.key, i]));
    expect(byKey.get('task:app-task-due')).toMatchObject({
      kind: 'follow-up-due',
      due: addDays(app.fx.today, 5),
      origin: 'task',
    });
    expect(byKey.get('task:app-task-overdue')).toMatchObject({
      kind: 'follow-up-overdue',
      daysOverdue: 3,
      severity: 'moderate',
    });
    expect(byKey.has('task:app-task-done')).toBe(false);
    expect(byKey.get('discharge:app-stay-recent')).toMatchObject({
      kind: 'follow-up-due',
      due: addDays(app.fx.today, 9),
    });
    expect(byKey.get('discharge:app-stay-recent')?.source?.url).toMatch(/^https:\/\/www\.cms\.gov\//);
    expect(byKey.has('discharge:app-stay-old')).toBe(false);
    expect(byKey.get('task:app-task-other')?.patient.name).toBe('Min Zhou');
    // Recommendations come from the latest report only: the signed earlier one was followed up by the later checkup.
    const recs = w.items.filter((i) => i.origin === 'recommendation');
    expect(recs.every((i) => i.link.reportId === app.fx.reportId)).toBe(true);
  });

  it('filters by kind, sorts and pages', async () => {
    const overdue = await buildWorklist(app.fhir, SYSTEM, app.fx.today, {
      ...ALL,
      kinds: ['follow-up-overdue'],
      sort: '-date',
    });
    expect(overdue.items.every((i) => i.kind === 'follow-up-overdue')).toBe(true);
    const dues = overdue.items.map((i) => i.due!);
    expect(dues).toEqual([...dues].sort());
    const bySeverity = await buildWorklist(app.fhir, SYSTEM, app.fx.today, { ...ALL, sort: 'severity' });
    expect(bySeverity.items[0]!.severity).toBe('critical');
    const byPatient = await buildWorklist(app.fhir, SYSTEM, app.fx.today, { ...ALL, sort: 'patient' });
    const names = byPatient.items.map((i) => i.patient.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const page = await buildWorklist(app.fhir, SYSTEM, app.fx.today, { ...ALL, count: 2, offset: 1 });
    expect(page.items.map((i) => i.key)).toEqual(
      bySeverity.items.length > 2
        ? (await buildWorklist(app.fhir, SYSTEM, app.fx.today, ALL)).items.slice(1, 3).map((i) => i.key)
        : page.items.map((i) => i.key),
    );
    expect(page.counts).toEqual((await buildWorklist(app.fhir, SYSTEM, app.fx.today, ALL)).counts);
  });

  it('drops a report from the worklist once signed', async () => {
    const { SignOffService } = await import('../checkup/sign-off');
    const before = await buildWorklist(app.fhir, SYSTEM, app.fx.today, ALL);
    await new SignOffService({ repo: app.store.repository, clock: () => new Date('2026-01-03T00:00:00Z') }).sign(
      clinicianOf(app.fx.patient, 'dr-li'),
      app.fx.reportId,
    );
    const after = await buildWorklist(app.fhir, SYSTEM, app.fx.today, ALL);
    expect(before.counts.awaitingSignOff).toBe(1);
    expect(after.counts.awaitingSignOff).toBe(0);
    expect(after.counts.urgentFindings).toBe(0);
    // The signed report's recommendations stay open follow-ups.
    expect(after.counts.followUpsDue + after.counts.followUpsOverdue).toBe(
      before.counts.followUpsDue + before.counts.followUpsOverdue,
    );
  });
});
