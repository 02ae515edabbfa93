import type { AllergyIntolerance, Observation } from '@medplum/fhirtypes';
import { isoDate } from './dates';
import { SYSTEM, category, coding, concept, ref } from './fhir';
import { loinc, observation } from './observation';
import type { Person, SmokingStatus } from './person';
import type { Random } from './random';

const SMOKING_VALUE: Readonly<Record<SmokingStatus, ReturnType<typeof concept>>> = {
  current: concept('Current smoker', coding(SYSTEM.snomed, '77176002', 'Smoker')),
  former: concept('Former smoker', coding(SYSTEM.snomed, '8517006', 'Ex-smoker')),
  never: concept('Never smoker', coding(SYSTEM.snomed, '266919005', 'Never smoked tobacco')),
};

/** The tobacco smoking status Observation (LOINC 72166-2) recorded on `day`. */
export function smokingResource(person: Person, day: number): Observation {
  return observation(
    {
      id: `${person.id}-smoking`,
      person,
      day,
      minutes: 8 * 60,
      category: category('social-history', 'Social History'),
      code: loinc('72166-2', 'Tobacco smoking status'),
    },
    { valueCodeableConcept: SMOKING_VALUE[person.smoking] },
  );
}

/** Allergens with their SNOMED CT substance codes, the category, the usual reaction, and relative frequency. */
const ALLERGENS = [
  { code: '373270004', display: 'Penicillin -class of antibiotic-', category: 'medication', weight: 5 },
  { code: '387406002', display: 'Sulfonamide', category: 'medication', weight: 2 },
  { code: '387458008', display: 'Aspirin', category: 'medication', weight: 1 },
  { code: '256349002', display: 'Peanut', category: 'food', weight: 1 },
] as const;
const REACTIONS = [
  { code: '126485001', display: 'Urticaria' },
  { code: '271807003', display: 'Eruption of skin' },
  { code: '39579001', display: 'Anaphylaxis' },
] as const;
/** Share of people with a recorded allergy. */
const ALLERGY_SHARE = 0.08;

/** An AllergyIntolerance for some people. */
export function allergyResources(person: Person, rng: Random): AllergyIntolerance[] {
  if (!rng.chance(ALLERGY_SHARE)) return [];
  const a = rng.weighted(ALLERGENS, (x) => x.weight);
  const reaction = rng.weighted(REACTIONS, (r) => (r.code === '39579001' ? 1 : 6));
  const recorded = person.birthDay + Math.floor((person.today - person.birthDay) * (0.3 + 0.6 * rng.next()));
  return [
    {
      resourceType: 'AllergyIntolerance',
      id: `${person.id}-allergy`,
      clinicalStatus: concept('Active', coding(SYSTEM.allergyClinical, 'active', 'Active')),
      verificationStatus: concept('Confirmed', coding(SYSTEM.allergyVerification, 'confirmed', 'Confirmed')),
      type: 'allergy',
      category: [a.category],
      criticality: reaction.code === '39579001' ? 'high' : 'low',
      code: concept(a.display, coding(SYSTEM.snomed, a.code, a.display)),
      patient: ref('Patient', person.id),
      recordedDate: isoDate(recorded),
      reaction: [
        { manifestation: [concept(reaction.display, coding(SYSTEM.snomed, reaction.code, reaction.display))] },
      ],
    },
  ];
}
