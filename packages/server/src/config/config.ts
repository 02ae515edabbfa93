import { z } from 'zod';
import type { Locale } from '@careloop/core';

/**
 * The one typed configuration, read once from the environment at start-up and passed down.
 * No other module reads `process.env`.
 */
const schema = z.object({
  /** Where data lives: `sqlite:<path>` (embedded default) or `postgres://…`. */
  CARELOOP_DB: z.string().default('sqlite:./data/careloop.db'),
  /** HTTP port of `careloop serve`. */
  CARELOOP_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Interface to listen on. */
  CARELOOP_HOST: z.string().default('0.0.0.0'),
  /** Default language of user-facing text. */
  CARELOOP_LOCALE: z.enum(['zh-CN', 'en']).default('zh-CN'),
  /** pino log level. */
  CARELOOP_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest request body accepted, in bytes. */
  CARELOOP_BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(16 * 1024 * 1024),
  /** Public base URL used in Bundle links (defaults to the request's host). */
  CARELOOP_BASE_URL: z.url().optional(),
  /** `production` refuses to start with missing or default secrets; `development` generates and keeps them. */
  CARELOOP_ENV: z.enum(['development', 'production']).default('development'),
  /** HMAC key that signs access tokens (≥ 32 characters). Development: generated once and kept in the store. */
  CARELOOP_JWT_SECRET: z.string().min(32).optional(),
  /** Lifetime of an access token, seconds. */
  CARELOOP_ACCESS_TOKEN_TTL: z.coerce.number().int().min(30).max(86_400).default(900),
  /** Lifetime of a refresh token, seconds (a clinic shift by default). */
  CARELOOP_REFRESH_TOKEN_TTL: z.coerce
    .number()
    .int()
    .min(60)
    .default(8 * 3600),
  /** Failed sign-ins in a row that lock an account, and for how many minutes. */
  CARELOOP_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  CARELOOP_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Optional OpenID Connect sign-in against an external identity provider. */
  CARELOOP_OIDC_ISSUER: z.url().optional(),
  CARELOOP_OIDC_CLIENT_ID: z.string().optional(),
  CARELOOP_OIDC_CLIENT_SECRET: z.string().optional(),
  CARELOOP_OIDC_REDIRECT_URL: z.url().optional(),
  /** Origins allowed by CORS, comma-separated (`https://emr.example.org`); empty: same origin only. */
  CARELOOP_CORS_ORIGINS: z.string().default(''),
  /** Requests per minute per client address on the whole API, and on the sign-in endpoints. */
  CARELOOP_RATE_LIMIT: z.coerce.number().int().min(1).default(1200),
  CARELOOP_AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** HMAC key for de-identification (pseudonyms, per-patient date shifts). Development: generated and kept. */
  CARELOOP_DEIDENTIFY_SECRET: z.string().min(32).optional(),
  /** Trust X-Forwarded-For/-Proto from a reverse proxy: only when one stands in front (else clients spoof them). */
  CARELOOP_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

export interface Config {
  readonly db: string;
  readonly port: number;
  readonly host: string;
  readonly locale: Locale;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly bodyLimit: number;
  readonly baseUrl: string | undefined;
  readonly env: 'development' | 'production';
  readonly jwtSecret: string | undefined;
  readonly accessTokenTtl: number;
  readonly refreshTokenTtl: number;
  readonly lockout: { readonly attempts: number; readonly minutes: number };
  readonly oidc:
    | {
        readonly issuer: string;
        readonly clientId: string;
        readonly clientSecret?: string;
        readonly redirectUrl: string;
      }
    | undefined;
  readonly corsOrigins: readonly string[];
  readonly rateLimit: number;
  readonly authRateLimit: number;
  readonly deidentifySecret: string | undefined;
  readonly trustProxy: boolean;
}

export class ConfigError extends Error {}

/** Reads and validates the environment into a frozen Config. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${msg}`);
  }
  const e = parsed.data;
  return Object.freeze({
    db: e.CARELOOP_DB,
    port: e.CARELOOP_PORT,
    host: e.CARELOOP_HOST,
    locale: e.CARELOOP_LOCALE,
    logLevel: e.CARELOOP_LOG_LEVEL,
    bodyLimit: e.CARELOOP_BODY_LIMIT,
    baseUrl: e.CARELOOP_BASE_URL,
    env: e.CARELOOP_ENV,
    jwtSecret: e.CARELOOP_JWT_SECRET,
    accessTokenTtl: e.CARELOOP_ACCESS_TOKEN_TTL,
    refreshTokenTtl: e.CARELOOP_REFRESH_TOKEN_TTL,
    lockout: { attempts: e.CARELOOP_LOCKOUT_ATTEMPTS, minutes: e.CARELOOP_LOCKOUT_MINUTES },
    oidc: oidcConfig(e),
    corsOrigins: e.CARELOOP_CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    rateLimit: e.CARELOOP_RATE_LIMIT,
    authRateLimit: e.CARELOOP_AUTH_RATE_LIMIT,
    deidentifySecret: e.CARELOOP_DEIDENTIFY_SECRET,
    trustProxy: e.CARELOOP_TRUST_PROXY === 'true',
  });
}

function oidcConfig(e: z.infer<typeof schema>): Config['oidc'] {
  if (!e.CARELOOP_OIDC_ISSUER) return undefined;
  if (!e.CARELOOP_OIDC_CLIENT_ID || !e.CARELOOP_OIDC_REDIRECT_URL)
    throw new ConfigError(
      'Invalid configuration: CARELOOP_OIDC_ISSUER needs CARELOOP_OIDC_CLIENT_ID and CARELOOP_OIDC_REDIRECT_URL',
    );
  return {
    issuer: e.CARELOOP_OIDC_ISSUER,
    clientId: e.CARELOOP_OIDC_CLIENT_ID,
    redirectUrl: e.CARELOOP_OIDC_REDIRECT_URL,
    ...(e.CARELOOP_OIDC_CLIENT_SECRET ? { clientSecret: e.CARELOOP_OIDC_CLIENT_SECRET } : {}),
  };
}
