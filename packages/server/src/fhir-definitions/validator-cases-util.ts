import type { ValidateOptions } from '@careloop/core/fhir/validation/index';
import type { Resource } from '@medplum/fhirtypes';

/** One invalid input and the FHIRPath of the problem the validator must report (with the rule it breaks). */
export interface InvalidCase {
  readonly name: string;
  /** The spec section the rule comes from. */
  readonly source: string;
  readonly resource: unknown;
  readonly options?: ValidateOptions;
  readonly expression: string;
  /** A fragment of the expected message. */
  readonly message: string;
}

type Json = Record<string, unknown>;

/** A deep copy of a fixture, changed by `change` (which edits the copy in place). */
export function mutate(resource: Resource, change: (r: Json) => void): Json {
  const copy = structuredClone(resource) as unknown as Json;
  change(copy);
  return copy;
}

/** The object at `path` inside `r` (test helper: the path is known to exist). */
export const at = (r: Json, ...path: (string | number)[]): Json => path.reduce<Json>((o, k) => o[k] as Json, r);
