import type { Encounter } from '@medplum/fhirtypes';
import { CONDITION_CODES } from './condition-codes';
import type { ConditionKey } from './condition-codes';
import { conditionId } from './conditions';
import { isoDate, isoDateTime } from './dates';
import { SYSTEM, coding, concept, ref } from './fhir';
import { sharedIds } from './organizations';
import type { Person } from './person';
import type { Random } from './random';

/** How a follow-up after discharge goes: home readings stay stable, or show a deterioration to catch. */
export type FollowUpTrend = 'stable' | 'weight-gain' | 'rising-bp';

/** One hospital stay in the year before the reference date, and the follow-up that came after it. */
export interface Admission {
  readonly key: ConditionKey;
  readonly admitDay: number;
  readonly dischargeDay: number;
  readonly disposition: 'home' | 'snf' | 'rehab';
  /** Enrolled in home monitoring from the day after discharge to `endDay` inclusive. */
  readonly followUp?: { readonly endDay: number; readonly trend: FollowUpTrend };
}

/** Share of admissions discharged in the last 90 days (recent enough to be in follow-up). */
const RECENT_DISCHARGE = 0.5;
const FOLLOW_UP_ENROLMENT = 0.75;
const FOLLOW_UP_DAYS = 60;
const LENGTH_OF_STAY: Partial<Record<ConditionKey, readonly [number, number]>> = {
  heartFailure: [5, 10],
  copd: [4, 9],
  stroke: [7, 14],
  lungCancer: [5, 12],
  stomachCancer: [5, 12],
  colorectalCancer: [5, 12],
  breastCancer: [3, 7],
};

/** Draws whether the person was admitted in the last year, for which condition, and their follow-up. */
export function drawAdmission(person: Person, rng: Random): Admission | undefined {
  const eligible = person.conditions.filter(
    (c) => CONDITION_CODES[c.key].admissionPerYear > 0 && c.onsetDay < person.today - 60,
  );
  const none = eligible.reduce((p, c) => p * (1 - CONDITION_CODES[c.key].admissionPerYear), 1);
  const draw = rng.next();
  if (eligible.length === 0 || draw >= 1 - none) return undefined;
  const cause = rng.weighted(eligible, (c) => CONDITION_CODES[c.key].admissionPerYear);
  const dischargeDay = person.today - (rng.chance(RECENT_DISCHARGE) ? rng.int(2, 90) : rng.int(91, 365));
  const [lo, hi] = LENGTH_OF_STAY[cause.key] ?? [3, 7];
  const admitDay = Math.max(cause.onsetDay + 1, dischargeDay - rng.int(lo, hi));
  const r = rng.next();
  const disposition = r < 0.85 ? 'home' : r < 0.93 ? 'rehab' : 'snf';
  const enrolled = person.today - dischargeDay <= 90 && disposition === 'home' && rng.chance(FOLLOW_UP_ENROLMENT);
  if (!enrolled) return { key: cause.key, admitDay, dischargeDay, disposition };
  const hasHf = person.conditions.some((c) => c.key === 'heartFailure');
  const hasHtn = person.conditions.some((c) => c.key === 'hypertension');
  const t = rng.next();
  const trend: FollowUpTrend = hasHf && t < 0.4 ? 'weight-gain' : hasHtn && t > 0.7 ? 'rising-bp' : 'stable';
  const endDay = Math.min(dischargeDay + FOLLOW_UP_DAYS, person.today - 1);
  return { key: cause.key, admitDay, dischargeDay, disposition, followUp: { endDay, trend } };
}

const DISPOSITION = {
  home: coding(SYSTEM.dischargeDisposition, 'home', 'Home'),
  rehab: coding(SYSTEM.dischargeDisposition, 'rehab', 'Rehabilitation'),
  snf: coding(SYSTEM.dischargeDisposition, 'snf', 'Skilled nursing facility'),
} as const;

/** The inpatient Encounter (class IMP) with its discharge diagnosis and disposition. */
export function admissionResource(person: Person, a: Admission): Encounter {
  const offset = person.profile.utcOffset;
  const condition = ref('Condition', conditionId(person, a.key));
  const d = DISPOSITION[a.disposition];
  return {
    resourceType: 'Encounter',
    id: `${person.id}-a${isoDate(a.admitDay).replaceAll('-', '')}`,
    status: 'finished',
    class: { system: SYSTEM.actCode, code: 'IMP', display: 'inpatient encounter' },
    subject: ref('Patient', person.id),
    period: { start: isoDateTime(a.admitDay, 14 * 60, offset), end: isoDateTime(a.dischargeDay, 10 * 60, offset) },
    reasonReference: [condition],
    diagnosis: [
      {
        condition,
        use: concept('Discharge diagnosis', coding(SYSTEM.diagnosisRole, 'DD', 'Discharge diagnosis')),
        rank: 1,
      },
    ],
    hospitalization: { dischargeDisposition: concept(d.display ?? '', d) },
    serviceProvider: ref('Organization', sharedIds(person.profile).hospital),
  };
}
