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
});

export interface Config {
  readonly db: string;
  readonly port: number;
  readonly host: string;
  readonly locale: Locale;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly bodyLimit: number;
  readonly baseUrl: string | undefined;
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
  });
}
