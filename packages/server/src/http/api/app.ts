import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config/config';
import type { FhirService } from '../../services/fhir-service';
import { todayOf } from '../../services/app/format';
import { localeOf, patientQuery, worklistQuery, type Query } from '../../services/app/query';
import { searchPatients } from '../../services/app/patients';
import { personPreviewHtml, reportReview } from '../../services/app/review';
import { patientSummary } from '../../services/app/summary';
import { buildWorklist } from '../../services/app/worklist';
import { requestContext } from '../context';

export interface AppApiOptions {
  readonly config: Config;
  readonly fhir: FhirService;
  /** Decides "today" for due/overdue and ages; defaults to the wall clock. */
  readonly clock?: () => Date;
}

type Q = { Querystring: Query };
type WithId = Q & { Params: { id: string } };

/**
 * The clinician web app's API under `/api` (types: @careloop/core/app-api/types): worklist, patient search,
 * patient summary and report review. Routes only translate HTTP; data is read through the FHIR service.
 */
export const appApi: FastifyPluginAsync<AppApiOptions> = (app, options) => {
  const { config, fhir } = options;
  const clock = options.clock ?? (() => new Date());
  const ctx = (req: Parameters<typeof requestContext>[1]) => requestContext(config, req);

  app.get<Q>('/worklist', async (req) =>
    buildWorklist(fhir, ctx(req), todayOf(clock), worklistQuery(req.query, config.locale)),
  );
  app.get<Q>('/patients', async (req) =>
    searchPatients(fhir, ctx(req), todayOf(clock), patientQuery(req.query, config.locale)),
  );
  app.get<WithId>('/patients/:id/summary', async (req) =>
    patientSummary(fhir, ctx(req), todayOf(clock), req.params.id, localeOf(req.query, config.locale)),
  );
  app.get<WithId>('/reports/:id/review', async (req) =>
    reportReview(fhir, ctx(req), todayOf(clock), req.params.id, localeOf(req.query, config.locale)),
  );
  app.get<WithId>('/reports/:id/review/person-preview', async (req, reply) => {
    const html = await personPreviewHtml(fhir, ctx(req), req.params.id, localeOf(req.query, config.locale));
    return reply.type('text/html; charset=utf-8').send(html);
  });
  return Promise.resolve();
};
