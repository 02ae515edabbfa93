import { CONDITION_CODES, CONDITION_KEYS, FACTOR_KEYS } from './condition-codes';
import type { ConditionKey, FactorKey } from './condition-codes';
import { ageOn, toDay } from './dates';
import { inverseNormal } from './normal';
import type { PrevalenceTable, Profile, ProfileKey } from './profile';
import { PROFILES } from './profiles';
import { randomFor } from './random';
import type { Random } from './random';

/** What identifies one synthetic person: the same options always give the same person. */
export interface PersonOptions {
  /** Population seed (any 32-bit unsigned integer). */
  readonly seed: number;
  /** Position of the person in the population, from 0. */
  readonly index: number;
  readonly profile: ProfileKey;
  /** The population's "today" (ISO date): nothing happens after it. */
  readonly referenceDate: string;
}

/** One chronic condition of a person, as the generator decided it. */
export interface ConditionState {
  readonly key: ConditionKey;
  readonly onsetDay: number;
  /** On medication for it (from shortly after onset). */
  readonly treated: boolean;
  /** Treatment reaches its target (blood pressure, HbA1c, LDL). */
  readonly controlled: boolean;
}

export type SmokingStatus = 'current' | 'former' | 'never';

/** Random streams of one person: each part of the generator draws from its own, so parts stay independent. */
export const STREAM = { person: 0, conditions: 1, record: 2, checkups: 3, care: 4, home: 5 } as const;

/** The latent truth about one person from which all their resources are derived. */
export interface Person {
  readonly options: PersonOptions;
  readonly profile: Profile;
  readonly id: string;
  readonly today: number;
  readonly sex: 'male' | 'female';
  readonly birthDay: number;
  /** Whole years at the reference date. */
  readonly age: number;
  readonly factors: Readonly<Record<FactorKey, number>>;
  readonly smoking: SmokingStatus;
  readonly heightCm: number;
  /** BMI at the reference date. */
  readonly bmi: number;
  readonly conditions: readonly ConditionState[];
}

/** Yearly chance of being on medication for a condition once diagnosed (hypertension comes from the profile). */
const TREATED: Readonly<Record<ConditionKey, number>> = {
  hypertension: 0,
  diabetes: 0.85,
  dyslipidaemia: 0.5,
  ckd: 0.6,
  copd: 0.7,
  heartFailure: 0.95,
  atrialFibrillation: 0.8,
  stroke: 0.85,
  hepatitisB: 0.35,
  lungCancer: 0,
  breastCancer: 0,
  colorectalCancer: 0,
  stomachCancer: 0,
  prostateCancer: 0,
};
const CONTROLLED = 0.55;
const DAYS_PER_YEAR = 365.2425;

/** Probability (0–1) of a condition for one sex in the band containing `age`, or undefined outside the table. */
export function bandProbability(table: PrevalenceTable, sex: 'male' | 'female', age: number): number | undefined {
  const band = table.bands.find((b) => age >= b.from && age <= b.to);
  if (!band) return undefined;
  if (table.sex) return table.sex === sex ? band.percent / 100 : 0;
  const r = table.maleToFemale;
  const factor = sex === 'male' ? (2 * r) / (1 + r) : 2 / (1 + r);
  return Math.min(0.99, (band.percent / 100) * factor);
}

function liability(rng: Random, factors: Readonly<Record<FactorKey, number>>, key: ConditionKey): number {
  let z = 0;
  let shared = 0;
  for (const [factor, w] of Object.entries(CONDITION_CODES[key].loadings) as [FactorKey, number][]) {
    z += w * factors[factor];
    shared += w * w;
  }
  return z + Math.sqrt(Math.max(0, 1 - shared)) * rng.normal();
}

/**
 * Liability-threshold model (Falconer 1965): the condition is present when the liability exceeds the threshold of
 * the current age band, so the band prevalence is the cited one exactly in expectation; onset is in the first band
 * whose threshold the liability exceeds, so people with more risk fall ill younger.
 */
function drawCondition(
  rng: Random,
  table: PrevalenceTable,
  key: ConditionKey,
  p: { sex: 'male' | 'female'; age: number; birthDay: number; today: number; factors: Record<FactorKey, number> },
): number | undefined {
  const z = liability(rng, p.factors, key);
  const u = rng.next();
  const now = bandProbability(table, p.sex, p.age);
  if (now === undefined || z <= inverseNormal(1 - now)) return undefined;
  for (const band of table.bands) {
    if (band.from > p.age) break;
    const prob = bandProbability(table, p.sex, band.from) ?? 0;
    if (z > inverseNormal(1 - prob)) {
      const lo = Math.max(band.from, 18);
      const hi = Math.min(band.to + 1, (p.today - p.birthDay) / DAYS_PER_YEAR);
      const onsetAge = lo + u * Math.max(0, hi - lo);
      return Math.min(p.today - 1, p.birthDay + Math.floor(onsetAge * DAYS_PER_YEAR));
    }
  }
  return undefined;
}

function drawSmoking(profile: Profile, sex: 'male' | 'female', factor: number): SmokingStatus {
  const shares = profile.smoking[sex];
  if (factor > inverseNormal(1 - shares.current)) return 'current';
  if (factor > inverseNormal(1 - shares.current - shares.former)) return 'former';
  return 'never';
}

/** Draws the latent person for the given options (deterministic). */
export function buildPerson(options: PersonOptions): Person {
  const profile = PROFILES[options.profile];
  const rng = randomFor(options.seed, options.index, STREAM.person);
  const today = toDay(options.referenceDate);
  const sex = rng.chance(0.5) ? 'male' : 'female';
  const band = rng.weighted(profile.ageBands.bands, (b) => b.weight);
  const years = band.from + rng.next() * (band.to + 1 - band.from);
  const birthDay = today - Math.floor(years * DAYS_PER_YEAR);
  const age = ageOn(birthDay, today);
  const factors = {} as Record<FactorKey, number>;
  for (const k of FACTOR_KEYS) factors[k] = rng.normal();
  const body = profile.body[sex];
  const heightCm = Math.round(rng.gauss(body.heightCm, body.heightSd) * 10) / 10;
  // Adiposity explains 80% of BMI variance; BMI rises ~0.05/year of adult age up to 60 then plateaus.
  const bmiZ = 0.9 * factors.adiposity + Math.sqrt(1 - 0.81) * rng.normal();
  const bmi = Math.max(16, body.bmi + body.bmiSd * bmiZ + 0.05 * (Math.min(age, 60) - 40));
  const smoking = drawSmoking(profile, sex, factors.smoking);

  const crng = randomFor(options.seed, options.index, STREAM.conditions);
  const conditions: ConditionState[] = [];
  for (const key of CONDITION_KEYS) {
    const table = profile.prevalence[key];
    if (!table) continue;
    const onsetDay = drawCondition(crng, table, key, { sex, age, birthDay, today, factors });
    const t = crng.next();
    const c = crng.next();
    if (onsetDay === undefined) continue;
    const treatedShare = key === 'hypertension' ? profile.hypertensionCare.treated : TREATED[key];
    const controlledShare = key === 'hypertension' ? profile.hypertensionCare.controlled : CONTROLLED;
    const treated = t < treatedShare;
    conditions.push({ key, onsetDay, treated, controlled: treated && c < controlledShare });
  }
  const id = `${profile.idPrefix}${options.seed}-${options.index}`;
  return { options, profile, id, today, sex, birthDay, age, factors, smoking, heightCm, bmi, conditions };
}

/** The person's state of a condition on a day (undefined if not yet, or never, present). */
export function conditionOn(person: Person, key: ConditionKey, day: number): ConditionState | undefined {
  const c = person.conditions.find((x) => x.key === key);
  return c && c.onsetDay <= day ? c : undefined;
}
