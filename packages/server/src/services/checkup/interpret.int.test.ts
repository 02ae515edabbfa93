import type { DetectedIssue, DiagnosticReport, Encounter, Patient, Provenance, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import { CHECKUP_ENGINE } from '@careloop/core/engines/checkup/index';
import type { Store } from '../../store/open-store';
import { generatePatient, populationSharedResources } from '../../synth/index';
import { backendsUnderTest, steppingClock } from '../../testing/backends';
import type { RequestContext } from '../context';
import { importCheckupCsv } from './intake-csv';
import { interpretCheckups, interpretStoredCheckup } from './interpret';
import { loadReportSet } from './report-set';
import { SignOffService, type CheckupDeps } from './sign-off';

const CTX: RequestContext = {
  requestId: 't',
  baseUrl: 'http://careloop.test/fhir',
  user: { id: 'sys', role: 'system' },
};
/** A clinician of the organisation managing the person (the patient is in their scope). */
function clinicianOf(resources: readonly Resource[]): RequestContext {
  const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
  const organization = patient?.managingOrganization?.reference?.split('/')[1] ?? '';
  return { ...CTX, user: { id: 'dr-li', role: 'clinician', organization } };
}

/** The first synthetic person (china profile, seed 11) with at least two checkups: history to compare with. */
function personWithCheckups(): { resources: Resource[]; latest: Encounter } {
  for (let index = 0; index < 200; index++) {
    const resources = generatePatient({ seed: 11, index, profile: 'china', referenceDate: '2026-01-01' });
    const visits = resources.filter(
      (r): r is Encounter => r.resourceType === 'Encounter' && /-c\d{8}$/.test(r.id ?? ''),
    );
    if (visits.length >= 2) return { resources, latest: visits.at(-1)! };
  }
  throw new Error('no synthetic person with two checkups');
}

describe.each(backendsUnderTest)('interpret a stored checkup on $name', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let deps: CheckupDeps;
  let person: ReturnType<typeof personWithCheckups>;
  beforeAll(async () => {
    const clock = steppingClock('2026-01-02T08:00:00Z');
    const opened = await backend.open({ clock });
    store = opened.store;
    cleanup = opened.cleanup;
    deps = { repo: store.repository, clock };
    person = personWithCheckups();
    await store.repository.upsertMany([...populationSharedResources('china'), ...person.resources]);
  });
  afterAll(async () => cleanup());

  it('stores a preliminary report with its findings, risks, composition and the engine Provenance', async () => {
    const r = await interpretStoredCheckup(CTX, deps, person.latest.id!);
    expect(r.replaced).toBe(false);
    const set = await loadReportSet(store.repository, r.reportId);
    expect(set.report.status).toBe('preliminary');
    expect(set.report.encounter?.reference).toBe(`Encounter/${person.latest.id!}`);
    const visitObservations = person.resources.filter(
      (o) => o.resourceType === 'Observation' && o.encounter?.reference === `Encounter/${person.latest.id!}`,
    );
    expect(set.report.result).toHaveLength(visitObservations.length);
    expect(set.findings).toHaveLength(r.findings);
    expect(set.findings.every((f) => f.status === 'preliminary')).toBe(true);
    expect(set.composition?.status).toBe('preliminary');
    const engine = set.provenances.find((p) => p.agent.some((a) => a.who?.display?.includes(CHECKUP_ENGINE.version)));
    expect(engine?.target.length).toBe(1 + set.findings.length + set.risks.length + 1);
  });

  it('replaces an unsigned report on re-interpretation, without duplicates', async () => {
    const again = await interpretStoredCheckup(CTX, deps, person.latest.id!);
    expect(again.replaced).toBe(true);
    const reports = await store.repository.searchResources<DiagnosticReport>('DiagnosticReport', {
      encounter: `Encounter/${person.latest.id!}`,
    });
    expect(reports.map((x) => x.id)).toEqual([again.reportId]);
    const issues = await store.repository.searchResources<DetectedIssue>('DetectedIssue', {
      patient: person.latest.subject!.reference!,
      _count: '100',
    });
    expect(issues).toHaveLength(again.findings);
  });

  it('never overwrites a signed report (409), and the signed content stays', async () => {
    const { reportId } = await interpretStoredCheckup(CTX, deps, person.latest.id!);
    await new SignOffService(deps).sign(clinicianOf(person.resources), reportId);
    let status = 0;
    try {
      await interpretStoredCheckup(CTX, deps, person.latest.id!);
    } catch (e) {
      status = e instanceof OperationOutcomeError ? e.status : -1;
    }
    expect(status).toBe(409);
    expect((await store.repository.read<DiagnosticReport>('DiagnosticReport', reportId)).status).toBe('final');
    const provenances = await store.repository.searchResources<Provenance>('Provenance', {
      target: `DiagnosticReport/${reportId}`,
    });
    expect(provenances.filter((p) => p.signature?.length)).toHaveLength(1);
  });

  it('interprets a CSV checkup end to end: a critical potassium is an urgent finding', async () => {
    const csv = [
      'person_id,name,sex,birth_date,item_code,item_name,value,unit,reference_range,date',
      'C9,Test Person,F,1960-01-01,K,Potassium,6.8,mmol/L,3.5-5.3,2025-12-01',
      'C9,Test Person,F,1960-01-01,NA,Sodium,139,mmol/L,137-147,2025-12-01',
    ].join('\n');
    const imported = await importCheckupCsv(store.repository, csv);
    // Kost 1990 critical limit for potassium: > 6.2 mmol/L (the engine's critical-limits table).
    const r = await interpretStoredCheckup(CTX, deps, imported.checkups[0]!.encounterId);
    expect(r.urgent).toBeGreaterThanOrEqual(1);
    const set = await loadReportSet(store.repository, r.reportId);
    expect(set.report.result).toHaveLength(2);
  });

  it('interprets a batch in shared transactions: a signed report is skipped, the others are written', async () => {
    const csv = [
      'person_id,sex,birth_date,item_code,value,unit,date',
      'B1,M,1955-02-02,GLU,6.5,mmol/L,2025-12-02',
      'B2,F,1972-07-07,GLU,5.0,mmol/L,2025-12-02',
    ].join('\n');
    const imported = await importCheckupCsv(store.repository, csv);
    const ids = [person.latest.id!, ...imported.checkups.map((c) => c.encounterId)];
    const outcomes = await interpretCheckups(CTX, deps, ids, { batchSize: 2 });
    expect(outcomes.map((o) => [o.encounterId, o.ok])).toEqual([
      [ids[0], false],
      [ids[1], true],
      [ids[2], true],
    ]);
    const first = outcomes[0]!;
    expect(!first.ok && first.error instanceof OperationOutcomeError ? first.error.status : 0).toBe(409);
    for (const o of outcomes.slice(1)) {
      if (!o.ok) throw o.error;
      const report = await store.repository.read<DiagnosticReport>('DiagnosticReport', o.result.reportId);
      expect(report.status).toBe('preliminary');
    }
  });
});
