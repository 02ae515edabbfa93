import type { Condition, Encounter, Observation, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXT } from '@careloop/core/engines/checkup/index';
import { OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import { backendsUnderTest } from '../../testing/backends';
import type { RequestContext } from '../context';
import { loadReportSet } from '../checkup/report-set';
import { SignOffService } from '../checkup/sign-off';
import { SYSTEM, clinicianOf, openAppFixture, type OpenedAppFixture } from './app-fixture';
import { searchPatients } from './patients';
import { personPreviewHtml, reportReview } from './review';
import { patientSummary } from './summary';

const LOINC = 'http://loinc.org';

/** Values of a LOINC code in the fixture, as the Observation itself or a component (BP panels), oldest first. */
function valuesOf(resources: readonly Resource[], code: string): { ref: string; value: number }[] {
  return resources
    .filter((r): r is Observation => r.resourceType === 'Observation')
    .flatMap((o) =>
      [o, ...(o.component ?? [])]
        .filter((c) => c.code.coding?.some((x) => x.system === LOINC && x.code === code))
        .map((c) => ({ ref: `Observation/${o.id!}`, value: c.valueQuantity!.value!, at: o.effectiveDateTime! })),
    )
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map(({ ref, value }) => ({ ref, value }));
}

describe.each(backendsUnderTest)('app patient summary, search and review on $name', (backend) => {
  let app: OpenedAppFixture;
  beforeAll(async () => {
    app = await openAppFixture(backend);
  }, 120_000);
  afterAll(async () => app.cleanup());

  it('gives demographics, the active problem list, encounters and medications from the record', async () => {
    const s = await patientSummary(app.fhir, SYSTEM, app.fx.today, app.fx.patient.id!, 'en');
    expect(s.patient.id).toBe(app.fx.patient.id);
    expect(s.patient.identifiers.length).toBe(app.fx.patient.identifier?.length ?? 0);
    expect(s.patient.managingOrganization?.display).toBeTruthy();
    const conditions = app.fx.resources.filter(
      (r): r is Condition =>
        r.resourceType === 'Condition' &&
        r.subject.reference === `Patient/${app.fx.patient.id!}` &&
        ['active', 'recurrence', 'relapse'].includes(r.clinicalStatus?.coding?.[0]?.code ?? 'active'),
    );
    expect(conditions.length).toBeGreaterThan(0);
    expect(s.problems.map((p) => p.id).sort()).toEqual(conditions.map((c) => c.id).sort());
    const drugs = app.fx.resources.filter(
      (r) =>
        (r.resourceType === 'MedicationRequest' && ['active', 'on-hold'].includes(r.status)) ||
        (r.resourceType === 'MedicationStatement' && ['active', 'intended'].includes(r.status)),
    );
    expect(drugs.length).toBeGreaterThan(0);
    expect(s.medications.map((m) => m.id).sort()).toEqual(drugs.map((d) => d.id).sort());
    expect(s.problems.every((p) => p.code.codings.length > 0 && p.code.display)).toBe(true);
    const encounters = app.fx.resources.filter((r): r is Encounter => r.resourceType === 'Encounter');
    expect(s.encounters).toHaveLength(encounters.length);
    expect(
      s.encounters
        .filter((e) => e.reportId)
        .map((e) => e.reportId)
        .sort(),
    ).toEqual([app.fx.reportId, app.fx.signedReportId].sort());
    expect(s.encounters.find((e) => e.id === 'app-stay-recent')?.class?.code).toBe('IMP');
  });

  it('charts blood pressure (panels included) and labs in UCUM units with published bands', async () => {
    const s = await patientSummary(app.fhir, SYSTEM, app.fx.today, app.fx.patient.id!, 'en');
    const series = new Map(s.trends.flatMap((c) => c.series.map((x) => [x.key, x] as const)));
    const systolic = series.get('systolic')!;
    expect(systolic.unit).toBe('mm[Hg]');
    expect(systolic.points.map((p) => ({ ref: p.observation, value: p.value }))).toEqual(
      valuesOf(app.fx.resources, '8480-6'),
    );
    expect(systolic.band).toMatchObject({ low: 90, high: 139, origin: 'careloop' });
    expect(systolic.band?.source?.citation).toMatch(/Hypertension/);
    const fasting = series.get('fasting-glucose')!;
    expect(fasting.band).toMatchObject({ low: 3.9, high: 6.1 });
    expect(fasting.band?.source?.doi).toBe('10.3760/cma.j.cn115791-20210221-00095');
    expect(series.get('ldl')?.band).toMatchObject({ high: 3.4, origin: 'careloop' });
    expect(series.get('hdl')?.band).toMatchObject({ low: 1.0 });
    // No eGFR is stored: it is computed from each creatinine with CKD-EPI 2021, against the KDIGO band.
    const egfr = series.get('egfr')!;
    expect(egfr.computedFrom).toMatchObject({ kind: 'score', id: 'ckd-epi-2021-egfr' });
    expect(egfr.points.map((p) => p.observation)).toEqual(series.get('creatinine')!.points.map((p) => p.observation));
    expect(egfr.band).toMatchObject({ low: 60 });
    expect(egfr.band?.source?.citation).toMatch(/KDIGO/);
    for (const x of series.values()) expect(x.points.length).toBeGreaterThan(0);
  });

  it('names the actual input Observations, the rule, its source and the sign-off in each evidence chain', async () => {
    const s = await patientSummary(app.fhir, SYSTEM, app.fx.today, app.fx.patient.id!, 'en');
    expect(s.reports.map((r) => r.reportId)).toEqual([app.fx.reportId, app.fx.signedReportId]);
    const [latest, earlier] = s.reports;
    expect(latest!.signOff.status).toBe('preliminary');
    expect(latest!.signOff.engine).toMatch(/CareLoop checkup engine/);
    expect(earlier!.signOff).toMatchObject({ status: 'final', signedBy: 'Dr Wang' });
    expect(earlier!.signOff.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const potassium = latest!.findings.find((f) =>
      f.evidence.inputs.some((i) => i.reference === 'Observation/app-potassium'),
    )!;
    expect(potassium.severity).toBe('critical');
    expect(potassium.evidence.inputs.find((i) => i.reference === 'Observation/app-potassium')).toMatchObject({
      value: '6.8 mmol/L',
      date: app.fx.potassium.effectiveDateTime,
    });
    const stored = (await loadReportSet(app.store.repository, app.fx.reportId)).findings.find(
      (f) => f.id === potassium.id,
    )!;
    const rule = stored.extension?.find((e) => e.url === EXT.findingRule)?.valueCoding;
    expect(potassium.evidence.method).toMatchObject({ kind: 'rule', id: rule?.code, version: rule?.version });
    expect(potassium.evidence.sources.some((c) => /Kost GJ/.test(c.citation))).toBe(true);
    expect(potassium.evidence.signOff.status).toBe('preliminary');
    for (const score of s.scores) {
      expect(score.evidence.method.kind).toBe('score');
      expect(score.evidence.sources.length).toBeGreaterThan(0);
    }
    const storedScore = s.scores.find((x) => x.reportId === app.fx.reportId);
    expect(storedScore?.evidence.inputs.every((i) => i.reference)).toBe(true);
  });

  it('finds patients by part of a name and by identifier', async () => {
    const search = (q: string, count = 20) =>
      searchPatients(app.fhir, SYSTEM, app.fx.today, { q, count, offset: 0, locale: 'en' });
    const byName = await search('Zho');
    expect(byName.items.map((p) => p.id)).toEqual(['app-other']);
    expect(byName.items[0]!.managingOrganization).toEqual({
      reference: 'Organization/app-other-org',
      display: 'Other Clinic',
    });
    const byId = await search('OTHER-1');
    expect(byId.items.map((p) => p.id)).toEqual(['app-other']);
    const all = await search('', 1);
    expect(all.total).toBe(2);
    expect(all.items).toHaveLength(1);
  });

  it('reviews a report: findings grouped by severity, rejected ones kept with the reason, a person preview', async () => {
    const clinician = clinicianOf(app.fx.patient);
    const before = await reportReview(app.fhir, clinician, app.fx.today, app.fx.reportId, 'en');
    expect(before.canSign).toBe(true);
    expect(before.findingGroups[0]!.severity).toBe('critical');
    const other = before.report.findings.find((f) => f.severity !== 'critical')!;
    await new SignOffService({
      repo: app.store.repository,
      clock: () => new Date('2026-01-03T00:00:00Z'),
    }).rejectFinding(clinician, app.fx.reportId, other.id, 'Known and treated');
    const after = await reportReview(app.fhir, clinician, app.fx.today, app.fx.reportId, 'en');
    const rejected = after.report.findings.find((f) => f.id === other.id);
    expect(rejected).toMatchObject({ review: 'rejected', reviewReason: 'Known and treated' });
    const summary = await patientSummary(app.fhir, SYSTEM, app.fx.today, app.fx.patient.id!, 'en');
    expect(summary.reports[0]!.findings.some((f) => f.id === other.id)).toBe(false);
    const html = await personPreviewHtml(app.fhir, clinician, app.fx.reportId, 'en');
    expect(html).toContain('PRELIMINARY');
    expect(html).not.toContain(other.title);
    const nurse: RequestContext = { ...clinician, user: { ...clinician.user!, id: 'nurse-1', role: 'nurse' } };
    expect((await reportReview(app.fhir, nurse, app.fx.today, app.fx.reportId, 'en')).canSign).toBe(false);
    const refused = await personPreviewHtml(app.fhir, nurse, app.fx.reportId, 'en').catch((e: unknown) => e);
    expect(refused instanceof OperationOutcomeError ? refused.status : 0).toBe(403);
  });

  it('answers 404 for a patient that does not exist', async () => {
    const err = await patientSummary(app.fhir, SYSTEM, app.fx.today, 'nobody', 'en').catch((e: unknown) => e);
    expect(err instanceof OperationOutcomeError ? err.status : 0).toBe(404);
  });
});
