import type { Backend } from '../../store/backend';
import type { RequestContext } from '../context';
import type { AuditInput, AuditRecorder } from './recorder';

/**
 * The audit log: append-only rows in `audit_log`. PLACEHOLDER being completed in this session (hash chain,
 * AuditEvent resources, verify, queries) — do not ship as is.
 */
export class AuditLog implements AuditRecorder {
  constructor(
    private readonly backend: Backend,
    private readonly clock: () => Date,
  ) {}

  async record(ctx: RequestContext, event: AuditInput): Promise<void> {
    await this.backend.query('INSERT INTO audit_log (recorded, content) VALUES (?, ?)', [
      this.clock().toISOString(),
      JSON.stringify({ user: ctx.user?.id, requestId: ctx.requestId, ...event }),
    ]);
  }
}
