import type {
  Composition,
  DetectedIssue,
  DiagnosticReport,
  Patient,
  Provenance,
  Resource,
  RiskAssessment,
} from '@medplum/fhirtypes';
import type { Repository } from '../../store/repository';
import { CHECKUP_URI } from './systems';

/** Ids of the hand-made report written by `writeReportFixture`. */
export const FIXTURE = {
  patient: 'fx-patient',
  /** The patient's managing organisation: its clinicians have the patient in scope. */
  organization: 'fx-org',
  report: 'fx-report',
  findings: { ifg: 'fx-finding-ifg', bp: 'fx-finding-bp' },
  risk: 'fx-risk',
  composition: 'fx-composition',
  provenance: 'fx-provenance',
} as const;

const issue = (id: string, code: string, detail: string): DetectedIssue => ({
  resourceType: 'DetectedIssue',
  id,
  status: 'preliminary',
  code: { coding: [{ system: CHECKUP_URI.finding, code }] },
  severity: 'moderate',
  patient: { reference: `Patient/${FIXTURE.patient}` },
  detail,
});

/**
 * A preliminary checkup report shaped like the engine's output (report, two findings, a risk, a composition and
 * a Provenance targeting them all), for sign-off tests that must not depend on the engine's rules.
 */
export async function writeReportFixture(repo: Repository): Promise<void> {
  const subject = { reference: `Patient/${FIXTURE.patient}` };
  const resources: Resource[] = [
    {
      resourceType: 'Patient',
      id: FIXTURE.patient,
      gender: 'male',
      birthDate: '1970-05-12',
      managingOrganization: { reference: `Organization/${FIXTURE.organization}` },
    } satisfies Patient,
    {
      resourceType: 'DiagnosticReport',
      id: FIXTURE.report,
      status: 'preliminary',
      code: { text: 'Health checkup report' },
      subject,
      conclusion: 'Impaired fasting glucose; grade 2 hypertension',
    } satisfies DiagnosticReport,
    issue(FIXTURE.findings.ifg, 'glucose-ifg', 'Fasting glucose 6.5 mmol/L (6.1–6.9): impaired fasting glucose'),
    issue(FIXTURE.findings.bp, 'bp-grade-2', 'Blood pressure 165/102 mmHg: grade 2 hypertension'),
    {
      resourceType: 'RiskAssessment',
      id: FIXTURE.risk,
      status: 'preliminary',
      subject,
      prediction: [{ outcome: { text: '10-year ASCVD' }, probabilityDecimal: 0.12 }],
    } satisfies RiskAssessment,
    {
      resourceType: 'Composition',
      id: FIXTURE.composition,
      status: 'preliminary',
      type: { text: 'Checkup report' },
      subject,
      date: '2024-03-01T10:00:00Z',
      author: [{ display: 'careloop-checkup-engine' }],
      title: 'Checkup report',
    } satisfies Composition,
  ];
  const provenance: Provenance = {
    resourceType: 'Provenance',
    id: FIXTURE.provenance,
    target: resources.slice(1).map((r) => ({ reference: `${r.resourceType}/${r.id ?? ''}` })),
    recorded: '2024-03-01T10:00:00Z',
    agent: [{ who: { display: 'careloop-checkup-engine' } }],
  };
  await repo.upsertMany([...resources, provenance]);
}
