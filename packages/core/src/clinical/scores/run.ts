import type { LocalizedText } from '../../i18n';
import { convertUnit } from '../../fhir/units';
import type { Citation } from '../source';
import type { AnyScoreDefinition, Category, InputSpec } from './types';

/** A number with its unit, as callers may give any numeric input: `{ value: 5.2, unit: 'mmol/L' }`. */
export interface QuantityInput {
  readonly value: number;
  readonly unit: string;
}
export type RawInputs = Readonly<Record<string, unknown>>;

export interface InputProblem {
  readonly input: string;
  readonly message: string;
}

/** Thrown when inputs are missing, mistyped, inconvertible or implausible; names every input at fault. */
export class ScoreInputError extends Error {
  readonly problems: readonly InputProblem[];
  constructor(score: string, problems: readonly InputProblem[]) {
    super(`${score}: ${problems.map((p) => `${p.input}: ${p.message}`).join('; ')}`);
    this.name = 'ScoreInputError';
    this.problems = problems;
  }
}

export interface ScoreValue {
  readonly score: string;
  readonly applicable: true;
  readonly value: number;
  readonly unit: string;
  readonly category?: string;
  readonly interpretation?: LocalizedText;
  readonly details?: Readonly<Record<string, number | string>>;
  readonly source: readonly Citation[];
  /** The inputs as used, converted to the score's units. */
  readonly inputs: Readonly<Record<string, number | boolean | string | undefined>>;
}
export interface ScoreNotApplicable {
  readonly score: string;
  readonly applicable: false;
  readonly reason: LocalizedText;
  readonly source: readonly Citation[];
}
export type ScoreResult = ScoreValue | ScoreNotApplicable;

function isQuantity(v: unknown): v is QuantityInput {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as QuantityInput).value === 'number' &&
    typeof (v as QuantityInput).unit === 'string'
  );
}

function checkInput(spec: InputSpec, raw: unknown): { value?: number | boolean | string; problem?: string } {
  if (raw === undefined || raw === null) return spec.optional ? {} : { problem: 'is required' };
  switch (spec.kind) {
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : { problem: 'must be true or false' };
    case 'enum':
      return typeof raw === 'string' && spec.values.includes(raw)
        ? { value: raw }
        : { problem: `must be one of ${spec.values.join(', ')}` };
    case 'number': {
      let value: number;
      if (typeof raw === 'number') value = raw;
      else if (isQuantity(raw)) {
        const c = convertUnit(raw.value, raw.unit, spec.unit, spec.molarMass);
        if (!c.ok) return { problem: c.message };
        value = c.value;
      } else return { problem: `must be a number in ${spec.unit} or { value, unit }` };
      if (!Number.isFinite(value)) return { problem: 'must be a finite number' };
      if (value < spec.min || value > spec.max) {
        return {
          problem: `${+value.toFixed(4)} ${spec.unit} is outside the plausible range ${spec.min}–${spec.max} ${spec.unit}`,
        };
      }
      return { value };
    }
  }
}

/** The band a value falls in: `min <= value < max`. */
export function categoryOf(categories: readonly Category[] | undefined, value: number): Category | undefined {
  return categories?.find((c) => (c.min === undefined || value >= c.min) && (c.max === undefined || value < c.max));
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * f) / f;
}

/**
 * Checks and converts the inputs, then computes the score. Throws ScoreInputError naming each bad input;
 * returns "not applicable, because…" as a value.
 */
export function runScore(def: AnyScoreDefinition, raw: RawInputs): ScoreResult {
  const problems: InputProblem[] = [];
  const inputs: Record<string, number | boolean | string | undefined> = {};
  for (const [name, spec] of Object.entries(def.inputs as Readonly<Record<string, InputSpec>>)) {
    const r = checkInput(spec, raw[name]);
    if (r.problem) problems.push({ input: name, message: r.problem });
    else inputs[name] = r.value;
  }
  for (const name of Object.keys(raw)) {
    if (!(name in def.inputs)) problems.push({ input: name, message: 'is not an input of this score' });
  }
  if (problems.length > 0) throw new ScoreInputError(def.id, problems);
  const reason = def.notApplicable?.(inputs);
  if (reason) return { score: def.id, applicable: false, reason, source: def.source };
  const computed = def.compute(inputs);
  const code = computed.category ?? categoryOf(def.categories, computed.value)?.code;
  const category = code ? def.categories?.find((c) => c.code === code) : undefined;
  return {
    score: def.id,
    applicable: true,
    value: round(computed.value, def.decimals),
    unit: def.unit,
    ...(code ? { category: code } : {}),
    ...(category ? { interpretation: category.interpretation } : {}),
    ...(computed.details ? { details: computed.details } : {}),
    source: def.source,
    inputs,
  };
}
