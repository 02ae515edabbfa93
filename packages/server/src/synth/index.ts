/** `careloop synth`: deterministic synthetic FHIR R4 populations (public API). */
export {
  DEFAULT_REFERENCE_DATE,
  generatePatient,
  generatePerson,
  generatePopulation,
  populationSharedResources,
} from './generate';
export type { GeneratedPerson, PopulationOptions } from './generate';
export type { PersonOptions, Person, ConditionState } from './person';
export type { Admission, FollowUpTrend } from './admissions';
export { PROFILE_KEYS } from './profile';
export type { ProfileKey, Profile, PrevalenceTable } from './profile';
export { PROFILES } from './profiles';
export { MRN_SYSTEM, SECOND_MRN_SYSTEM, RESIDENT_ID_SYSTEM } from './patient';
export { SYNTH_FORMATS, transactionBundle, writerFor } from './writers';
export type { SynthFormat, PopulationWriter } from './writers';
export { writePopulation } from './write-population';
export type { SynthSummary, WritePopulationOptions } from './write-population';
