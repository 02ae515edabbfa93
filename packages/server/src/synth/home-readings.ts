import type { Observation } from '@medplum/fhirtypes';
import type { Admission } from './admissions';
import { bpValue } from './checkups';
import { category, quantity, ref } from './fhir';
import { bloodPressure, bmiOn } from './measurements';
import { labValueless, loinc, observation } from './observation';
import type { Person } from './person';
import { conditionOn } from './person';
import type { Random } from './random';

const VITAL_SIGNS = category('vital-signs', 'Vital Signs');
const BP = loinc('85354-9', 'Blood pressure panel with all children optional');
const WEIGHT = loinc('29463-7', 'Body weight');
const GLUCOSE = {
  china: {
    code: loinc('14743-9', 'Glucose [Moles/volume] in Capillary blood by Glucometer'),
    unit: 'mmol/L',
    factor: 1,
    decimals: 1,
  },
  us: {
    code: loinc('41653-7', 'Glucose [Mass/volume] in Capillary blood by Glucometer'),
    unit: 'mg/dL',
    factor: 18.016,
    decimals: 0,
  },
} as const;
/** Days at the end of a deteriorating follow-up over which the trend builds. */
const WEIGHT_GAIN_DAYS = 5;
const RISING_BP_DAYS = 10;

/**
 * Daily self-measured readings (BP, weight, and glucose for diabetics) from the day after discharge to the end of
 * follow-up. A `weight-gain` trend adds ~0.6 kg/day over the last 5 days (≥2 kg: the heart-failure alert); a
 * `rising-bp` trend adds ~2.5 mmHg/day systolic over the last 10 days.
 */
export function homeReadingResources(person: Person, a: Admission, rng: Random): Observation[] {
  if (!a.followUp) return [];
  const { endDay, trend } = a.followUp;
  const h = person.heightCm / 100;
  const patient = ref('Patient', person.id);
  const dm = conditionOn(person, 'diabetes', a.dischargeDay);
  const glucose = GLUCOSE[person.profile.key];
  const out: Observation[] = [];
  for (let day = a.dischargeDay + 1; day <= endDay; day++) {
    const minutes = 7 * 60 + rng.int(0, 60);
    const toEnd = endDay - day;
    const base = (suffix: string, code: typeof BP) => ({
      id: `${person.id}-h${day}-${suffix}`,
      person,
      day,
      minutes,
      category: VITAL_SIGNS,
      code,
      performer: patient,
    });
    const bp = bloodPressure(person, day, rng);
    const rise = trend === 'rising-bp' && toEnd < RISING_BP_DAYS ? 2.5 * (RISING_BP_DAYS - toEnd) : 0;
    out.push(observation(base('bp', BP), bpValue(Math.round(bp.systolic + rise), Math.round(bp.diastolic + rise / 3))));
    const gain = trend === 'weight-gain' && toEnd < WEIGHT_GAIN_DAYS ? 0.6 * (WEIGHT_GAIN_DAYS - toEnd) : 0;
    const weight = bmiOn(person, a.dischargeDay) * h * h + gain + rng.gauss(0, 0.25);
    out.push(observation(base('wt', WEIGHT), { valueQuantity: quantity(weight, 'kg', 1) }));
    if (dm) {
      const mmol = Math.max(4, rng.gauss(dm.controlled ? 6.8 : 8.8, 1.2));
      out.push(
        observation(base('glu', glucose.code), labValueless(mmol * glucose.factor, glucose.unit, glucose.decimals)),
      );
    }
  }
  return out;
}
