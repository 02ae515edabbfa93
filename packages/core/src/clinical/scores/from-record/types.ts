import type { Reference, Resource, RiskAssessment } from '@medplum/fhirtypes';
import type { QuantityInput, RawInputs, ScoreResult } from '../run';
import type { RecordContext } from './context';

/** A value as a score input takes it: a number in the score's unit, a quantity to convert, a flag or a code. */
export type RawValue = number | boolean | string | QuantityInput;

/** An input found in the record, with the resources that decided it. */
export interface Found {
  readonly value: RawValue;
  readonly basis: readonly Resource[];
  /** How it was decided, for the reviewer: "Observation/abc (LOINC 2085-9, 2020-05-01): 50 mg/dL". */
  readonly how: string;
  /** True when a flag is `false` only because nothing in the record says otherwise (no Condition, no drug). */
  readonly assumedAbsent?: boolean;
}
export interface NotFound {
  readonly missing: string;
}
export type Gathered = Found | NotFound;
/** Reads one input from a patient's record. */
export type Gatherer = (ctx: RecordContext) => Gathered;

/** How one input was obtained, as reported to the caller. */
export interface Derivation {
  readonly input: string;
  readonly value: RawValue;
  readonly basis: readonly Reference[];
  readonly how: string;
  readonly assumedAbsent: boolean;
}
export interface MissingInput {
  readonly input: string;
  readonly reason: string;
}

export interface ScoreFromRecordOptions {
  /** The date (or dateTime) the score is computed for; look-backs end here. Injected: core has no clock. */
  readonly asOf: string;
  /** Look-back in days per finding (`hdl`, `systolicBP`, `hba1c`, `smokingStatus`…; see OBSERVATION_FINDINGS). */
  readonly lookbackDays?: Readonly<Record<string, number>>;
  /** Inputs the record cannot give (race, region, questionnaire items…); they take precedence over the record. */
  readonly extraInputs?: RawInputs;
  /** When true, a flag with no evidence either way (no Condition, no drug) is missing rather than `false`. */
  readonly requireEvidence?: boolean;
}

export interface ScoreFromRecordResult {
  /** The score, or undefined when an input is missing or unusable. */
  readonly result: ScoreResult | undefined;
  /** The conclusion as a FHIR resource, when the score applies and the record has a Patient. */
  readonly riskAssessment?: RiskAssessment;
  /** Exactly the resources the inputs were taken from (the RiskAssessment's `basis`). */
  readonly used: readonly Reference[];
  readonly missing: readonly MissingInput[];
  readonly derivations: readonly Derivation[];
}
