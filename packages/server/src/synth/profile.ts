import type { Citation } from '@careloop/core/clinical/source';
import type { ConditionKey } from './condition-codes';

/** The two populations the generator can draw. */
export const PROFILE_KEYS = ['china', 'us'] as const;
export type ProfileKey = (typeof PROFILE_KEYS)[number];

/** A cited figure. `checked`: the number was read against the source text; false means it awaits that check. */
export interface Sourced {
  readonly source: Citation;
  readonly checked: boolean;
  /** Definition used by the source and any adaptation made here. */
  readonly note?: string;
}

/** Prevalence in percent for ages `from`–`to` inclusive, both sexes together. */
export interface PrevalenceBand {
  readonly from: number;
  readonly to: number;
  readonly percent: number;
}

/** A condition's point prevalence by age band, with the male:female ratio of the source's sex-specific figures. */
export interface PrevalenceTable extends Sourced {
  readonly bands: readonly PrevalenceBand[];
  /** Ratio of male to female prevalence; the band figure is kept as the sex-balanced average. */
  readonly maleToFemale: number;
  /** Set for sex-specific conditions; the band figure then applies to that sex only. */
  readonly sex?: 'male' | 'female';
}

/** Share of adults in an age band (weights need not sum to 1). */
export interface AgeBand {
  readonly from: number;
  readonly to: number;
  readonly weight: number;
}

/** Smoking status shares for one sex, as fractions. */
export interface SmokingShares {
  readonly current: number;
  readonly former: number;
}

/** Adult body size for one sex. */
export interface BodySize {
  readonly heightCm: number;
  readonly heightSd: number;
  readonly bmi: number;
  readonly bmiSd: number;
}

/** Everything that differs between populations: demography, risk factors, prevalence, care. */
export interface Profile {
  readonly key: ProfileKey;
  /** Prefix of every id generated for this profile, so two profiles can share one store. */
  readonly idPrefix: string;
  /** UTC offset of the population's local time. */
  readonly utcOffset: string;
  readonly ageBands: { readonly bands: readonly AgeBand[] } & Sourced;
  readonly ruralShare: number;
  readonly smoking: { readonly male: SmokingShares; readonly female: SmokingShares } & Sourced;
  readonly body: { readonly male: BodySize; readonly female: BodySize } & Sourced;
  readonly prevalence: Readonly<Partial<Record<ConditionKey, PrevalenceTable>>>;
  /** Blood pressure at or above which the profile's survey counts hypertension (mmHg). */
  readonly hypertensionThreshold: { readonly systolic: number; readonly diastolic: number };
  /** Share of people with hypertension on treatment, and of treated people below the target. */
  readonly hypertensionCare: { readonly treated: number; readonly controlled: number } & Sourced;
  /** Share of people with a second record in another source system. */
  readonly duplicateShare: number;
}
