import type { RequestContext } from '../context';
import type { AuditInput, AuditRecorder } from './recorder';

/**
 * Holds the events of work inside a database transaction: they are appended once it ends (the audit log appends
 * in its own transaction, which SQLite could not start inside another). If the transaction rolls back, its
 * successes did not happen and are dropped; refusals and failures are still recorded.
 */
export class BufferedAuditRecorder implements AuditRecorder {
  private readonly events: { ctx: RequestContext; event: AuditInput }[] = [];

  record(ctx: RequestContext, event: AuditInput): Promise<void> {
    this.events.push({ ctx, event });
    return Promise.resolve();
  }

  async flushTo(target: AuditRecorder, committed: boolean): Promise<void> {
    for (const { ctx, event } of this.events.splice(0)) {
      if (committed || event.outcome !== 'success') await target.record(ctx, event);
    }
  }
}
