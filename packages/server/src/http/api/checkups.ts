import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config/config';
import type { FhirService } from '../../services/fhir-service';
import { interpretStoredCheckup } from '../../services/checkup/interpret';
import type { AddedFindingInput } from '../../services/checkup/review';
import { printOptions, printReport } from '../../services/checkup/print';
import { SignOffService, type CheckupDeps } from '../../services/checkup/sign-off';
import { requestContext } from '../context';

export interface CheckupsApiOptions {
  readonly config: Config;
  readonly fhir: FhirService;
  /** Defaults to the wall clock. */
  readonly clock?: () => Date;
}

type ReportParams = { Params: { id: string } };

function bodyObject(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The checkup API under `/api`: interpret a stored checkup, read a report, review its findings and sign it.
 * Routes only translate HTTP: the services check who may do what and answer errors as OperationOutcomes.
 */
export const checkupsApi: FastifyPluginAsync<CheckupsApiOptions> = (app, options) => {
  const deps: CheckupDeps = {
    repo: options.fhir.repository,
    clock: options.clock ?? (() => new Date()),
    audit: options.fhir.audit,
  };
  const signOff = new SignOffService(deps);
  const ctx = (req: Parameters<typeof requestContext>[1]) => requestContext(options.config, req);

  app.post<{ Params: { encounterId: string } }>('/checkups/:encounterId/interpret', async (req, reply) => {
    const result = await interpretStoredCheckup(ctx(req), deps, req.params.encounterId);
    return reply.status(result.replaced ? 200 : 201).send(result);
  });
  app.get<ReportParams>('/reports/:id', async (req) => signOff.reportView(ctx(req), req.params.id));
  app.get<ReportParams & { Querystring: Record<string, string> }>('/reports/:id/print', async (req, reply) => {
    const printed = await printReport(ctx(req), deps, signOff, req.params.id, printOptions(req.query));
    return reply
      .type(printed.contentType)
      .header('Content-Disposition', `inline; filename="${printed.fileName}"`)
      .send(printed.body);
  });
  app.get<ReportParams>('/reports/:id/released', async (req) => signOff.releasedReportFor(ctx(req), req.params.id));
  app.post<{ Params: { id: string; findingId: string } }>('/reports/:id/findings/:findingId/reject', async (req) =>
    signOff.rejectFinding(ctx(req), req.params.id, req.params.findingId, text(bodyObject(req.body).reason)),
  );
  app.post<ReportParams>('/reports/:id/findings', async (req, reply) => {
    const b = bodyObject(req.body);
    const input: AddedFindingInput = {
      title: text(b.title),
      severity: text(b.severity) as AddedFindingInput['severity'],
      reason: text(b.reason),
      ...(typeof b.detail === 'string' ? { detail: b.detail } : {}),
      ...(typeof b.recommendation === 'string' ? { recommendation: b.recommendation } : {}),
      ...(Array.isArray(b.evidence) ? { evidence: b.evidence.filter((e): e is string => typeof e === 'string') } : {}),
    };
    return reply.status(201).send(await signOff.addFinding(ctx(req), req.params.id, input));
  });
  app.post<ReportParams>('/reports/:id/sign', async (req) => {
    const reason = text(bodyObject(req.body).reason);
    return signOff.sign(ctx(req), req.params.id, reason ? { reason } : {});
  });
  return Promise.resolve();
};
