import type { Encounter, Observation, Patient, Resource, Task } from '@medplum/fhirtypes';
import { addDays } from '@careloop/core/fhir/dates';
import { generatePatient, populationSharedResources } from '../../synth/index';
import type { Store } from '../../store/open-store';
import type { Repository } from '../../store/repository';
import { steppingClock, type BackendUnderTest } from '../../testing/backends';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../context';
import { FhirService } from '../fhir-service';
import { interpretStoredCheckup } from '../checkup/interpret';
import { SignOffService, type CheckupDeps } from '../checkup/sign-off';

/** What the app API tests need to know about the clinic written by `writeAppFixture`. */
export interface AppFixture {
  readonly patient: Patient;
  /** The worklist's "today": ten days after the latest checkup. */
  readonly today: string;
  /** The latest checkup's report (preliminary) and the earlier one's (signed). */
  readonly reportId: string;
  readonly signedReportId: string;
  /** The critical potassium added to the latest checkup. */
  readonly potassium: Observation;
  readonly resources: readonly Resource[];
  readonly otherPatient: Patient;
}

/** The system itself (no user): writes the fixture and reads as the tests' unrestricted caller. */
export const SYSTEM: RequestContext = {
  requestId: 't',
  baseUrl: 'http://careloop.test/fhir',
  user: { id: 'sys', role: 'system' },
};

/** A clinician of the patient's own organisation (the access policy scopes clinicians by organisation). */
export function clinicianOf(patient: Patient, id = 'dr-wang'): RequestContext {
  const organization = patient.managingOrganization?.reference?.split('/')[1];
  return { ...SYSTEM, user: { id, role: 'clinician', display: 'Dr Wang', ...(organization ? { organization } : {}) } };
}

const isCheckup = (r: Resource): r is Encounter => r.resourceType === 'Encounter' && /-c\d{8}$/.test(r.id ?? '');
const isStay = (r: Resource) => r.resourceType === 'Encounter' && r.class.code === 'IMP';
const isMedication = (r: Resource) =>
  r.resourceType === 'MedicationRequest' || r.resourceType === 'MedicationStatement';

/** The first synthetic person (china profile) with two checkups, a condition and a drug, and no hospital stay. */
function person(): { resources: Resource[]; checkups: Encounter[] } {
  for (let index = 0; index < 300; index++) {
    const resources = generatePatient({ seed: 11, index, profile: 'china', referenceDate: '2026-01-01' });
    const checkups = resources.filter(isCheckup);
    const treated = resources.some((r) => r.resourceType === 'Condition') && resources.some(isMedication);
    if (checkups.length >= 2 && treated && !resources.some(isStay)) return { resources, checkups };
  }
  throw new Error('no synthetic person with two checkups and no stay');
}

function task(id: string, patient: string, due: string, status: Task['status']): Task {
  return {
    resourceType: 'Task',
    id,
    status,
    intent: 'order',
    priority: 'urgent',
    description: `Call back ${id}`,
    for: { reference: `Patient/${patient}` },
    authoredOn: addDays(due, -7),
    restriction: { period: { end: due } },
  };
}

function stay(id: string, patient: string, discharged: string): Encounter {
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP', display: 'inpatient encounter' },
    subject: { reference: `Patient/${patient}` },
    period: { start: `${addDays(discharged, -4)}T14:00:00+08:00`, end: `${discharged}T10:00:00+08:00` },
    hospitalization: {
      dischargeDisposition: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition', code: 'home' }],
      },
    },
  };
}

/**
 * A small clinic: one synthetic person with two checkups (the earlier interpreted and signed, the latest
 * interpreted and awaiting sign-off, with a critical potassium added), two open Tasks (one due, one overdue), a
 * completed Task, a recent discharge home (due) and an older one followed by a checkup (closed); and a second
 * patient of another organisation with an overdue Task.
 */
export async function writeAppFixture(repo: Repository, deps: CheckupDeps): Promise<AppFixture> {
  const { resources, checkups } = person();
  const patient = resources.find((r): r is Patient => r.resourceType === 'Patient')!;
  const id = patient.id!;
  const latest = checkups.at(-1)!;
  const earlier = checkups.at(-2)!;
  const checkupDate = latest.period!.start!;
  const today = addDays(checkupDate.slice(0, 10), 10);
  const potassium: Observation = {
    resourceType: 'Observation',
    id: 'app-potassium',
    status: 'final',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
    ],
    code: {
      coding: [{ system: 'http://loinc.org', code: '2823-3', display: 'Potassium [Moles/volume] in Serum or Plasma' }],
    },
    subject: { reference: `Patient/${id}` },
    encounter: { reference: `Encounter/${latest.id!}` },
    effectiveDateTime: checkupDate,
    valueQuantity: { value: 6.8, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
  };
  const otherPatient: Patient = {
    resourceType: 'Patient',
    id: 'app-other',
    name: [{ family: 'Zhou', given: ['Min'] }],
    gender: 'female',
    birthDate: '1950-06-01',
    identifier: [{ system: 'urn:careloop:test:mrn', value: 'OTHER-1' }],
    managingOrganization: { reference: 'Organization/app-other-org' },
  };
  const extra: Resource[] = [
    potassium,
    { resourceType: 'Organization', id: 'app-other-org', name: 'Other Clinic' },
    otherPatient,
    task('app-task-due', id, addDays(today, 5), 'requested'),
    task('app-task-overdue', id, addDays(today, -3), 'in-progress'),
    task('app-task-done', id, addDays(today, -3), 'completed'),
    task('app-task-other', otherPatient.id!, addDays(today, -1), 'requested'),
    stay('app-stay-recent', id, addDays(today, -5)),
    stay('app-stay-old', id, addDays(checkupDate.slice(0, 10), -20)),
  ];
  await repo.upsertMany([...populationSharedResources('china'), ...resources, ...extra]);
  const signed = await interpretStoredCheckup(SYSTEM, deps, earlier.id!);
  await new SignOffService(deps).sign(clinicianOf(patient), signed.reportId);
  const current = await interpretStoredCheckup(SYSTEM, deps, latest.id!);
  return {
    patient,
    today,
    reportId: current.reportId,
    signedReportId: signed.reportId,
    potassium,
    resources: [...resources, ...extra],
    otherPatient,
  };
}

/** A fresh store of the backend holding the app fixture, with the FHIR service the app API reads through. */
export interface OpenedAppFixture {
  readonly store: Store;
  readonly fhir: FhirService;
  readonly fx: AppFixture;
  /** Drops the store. */
  readonly cleanup: () => Promise<void>;
}

/** Opens a store on `backend` (clock stepping from 2026-01-02T08:00:00Z) and writes `writeAppFixture` into it. */
export async function openAppFixture(backend: BackendUnderTest): Promise<OpenedAppFixture> {
  const clock = steppingClock('2026-01-02T08:00:00Z');
  const { store, cleanup } = await backend.open({ clock });
  try {
    const fhir = new FhirService(store.repository, new AuditLog(store.backend, clock), clock);
    const fx = await writeAppFixture(store.repository, { repo: store.repository, clock });
    return { store, fhir, fx, cleanup };
  } catch (e) {
    // Nobody else holds the store yet: drop it before reporting the failure.
    await cleanup();
    throw e;
  }
}
