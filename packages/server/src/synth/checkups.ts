import type { Encounter, Resource } from '@medplum/fhirtypes';
import { ageOn, isoDate, isoDateTime } from './dates';
import { SYSTEM, category, coding, concept, quantity, ref } from './fhir';
import { LABS, intervalFor } from './labs';
import { labsOn, vitalsOn } from './measurements';
import { labValue, loinc, observation } from './observation';
import type { ObservationBase } from './observation';
import { gpOf, sharedIds } from './organizations';
import type { Person } from './person';
import { STREAM, conditionOn } from './person';
import { randomFor } from './random';
import type { Random } from './random';

/** Number of annual checkups a person has had (0–3), with these weights. */
const CHECKUP_COUNT_WEIGHTS = [0.15, 0.3, 0.3, 0.25] as const;
/** Share of people whose latest checkup is in the last 30 days (results awaiting review). */
const RECENT_SHARE = 0.3;

/** The days of a person's annual checkups, oldest first (all on or after their 18th birthday). */
export function checkupDays(person: Person, rng: Random): number[] {
  const r = rng.next();
  let count = 0;
  let acc = 0;
  for (const [i, w] of CHECKUP_COUNT_WEIGHTS.entries()) {
    acc += w;
    if (r < acc) {
      count = i;
      break;
    }
  }
  const days: number[] = [];
  let day = person.today - (rng.chance(RECENT_SHARE) ? rng.int(1, 30) : rng.int(31, 365));
  for (let i = 0; i < count; i++) {
    if (ageOn(person.birthDay, day) < 18) break;
    days.unshift(day);
    day -= rng.int(345, 385);
  }
  return days;
}

const VITALS = {
  height: loinc('8302-2', 'Body height'),
  weight: loinc('29463-7', 'Body weight'),
  bmi: loinc('39156-5', 'Body mass index (BMI) [Ratio]'),
  waist: loinc('8280-0', 'Waist Circumference at umbilicus by Tape measure'),
  bp: loinc('85354-9', 'Blood pressure panel with all children optional'),
  systolic: loinc('8480-6', 'Systolic blood pressure'),
  diastolic: loinc('8462-4', 'Diastolic blood pressure'),
  heartRate: loinc('8867-4', 'Heart rate'),
  hbsag: loinc('5196-1', 'Hepatitis B virus surface Ag [Presence] in Serum'),
} as const;

const VITAL_SIGNS = category('vital-signs', 'Vital Signs');
const LABORATORY = category('laboratory', 'Laboratory');
const CHECKUP_TYPE = {
  china: concept('年度健康体检', coding(SYSTEM.snomed, '185349003', 'Encounter for check up')),
  us: concept('Annual health checkup', coding(SYSTEM.snomed, '185349003', 'Encounter for check up')),
} as const;

/** A blood-pressure panel Observation value (components in mm[Hg]). */
export function bpValue(systolic: number, diastolic: number): Parameters<typeof observation>[1] {
  return {
    component: [
      { code: VITALS.systolic, valueQuantity: quantity(systolic, 'mm[Hg]', 0) },
      { code: VITALS.diastolic, valueQuantity: quantity(diastolic, 'mm[Hg]', 0) },
    ],
  };
}

function checkup(person: Person, day: number, rng: Random): Resource[] {
  const ids = sharedIds(person.profile);
  const encounterId = `${person.id}-c${isoDate(day).replaceAll('-', '')}`;
  const start = rng.int(8 * 60, 10 * 60 + 30);
  const offset = person.profile.utcOffset;
  const encounter: Encounter = {
    resourceType: 'Encounter',
    id: encounterId,
    status: 'finished',
    class: { system: SYSTEM.actCode, code: 'AMB', display: 'ambulatory' },
    type: [CHECKUP_TYPE[person.profile.key]],
    subject: ref('Patient', person.id),
    participant: [{ individual: ref('Practitioner', gpOf(person)) }],
    period: { start: isoDateTime(day, start, offset), end: isoDateTime(day, start + 90, offset) },
    serviceProvider: ref('Organization', ids.checkupCentre),
  };
  const performer = ref('Organization', ids.checkupCentre);
  const base = (suffix: string, code: ObservationBase['code'], lab: boolean): ObservationBase => ({
    id: `${encounterId}-${suffix}`,
    person,
    day,
    minutes: start + (lab ? 10 : 5),
    category: lab ? LABORATORY : VITAL_SIGNS,
    code,
    encounterId,
    performer,
  });
  const v = vitalsOn(person, day, rng);
  const out: Resource[] = [
    encounter,
    observation(base('height', VITALS.height, false), { valueQuantity: quantity(v.heightCm, 'cm', 1) }),
    observation(base('weight', VITALS.weight, false), { valueQuantity: quantity(v.weightKg, 'kg', 1) }),
    observation(base('bmi', VITALS.bmi, false), { valueQuantity: quantity(v.bmi, 'kg/m2', 1) }),
    observation(base('waist', VITALS.waist, false), { valueQuantity: quantity(v.waistCm, 'cm', 1) }),
    observation(base('bp', VITALS.bp, false), bpValue(v.systolic, v.diastolic)),
    observation(base('hr', VITALS.heartRate, false), { valueQuantity: quantity(v.heartRate, '/min', 0) }),
  ];
  const labs = labsOn(person, day, rng);
  const key = person.profile.key;
  for (const lab of LABS) {
    const coding = lab[key];
    out.push(
      observation(
        base(lab.key, loinc(coding.loinc, coding.display), true),
        labValue(labs[lab.key], coding, intervalFor(coding, person.sex)),
      ),
    );
  }
  const hbv = conditionOn(person, 'hepatitisB', day);
  if (key === 'china' || hbv) {
    const result = hbv
      ? concept('Positive', coding(SYSTEM.snomed, '10828004', 'Positive'))
      : concept('Negative', coding(SYSTEM.snomed, '260385009', 'Negative'));
    out.push(
      observation(base('hbsag', VITALS.hbsag, true), {
        valueCodeableConcept: result,
        referenceRange: [{ text: 'Negative' }],
      }),
    );
  }
  return out;
}

/** The person's annual checkups: an Encounter each, with vitals and labs as Observations. */
export function checkupResources(person: Person): Resource[] {
  const rng = randomFor(person.options.seed, person.options.index, STREAM.checkups);
  return checkupDays(person, rng).flatMap((day) => checkup(person, day, rng));
}
