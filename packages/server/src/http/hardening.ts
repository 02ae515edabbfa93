import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, OperationOutcomeError, outcome } from '@careloop/core/fhir/outcomes';
import type { Config } from '../config/config';
import { FHIR_JSON } from './errors';

/** 429 Too Many Requests as an OperationOutcome (issue code `throttled`). */
export class ThrottledError extends OperationOutcomeError {
  constructor(retryAfterSeconds: number) {
    super(
      outcome(
        'throttled',
        [{ message: `Too many requests: try again in ${retryAfterSeconds} s` }],
        'too-many-requests',
      ),
    );
  }
  override get status(): number {
    return 429;
  }
}

/**
 * Content-Security-Policy for the built React app at `/`: scripts, styles, fonts and API calls from this origin only
 * (Vite emits no inline scripts), never framed (clickjacking), no plugins, forms and <base> to this origin only.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Inline styles only (never scripts): the printable report and the person-version preview carry their own <style>
  // and are shown as srcdoc/blob documents, which inherit this policy.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

/** Headers a cross-origin client may send and read. */
const CORS_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'If-None-Exist', 'If-None-Match', 'Prefer'];
const CORS_EXPOSED = ['Location', 'Content-Location', 'ETag', 'Last-Modified', 'Retry-After'];

const isAuthRoute = (req: FastifyRequest) => req.url.startsWith('/auth/');

/**
 * Security headers, CORS and rate limits, registered before any route:
 * - helmet: CSP above, nosniff, Referrer-Policy no-referrer, COOP/CORP same-origin; HSTS is left to the
 *   TLS-terminating proxy (it is meaningless over the plain HTTP this process speaks).
 * - CORS: only the origins in CARELOOP_CORS_ORIGINS; none configured: same origin only (no CORS headers at all).
 * - Rate limit per client address and minute: CARELOOP_RATE_LIMIT for everything, CARELOOP_AUTH_RATE_LIMIT for
 *   /auth/* (counted apart); checked first, before authentication does any work; 429 OperationOutcome.
 * - JSON bodies: keys that reach `Object.prototype` through `constructor.prototype` are refused (strict parsing
 *   already refuses duplicate keys, `__proto__` and deep nesting; the body limit answers 413).
 */
export async function registerHardening(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CSP_DIRECTIVES } },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: CORS_HEADERS,
    exposedHeaders: CORS_EXPOSED,
    credentials: false,
    maxAge: 600,
  });
  await app.register(rateLimit, { global: false });
  app.addHook(
    'onRequest',
    app.rateLimit({
      timeWindow: 60_000,
      max: (req) => (isAuthRoute(req) ? config.authRateLimit : config.rateLimit),
      keyGenerator: (req) => (isAuthRoute(req) ? `auth|${req.ip}` : req.ip),
      errorResponseBuilder: (_req, context) => new ThrottledError(Math.max(1, Math.ceil(context.ttl / 1000))),
    }),
  );
  app.addHook('preValidation', (req, _reply, done) => {
    const path = prototypePath(req.body, 0);
    done(path ? new OperationOutcomeError(badRequest(`JSON key path "${path}" is not allowed`, path)) : undefined);
  });
}

/** The first `constructor.prototype` (or `prototype`) path in a parsed body, if any. */
function prototypePath(value: unknown, depth: number): string | undefined {
  if (typeof value !== 'object' || value === null || depth > 100) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'prototype' || (key === 'constructor' && typeof child === 'object' && child !== null)) return key;
    const inner = prototypePath(child, depth + 1);
    if (inner) return `${key}.${inner}`;
  }
  return undefined;
}

/**
 * Fastify's `frameworkErrors` option: URLs the router cannot decode (invalid percent-encoding) or with an over-long
 * parameter are answered before any hook runs; without this they get Fastify's own JSON, not an OperationOutcome.
 */
export function frameworkErrors(error: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode === 414 ? 414 : 400;
  void reply
    .status(status)
    .type(FHIR_JSON)
    .send(JSON.stringify(badRequest(status === 414 ? 'A path segment is too long' : 'The URL is not valid')));
}
