import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { badRequest, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { Config } from '../../config/config';
import type { ExportRequest, ExportService } from '../../services/export/export';
import { requestContext } from '../context';

export interface ExportApiOptions {
  readonly config: Config;
  readonly exports: ExportService;
}

type Query = { Querystring: Record<string, string | string[] | undefined> };

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[v.length - 1] : v);

/** `deidentify` (default true), `types` (comma list) and `since` (date) from the query string. */
function exportRequest(q: Query['Querystring']): ExportRequest {
  const flag = one(q.deidentify) ?? 'true';
  if (flag !== 'true' && flag !== 'false')
    throw new OperationOutcomeError(badRequest('deidentify must be true or false', 'deidentify'));
  const types = one(q.types)
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const sinceText = one(q.since);
  const since = sinceText === undefined ? undefined : new Date(sinceText);
  if (since && Number.isNaN(since.getTime()))
    throw new OperationOutcomeError(badRequest('since must be a date or date-time', 'since'));
  return { deidentify: flag === 'true', ...(types?.length ? { types } : {}), ...(since ? { since } : {}) };
}

/**
 * GET /api/export: the store as one NDJSON stream (`application/fhir+ndjson`), de-identified unless
 * `deidentify=false` (system only). The service authorises (before the first byte) and audits (at the end).
 */
export const exportApi: FastifyPluginAsync<ExportApiOptions> = (app, { config, exports }) => {
  app.get<Query>('/export', async (req, reply) => {
    const run = await exports.start(requestContext(config, req), exportRequest(req.query));
    const body = Readable.from(
      (async function* () {
        for await (const { line } of run.lines()) yield `${line}\n`;
      })(),
    );
    return reply
      .type('application/fhir+ndjson')
      .header('Cache-Control', 'no-store')
      .header('Content-Disposition', 'attachment; filename="careloop-export.ndjson"')
      .send(body);
  });
  return Promise.resolve();
};
