import type { Resource } from '@medplum/fhirtypes';
import { OperationOutcomeError, preconditionFailed } from '@careloop/core/fhir/outcomes';

/** The single match of a conditional operation, undefined for none; several are a 412 naming the operation. */
export function atMostOne(matches: readonly Resource[], operation: string): Resource | undefined {
  if (matches.length > 1)
    throw new OperationOutcomeError(preconditionFailed(`${operation} matched more than one resource`));
  return matches[0];
}
