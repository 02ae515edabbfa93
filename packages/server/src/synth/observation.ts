import type {
  CodeableConcept,
  Observation,
  ObservationReferenceRange,
  Organization,
  Patient,
  Quantity,
  Reference,
} from '@medplum/fhirtypes';
import { isoDateTime } from './dates';
import { SYSTEM, coding, quantity, ref } from './fhir';
import type { Interval, LabCoding } from './labs';
import type { Person } from './person';

/** Common parts of an Observation made by the generator. */
export interface ObservationBase {
  readonly id: string;
  readonly person: Person;
  readonly day: number;
  /** Minutes after local midnight. */
  readonly minutes: number;
  readonly category: CodeableConcept[];
  readonly code: CodeableConcept;
  readonly encounterId?: string;
  readonly performer?: Reference<Organization | Patient>;
}

/** A final Observation with the given value part. */
export function observation(base: ObservationBase, value: Partial<Observation>): Observation {
  const o: Observation = {
    resourceType: 'Observation',
    id: base.id,
    status: 'final',
    category: base.category,
    code: base.code,
    subject: ref('Patient', base.person.id),
    effectiveDateTime: isoDateTime(base.day, base.minutes, base.person.profile.utcOffset),
    ...value,
  };
  if (base.encounterId) o.encounter = ref('Encounter', base.encounterId);
  if (base.performer) o.performer = [base.performer];
  return o;
}

/** A LOINC code concept. */
export function loinc(code: string, display: string): CodeableConcept {
  return { coding: [coding(SYSTEM.loinc, code, display)] };
}

const FLAG = {
  H: coding(SYSTEM.interpretation, 'H', 'High'),
  L: coding(SYSTEM.interpretation, 'L', 'Low'),
} as const;

/** valueQuantity, referenceRange and (when outside it) interpretation for a lab result in the coding's unit. */
export function labValue(siValue: number, lab: LabCoding, interval: Interval): Partial<Observation> {
  const q = quantity(siValue * lab.factor, lab.unit, lab.decimals);
  const range: ObservationReferenceRange = {};
  const bound = (v: number): Quantity => quantity(v, lab.unit, lab.decimals + 1);
  if (interval.low !== undefined) range.low = bound(interval.low);
  if (interval.high !== undefined) range.high = bound(interval.high);
  const v = q.value ?? 0;
  const out: Partial<Observation> = { valueQuantity: q, referenceRange: [range] };
  if (interval.high !== undefined && v > interval.high) out.interpretation = [{ coding: [FLAG.H] }];
  else if (interval.low !== undefined && v < interval.low) out.interpretation = [{ coding: [FLAG.L] }];
  return out;
}

/** A bare valueQuantity (no range): self-measured readings carry none. */
export function labValueless(value: number, unit: string, decimals: number): Partial<Observation> {
  return { valueQuantity: quantity(value, unit, decimals) };
}
