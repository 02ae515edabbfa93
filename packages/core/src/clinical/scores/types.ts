import type { LocalizedText } from '../../i18n';
import type { Citation } from '../source';

/**
 * A clinical score as data: what it needs, where it comes from, how it computes and how its value reads.
 * One definition per file under `scores/`; see `run.ts` for how inputs are checked and converted.
 */

/** A numeric input in a fixed UCUM unit; values outside [min, max] are implausible and rejected. */
export interface NumberInput {
  readonly kind: 'number';
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  /** g/mol, allowing substance units (mmol/L, µmol/L) to be converted to the mass unit (or back). */
  readonly molarMass?: number;
  readonly label: LocalizedText;
  readonly optional?: boolean;
}
export interface BooleanInput {
  readonly kind: 'boolean';
  readonly label: LocalizedText;
  readonly optional?: boolean;
}
export interface EnumInput<V extends string = string> {
  readonly kind: 'enum';
  readonly values: readonly V[];
  readonly label: LocalizedText;
  readonly optional?: boolean;
}
export type InputSpec = NumberInput | BooleanInput | EnumInput;
export type InputSchema = Readonly<Record<string, InputSpec>>;

/** The TypeScript type of the inputs a schema describes, after checking and unit conversion. */
export type InputsOf<S extends InputSchema> = {
  readonly [K in keyof S]: S[K] extends NumberInput
    ? S[K]['optional'] extends true
      ? number | undefined
      : number
    : S[K] extends BooleanInput
      ? S[K]['optional'] extends true
        ? boolean | undefined
        : boolean
      : S[K] extends EnumInput<infer V>
        ? S[K]['optional'] extends true
          ? V | undefined
          : V
        : never;
};

/** A category band: applies when `min <= value < max` (either bound may be absent), on the unrounded value. */
export interface Category {
  readonly code: string;
  readonly min?: number;
  readonly max?: number;
  readonly interpretation: LocalizedText;
}

/** What `compute` returns: the value, and optionally a category chosen by logic rather than bands. */
export interface Computed {
  readonly value: number;
  /** Overrides band lookup (e.g. KDIGO `G3a/A2`, NEWS2 "any single 3 → low-medium"). */
  readonly category?: string;
  /** Intermediate figures worth showing (e.g. points per item). */
  readonly details?: Readonly<Record<string, number | string>>;
}

export interface ScoreDefinition<S extends InputSchema = InputSchema> {
  readonly id: string;
  readonly version: string;
  readonly name: LocalizedText;
  /** Published source(s); the first is the primary one. */
  readonly source: readonly [Citation, ...Citation[]];
  /** UCUM unit of the value: `%`, `mL/min/{1.73_m2}`, `{score}`… */
  readonly unit: string;
  /** Decimals to which `value` is reported (categories use the unrounded value). */
  readonly decimals: number;
  readonly inputs: S;
  /** Why the score does not apply to these inputs (outside the validated population), or undefined. */
  readonly notApplicable?: (input: InputsOf<S>) => LocalizedText | undefined;
  readonly compute: (input: InputsOf<S>) => Computed;
  readonly categories?: readonly Category[];
  /** Decisions taken where the literature is ambiguous, with the reason (shown in docs and `--list`). */
  readonly notes?: string;
}

/** A definition with its schema type erased, for registries. */
// The schema parameter is contravariant in notApplicable/compute; erasing it needs this one widening.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyScoreDefinition = ScoreDefinition<any>;

/** Helper that keeps the literal schema type so `compute` receives typed inputs. */
export function defineScore<const S extends InputSchema>(definition: ScoreDefinition<S>): ScoreDefinition<S> {
  return definition;
}
