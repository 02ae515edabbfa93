import type { CodeSystem, StructureDefinition, ValueSet } from '@medplum/fhirtypes';
import type { Problem } from '../outcomes';
import type { ValidationContext } from './context';

/** The definitions a validator is compiled from: the R4 base StructureDefinitions and the terminology they bind to. */
export interface ValidatorDefinitions {
  /** Base StructureDefinitions (profiles-types + profiles-resources); constraints/profiles are ignored. */
  readonly structureDefinitions: readonly StructureDefinition[];
  /** ValueSets used to expand required bindings. */
  readonly valueSets: readonly ValueSet[];
  /** CodeSystems whose complete concept lists expand `include.system`-only value sets. */
  readonly codeSystems?: readonly CodeSystem[];
}

/** Per-call switches of `validate`. */
export interface ValidateOptions {
  /** Accept conditional references `Type?search` (they are legal inside transaction Bundles only). */
  readonly allowConditionalReferences?: boolean;
  /** Stop descending below this nesting depth and report it (guards the stack against hostile input); default 128. */
  readonly maxDepth?: number;
}

/** A compiled validator: pure and reusable; `validate` returns the problems found (empty when valid). */
export interface Validator {
  validate(resource: unknown, options?: ValidateOptions): Problem[];
  /** Every concrete resource type the validator accepts, sorted. */
  readonly resourceTypes: readonly string[];
}

/** Checks one JSON value (never an array) found at the context's current path. */
export type ValueChecker = (value: unknown, ctx: ValidationContext) => void;

/** Checks run on an object after its properties (invariants such as ext-1, reference formats). */
export type ObjectHook = (value: Readonly<Record<string, unknown>>, ctx: ValidationContext) => void;

/** One element of a type (e.g. `Observation.value[x]`), shared by every JSON key that carries it. */
export interface ElementRule {
  /** Name without `[x]`: used in the FHIRPath of "missing" problems. */
  readonly name: string;
  readonly min: number;
  /** `Infinity` for `*`. */
  readonly max: number;
  /** Represented as a JSON array (the base definition's max is not 1). */
  readonly isArray: boolean;
  readonly isChoice: boolean;
  /** Every JSON key carrying this element, `_` twins of primitives included. */
  readonly keys: string[];
}

/** What to do with one JSON key of an object. */
export interface PropertyRule {
  readonly element: ElementRule;
  /** Checks each (non-null) value, or each array item. */
  readonly check: ValueChecker;
  /** The key carries a primitive value, or (isExtension) the `_` twin of one. */
  readonly primitive: boolean;
  /** A `_key` holding the id/extensions of primitive `key`. */
  readonly isExtension: boolean;
  /** The key without the leading `_`: the FHIRPath segment and the choice identity. */
  readonly segment: string;
  /** The other half of a primitive pair (`_key` for `key` and vice versa). */
  readonly twinKey: string;
}

/** A compiled complex type, resource or BackboneElement: its properties keyed by JSON name. */
export interface ObjectRule {
  /** Type name or backbone path, for messages. */
  readonly typeName: string;
  readonly isResource: boolean;
  readonly props: Map<string, PropertyRule>;
  readonly required: ElementRule[];
  readonly hooks: ObjectHook[];
}
