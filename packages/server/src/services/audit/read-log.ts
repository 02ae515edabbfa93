import type { AuditEvent } from '@medplum/fhirtypes';
import { notSupported, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import { refuse } from '../access/policy';
import type { Role, RequestContext } from '../context';
import { AuditLog } from './audit-log';
import { audited } from './audited';
import type { AuditQuery } from './query';
import type { AuditRecorder } from './recorder';

/** Who may read the audit log (GET /api/audit); everyone else is refused, and the refusal is itself recorded. */
export const AUDIT_READERS: readonly Role[] = ['admin', 'system'];

/** The audit events matching `query` for an admin; reading the log is audited too. */
export function readAuditLog(ctx: RequestContext, recorder: AuditRecorder, query: AuditQuery): Promise<AuditEvent[]> {
  const pairs = Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]);
  const asked = { query: `audit?${new URLSearchParams(pairs).toString()}` };
  return audited(
    recorder,
    ctx,
    'search',
    asked,
    async () => {
      const user = ctx.user;
      if (!user || !AUDIT_READERS.includes(user.role)) refuse(`Only an admin may read the audit log`);
      if (!(recorder instanceof AuditLog))
        throw new OperationOutcomeError(notSupported('This server keeps no queryable audit log'));
      return recorder.list(query);
    },
    (events) => ({ ...asked, detail: `audit log: ${events.length} events` }),
  );
}
