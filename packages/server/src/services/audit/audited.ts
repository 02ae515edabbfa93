import { OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import { auditOutcomeOf } from '../access/refusal';
import type { RequestContext } from '../context';
import type { AuditInput, AuditKind, AuditRecorder } from './recorder';

type Described = Omit<AuditInput, 'kind' | 'outcome'>;

/**
 * Runs `fn` and records one audit event for it: success with what `describe` says of the result, or the refusal
 * or failure with what was asked (`asked`). The error is rethrown unchanged.
 */
export async function audited<T>(
  recorder: AuditRecorder,
  ctx: RequestContext,
  kind: AuditKind,
  asked: Described,
  fn: () => Promise<T>,
  describe: (value: T) => Described,
  options: { readonly successes?: boolean } = {},
): Promise<T> {
  let value: T;
  try {
    value = await fn();
  } catch (err) {
    const outcome = auditOutcomeOf(err);
    // Refusal messages are ours (no data); other errors may quote the input, so only their status is kept.
    const status = err instanceof OperationOutcomeError ? err.status : 500;
    const detail = outcome === 'refused' && err instanceof Error ? err.message.slice(0, 300) : `HTTP ${status}`;
    await recorder.record(ctx, { kind, outcome, ...asked, detail });
    throw err;
  }
  // A check that only guards a later, audited step records its refusals, not its successes.
  if (options.successes !== false)
    await recorder.record(ctx, { kind, outcome: 'success', ...asked, ...describe(value) });
  return value;
}
