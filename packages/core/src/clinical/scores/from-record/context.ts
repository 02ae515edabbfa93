import type {
  Condition,
  Medication,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Patient,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import { dateRange } from '../../../fhir/dates';
import { OBSERVATION_FINDINGS } from './loinc';
import type { FindingName } from './loinc';

/** One patient's resources, sorted by type, with the date everything is judged at. */
export interface RecordContext {
  readonly patient?: Patient;
  readonly observations: readonly Observation[];
  readonly conditions: readonly Condition[];
  readonly medicationUses: readonly (MedicationRequest | MedicationStatement)[];
  /** Medications by `Medication/<id>` (and `urn:uuid:<id>`), for `medicationReference`. */
  readonly medications: ReadonlyMap<string, Medication>;
  readonly asOf: string;
  /** First and last instant (epoch ms) of `asOf`. */
  readonly asOfStart: number;
  readonly asOfEnd: number;
  readonly lookbackDays: (finding: FindingName) => number;
}

export interface ContextOptions {
  readonly asOf: string;
  readonly lookbackDays?: Readonly<Record<string, number>>;
}

/** The reference to a resource, `Type/id`. */
export function referenceTo<T extends Resource>(resource: T): Reference<T> {
  return resource.id
    ? { reference: `${resource.resourceType}/${resource.id}` }
    : { type: resource.resourceType, display: `${resource.resourceType} without id` };
}

/** `Observation/abc`, for messages. */
export function label(resource: Resource): string {
  return `${resource.resourceType}/${resource.id ?? '?'}`;
}

function pointsTo(ref: Reference | undefined, patient: Patient | undefined): boolean {
  if (!ref?.reference || !patient?.id) return true;
  const r = ref.reference;
  return r === `Patient/${patient.id}` || r === `urn:uuid:${patient.id}` || r.endsWith(`/Patient/${patient.id}`);
}

function subjectOf(resource: Resource): Reference | undefined {
  if (
    resource.resourceType === 'Observation' ||
    resource.resourceType === 'Condition' ||
    resource.resourceType === 'MedicationRequest' ||
    resource.resourceType === 'MedicationStatement'
  ) {
    return resource.subject;
  }
  return undefined;
}

/** Sorts the resources; those whose subject is another patient are left out. Throws on an invalid `asOf`. */
export function buildContext(resources: readonly Resource[], options: ContextOptions): RecordContext {
  const asOf = dateRange(options.asOf);
  if (!asOf) throw new Error(`asOf must be a FHIR date or dateTime, got "${options.asOf}"`);
  const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
  const own = resources.filter((r) => pointsTo(subjectOf(r), patient));
  const medications = new Map<string, Medication>();
  for (const r of own) {
    if (r.resourceType === 'Medication' && r.id) {
      medications.set(`Medication/${r.id}`, r);
      medications.set(`urn:uuid:${r.id}`, r);
    }
  }
  const overrides = options.lookbackDays ?? {};
  return {
    ...(patient ? { patient } : {}),
    observations: own.filter((r): r is Observation => r.resourceType === 'Observation'),
    conditions: own.filter((r): r is Condition => r.resourceType === 'Condition'),
    medicationUses: own.filter(
      (r): r is MedicationRequest | MedicationStatement =>
        r.resourceType === 'MedicationRequest' || r.resourceType === 'MedicationStatement',
    ),
    medications,
    asOf: options.asOf,
    asOfStart: asOf.low,
    asOfEnd: asOf.high,
    lookbackDays: (finding) => overrides[finding] ?? OBSERVATION_FINDINGS[finding].lookbackDays,
  };
}

/** The first instant of a FHIR date/dateTime, or undefined. */
export function instantOf(value: string | undefined): number | undefined {
  return value ? dateRange(value)?.low : undefined;
}

/** The ISO date (UTC) of an instant, for messages. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
