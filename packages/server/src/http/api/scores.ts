import type { FastifyPluginAsync } from 'fastify';
import { invalid, notFound } from '@careloop/core/fhir/outcomes';
import { FHIR_JSON } from '../errors';
import { evaluateScore, listScores } from './scores-format';

/**
 * The score API: `GET /scores` lists the scores, `POST /scores/:id` computes one from a JSON object of inputs and
 * answers exactly what `careloop score <id>` prints. Bad inputs → 400 OperationOutcome with one issue per input
 * (`expression` = the input's name); unknown score → 404. Mounted by the app under `/api`.
 */
export const scoresApi: FastifyPluginAsync = (app) => {
  app.get('/scores', (_req, reply) => reply.send(listScores()));
  app.post<{ Params: { id: string } }>('/scores/:id', (req, reply) => {
    const r = evaluateScore(req.params.id, req.body);
    if (r.ok) return reply.send(r.output);
    if (r.kind === 'unknown-score') {
      return reply
        .status(404)
        .type(FHIR_JSON)
        .send(JSON.stringify(notFound(`Score "${req.params.id}"`)));
    }
    const outcome = invalid(r.problems.map((p) => ({ message: `${p.input}: ${p.message}`, expression: p.input })));
    return reply.status(400).type(FHIR_JSON).send(JSON.stringify(outcome));
  });
  return Promise.resolve();
};
