import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/config';
import type { FhirService } from '../../services/fhir-service';
import { requestContext } from '../context';
import { capabilityStatement } from './metadata';
import { bodyResource, checkType, ifMatchVersion, queryPairs, sendFhir, sendWrite, versionHeaders } from './reply';
import { historyBundle } from './history';

interface Options {
  readonly config: Config;
  readonly fhir: FhirService;
}
type TypeParams = { type: string };
type IdParams = { type: string; id: string };

/** The FHIR REST API (https://hl7.org/fhir/R4/http.html), mounted at /fhir. */
export function fhirRoutes(app: FastifyInstance, { config, fhir }: Options, done: (err?: Error) => void): void {
  const types = fhir.repository.registry.resourceTypes;
  const ctx = (req: Parameters<typeof requestContext>[1]) => requestContext(config, req);
  const metadata = capabilityStatement(fhir.repository.registry);

  app.get('/metadata', (_req, reply) => sendFhir(reply, 200, metadata));

  app.post('/', async (req, reply) => sendFhir(reply, 200, await fhir.batchOrTransaction(ctx(req), req.body)));

  app.get<{ Params: TypeParams }>('/:type', async (req, reply) => {
    checkType(types, req.params.type);
    return sendFhir(reply, 200, await fhir.searchBundle(ctx(req), req.params.type, queryPairs(req)));
  });

  app.post<{ Params: TypeParams }>('/:type/_search', async (req, reply) => {
    checkType(types, req.params.type);
    const form = Array.isArray(req.body) ? (req.body as [string, string][]) : [];
    return sendFhir(reply, 200, await fhir.searchBundle(ctx(req), req.params.type, [...queryPairs(req), ...form]));
  });

  app.post<{ Params: TypeParams }>('/:type', async (req, reply) => {
    checkType(types, req.params.type);
    const resource = bodyResource(req.body, req.params.type);
    const ifNoneExist = req.headers['if-none-exist'];
    const c = ctx(req);
    if (typeof ifNoneExist === 'string') {
      const r = await fhir.createIfNoneExist(c, resource, ifNoneExist);
      return sendWrite(req, reply, r.resource, r.created, c.baseUrl);
    }
    return sendWrite(req, reply, await fhir.create(c, resource), true, c.baseUrl);
  });

  app.put<{ Params: TypeParams }>('/:type', async (req, reply) => {
    checkType(types, req.params.type);
    const query = new URL(req.url, 'http://local').search.slice(1);
    if (!query)
      return sendFhir(reply, 405, {
        resourceType: 'OperationOutcome',
        issue: [
          { severity: 'error', code: 'not-supported', details: { text: 'PUT needs an id or a search condition' } },
        ],
      });
    const c = ctx(req);
    const r = await fhir.conditionalUpdate(c, bodyResource(req.body, req.params.type), query);
    return sendWrite(req, reply, r.resource, r.created, c.baseUrl);
  });

  app.get<{ Params: IdParams }>('/:type/:id', async (req, reply) => {
    checkType(types, req.params.type);
    const resource = await fhir.read(ctx(req), req.params.type, req.params.id);
    versionHeaders(reply, resource);
    return sendFhir(reply, 200, resource);
  });

  app.put<{ Params: IdParams }>('/:type/:id', async (req, reply) => {
    checkType(types, req.params.type);
    const c = ctx(req);
    const ifMatch = ifMatchVersion(req);
    const r = await fhir.update(c, bodyResource(req.body, req.params.type, req.params.id), ifMatch ? { ifMatch } : {});
    return sendWrite(req, reply, r.resource, r.created, c.baseUrl);
  });

  app.delete<{ Params: IdParams }>('/:type/:id', async (req, reply) => {
    checkType(types, req.params.type);
    await fhir.delete(ctx(req), req.params.type, req.params.id);
    return reply.status(204).send();
  });

  app.get<{ Params: IdParams }>('/:type/:id/_history', async (req, reply) => {
    checkType(types, req.params.type);
    const c = ctx(req);
    const q = new URL(req.url, 'http://local').searchParams;
    const count = Math.min(Number(q.get('_count') ?? 100) || 100, 1000);
    const offset = Number(q.get('_offset') ?? 0) || 0;
    const h = await fhir.history(c, req.params.type, req.params.id, count, offset);
    return sendFhir(reply, 200, historyBundle(c.baseUrl, h.entries, h.total));
  });

  app.get<{ Params: IdParams & { vid: string } }>('/:type/:id/_history/:vid', async (req, reply) => {
    checkType(types, req.params.type);
    const resource = await fhir.vread(ctx(req), req.params.type, req.params.id, req.params.vid);
    versionHeaders(reply, resource);
    return sendFhir(reply, 200, resource);
  });
  done();
}
