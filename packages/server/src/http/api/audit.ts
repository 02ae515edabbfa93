import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config/config';
import { auditBundle } from '../../services/audit/query';
import { readAuditLog } from '../../services/audit/read-log';
import type { AuditRecorder } from '../../services/audit/recorder';
import { requestContext } from '../context';
import { sendFhir } from '../fhir/reply';

export interface AuditApiOptions {
  readonly config: Config;
  readonly audit: AuditRecorder;
}

type AuditQs = { Querystring: Record<string, string | undefined> };

/** GET /api/audit?user=&patient=&kind=&since=&_count= : the audit log as a Bundle of AuditEvents (admins only). */
export const auditApi: FastifyPluginAsync<AuditApiOptions> = (app, { config, audit }) => {
  app.get<AuditQs>('/audit', async (req, reply) => {
    const q = req.query;
    const count = q._count && /^\d+$/.test(q._count) ? Number(q._count) : undefined;
    const events = await readAuditLog(requestContext(config, req), audit, {
      ...(q.user ? { user: q.user } : {}),
      ...(q.patient ? { patient: q.patient } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.since ? { since: q.since } : {}),
      ...(count !== undefined ? { count } : {}),
    });
    return sendFhir(reply, 200, auditBundle(events));
  });
  return Promise.resolve();
};
