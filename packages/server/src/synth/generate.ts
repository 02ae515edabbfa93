import type { Resource } from '@medplum/fhirtypes';
import { admissionResource, drawAdmission } from './admissions';
import type { Admission } from './admissions';
import { checkupResources } from './checkups';
import { conditionResources } from './conditions';
import { homeReadingResources } from './home-readings';
import { allergyResources, smokingResource } from './lifestyle';
import { medicationResources } from './medications';
import { sharedResources } from './organizations';
import { patientResources } from './patient';
import { STREAM, buildPerson } from './person';
import type { Person, PersonOptions } from './person';
import { PROFILES } from './profiles';
import { randomFor } from './random';

/** The default "today" of a population, so output does not depend on when it is generated. */
export const DEFAULT_REFERENCE_DATE = '2026-01-01';

/** A generated person: the latent truth (for tests and evaluation) and their FHIR resources. */
export interface GeneratedPerson {
  readonly person: Person;
  readonly admission: Admission | undefined;
  readonly resources: Resource[];
}

/** Generates one person with the truth behind their records (deterministic in the options). */
export function generatePerson(options: PersonOptions): GeneratedPerson {
  const person = buildPerson(options);
  const rng = randomFor(options.seed, options.index, STREAM.home);
  const admission = drawAdmission(person, rng);
  const resources: Resource[] = [
    ...patientResources(person),
    ...allergyResources(person, rng),
    ...conditionResources(person),
    ...medicationResources(person),
    smokingResource(person, person.today - rng.int(1, 365)),
    ...checkupResources(person),
  ];
  if (admission) {
    resources.push(admissionResource(person, admission));
    for (const o of homeReadingResources(person, admission, rng)) resources.push(o);
  }
  return { person, admission, resources };
}

/** All resources of one person, with stable ids derived from (profile, seed, index). */
export function generatePatient(options: PersonOptions): Resource[] {
  return generatePerson(options).resources;
}

/** Options of a whole population. */
export interface PopulationOptions extends Omit<PersonOptions, 'index'> {
  /** Number of people. */
  readonly patients: number;
  /** Index of the first person (to generate a slice of a population); default 0. */
  readonly start?: number;
}

/** The organisations and practitioners of the profile: emit them once, before the people. */
export function populationSharedResources(profile: PersonOptions['profile']): Resource[] {
  return sharedResources(PROFILES[profile]);
}

/** People one at a time (lazy: memory does not grow with the population size). */
export function* generatePopulation(options: PopulationOptions): Generator<Resource[]> {
  const start = options.start ?? 0;
  for (let index = start; index < start + options.patients; index++) {
    yield generatePatient({
      seed: options.seed,
      index,
      profile: options.profile,
      referenceDate: options.referenceDate,
    });
  }
}
