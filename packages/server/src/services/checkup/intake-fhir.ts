import type { Encounter, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { idOf } from '../references';
import { badRequest, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { Repository } from '../../store/repository';
import { searchAll } from './search-all';

/** A stored checkup: the visit, its results, and the person's record up to that visit. */
export interface StoredCheckup {
  readonly patient: Patient;
  readonly encounter: Encounter;
  readonly observations: readonly Observation[];
  /** Earlier Observations and the person's Conditions and medications (nothing dated after the visit). */
  readonly history: readonly Resource[];
}

/** Record types the engine reads as history besides Observations. */
const HISTORY_TYPES = ['Condition', 'MedicationRequest', 'MedicationStatement', 'AllergyIntolerance'] as const;

/** The end of the visit (its day, when only a date is recorded): later records are not its history. */
function visitEnd(encounter: Encounter): string | undefined {
  const end = encounter.period?.end ?? encounter.period?.start;
  if (!end) return undefined;
  return end.length === 10 ? `${end}T23:59:59.999Z` : end;
}

function observationTime(o: Observation): string | undefined {
  return o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.effectiveInstant ?? o.issued;
}

function isBefore(when: string | undefined, end: string | undefined): boolean {
  if (!when || !end) return true;
  const t = Date.parse(when.length === 10 ? `${when}T00:00:00Z` : when);
  return Number.isNaN(t) || t <= Date.parse(end);
}

/**
 * Loads a checkup (an Encounter already in the store, from FHIR import, CSV intake or the synthetic generator)
 * with its Observations and the person's history. 404 when the Encounter is absent, 400 when it has no subject.
 */
export async function loadCheckup(repo: Repository, encounterId: string): Promise<StoredCheckup> {
  const encounter = await repo.read<Encounter>('Encounter', encounterId);
  const subject = encounter.subject?.reference;
  const patientId = idOf(subject, 'Patient');
  if (!subject || !patientId)
    throw new OperationOutcomeError(badRequest(`Encounter/${encounterId} has no Patient subject`, 'Encounter.subject'));
  const patient = await repo.read<Patient>('Patient', patientId);
  const all = await searchAll<Observation>(repo, 'Observation', { subject: subject });
  const own = `Encounter/${encounterId}`;
  const end = visitEnd(encounter);
  const observations = all.filter((o) => o.encounter?.reference === own);
  const history: Resource[] = all.filter((o) => o.encounter?.reference !== own && isBefore(observationTime(o), end));
  for (const type of HISTORY_TYPES) history.push(...(await searchAll(repo, type, { patient: subject })));
  return { patient, encounter, observations, history };
}

/** Checkup Encounters (SNOMED 185349003 "Encounter for check up") of one day, in visit order. */
export async function checkupsOn(repo: Repository, date: string): Promise<Encounter[]> {
  return searchAll<Encounter>(repo, 'Encounter', {
    date,
    type: 'http://snomed.info/sct|185349003',
    _sort: 'date',
  });
}
