import type { Citation } from '../../source';

/**
 * Coded answers read from a record: tobacco smoking status (LOINC 72166-2) and race (US Core race extension).
 * `true`/`false` decide the input; `undefined` means the record says "unknown", which leaves the input missing.
 */
export const SMOKING_SOURCE: readonly Citation[] = [
  {
    citation: 'LOINC answer list LL2201-3 (answers to 72166-2 Tobacco smoking status), Regenstrief Institute.',
    url: 'https://loinc.org/LL2201-3',
  },
  {
    citation: 'HL7 US Core Implementation Guide 3.1.1, ValueSet us-core-observation-smokingstatus (SNOMED CT).',
    url: 'https://hl7.org/fhir/us/core/STU3.1.1/ValueSet-us-core-observation-smokingstatus.html',
  },
];

export interface SmokingAnswer {
  readonly display: string;
  /** Whether the answer means a current smoker; undefined when it does not say. */
  readonly current: boolean | undefined;
}

/** SNOMED CT (US Core) and LOINC (LL2201-3) answers, keyed by code (the two code spaces do not overlap). */
export const SMOKING_ANSWERS: Readonly<Record<string, SmokingAnswer>> = {
  '449868002': { display: 'Current every day smoker', current: true },
  '428041000124106': { display: 'Current some day smoker', current: true },
  '77176002': { display: 'Smoker, current status unknown', current: true },
  '65568007': { display: 'Cigarette smoker', current: true },
  '428071000124103': { display: 'Current heavy tobacco smoker', current: true },
  '428061000124105': { display: 'Current light tobacco smoker', current: true },
  '8517006': { display: 'Former smoker', current: false },
  '266919005': { display: 'Never smoker', current: false },
  '266927001': { display: 'Unknown if ever smoked', current: undefined },
  'LA18976-3': { display: 'Current every day smoker', current: true },
  'LA18977-1': { display: 'Current some day smoker', current: true },
  'LA18979-7': { display: 'Smoker, current status unknown', current: true },
  'LA18981-3': { display: 'Heavy tobacco smoker', current: true },
  'LA18982-1': { display: 'Light tobacco smoker', current: true },
  'LA15920-4': { display: 'Former smoker', current: false },
  'LA18978-9': { display: 'Never smoker', current: false },
  'LA18980-5': { display: 'Unknown if ever smoked', current: undefined },
};

export const US_CORE_RACE_URL = 'http://hl7.org/fhir/us-core/StructureDefinition/us-core-race';

/**
 * OMB race categories (CDC Race & Ethnicity code system, urn:oid:2.16.840.1.113883.6.238) mapped to the race
 * values of the scores: the Pooled Cohort Equations have white and African-American equations and use the white
 * ones for everyone else (Goff 2014); other categories are therefore `other`.
 */
export const OMB_RACE: Readonly<Record<string, 'white' | 'african-american' | 'other'>> = {
  '2106-3': 'white',
  '2054-5': 'african-american',
  '1002-5': 'other',
  '2028-9': 'other',
  '2076-8': 'other',
  '2131-1': 'other',
};
