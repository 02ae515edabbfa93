import { notFound, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { AuditInput } from '../audit/recorder';

/**
 * A record the user may not see, answered exactly like a missing one (404): reads, vreads, history and deletes of
 * out-of-scope records never confirm that they exist. Operations the user may not do at all, and writes whose
 * patient is out of scope, are 403 instead (they reveal nothing the user did not send).
 */
export class OutOfScopeError extends OperationOutcomeError {
  constructor(what: string) {
    super(notFound(what));
  }
}

/** The audit outcome of an error: refusals (401, 403, hidden records) versus failures. */
export function auditOutcomeOf(err: unknown): AuditInput['outcome'] {
  if (err instanceof OutOfScopeError) return 'refused';
  if (err instanceof OperationOutcomeError && (err.status === 401 || err.status === 403)) return 'refused';
  return 'failed';
}
