import { randomBytes } from 'node:crypto';
import { ConfigError, type Config } from '../../config/config';
import type { Backend } from '../../store/backend';

const KEY = 'jwt_secret';

/**
 * The HMAC key that signs access tokens. Production: CARELOOP_JWT_SECRET or refuse to start. Development without
 * one: 32 random bytes generated once and kept in `settings`, so that the server and `careloop token` agree.
 */
export async function jwtSecret(config: Config, backend: Backend): Promise<Uint8Array> {
  if (config.jwtSecret) return new TextEncoder().encode(config.jwtSecret);
  if (config.env === 'production')
    throw new ConfigError(
      'CARELOOP_JWT_SECRET is required when CARELOOP_ENV=production (at least 32 random characters, e.g. `openssl rand -base64 48`)',
    );
  return Buffer.from(await storedSetting(backend, KEY, () => randomBytes(32).toString('base64')), 'base64');
}

/** A value kept in `settings`, created by `make` on first use; concurrent first uses agree on one value. */
export async function storedSetting(backend: Backend, key: string, make: () => string): Promise<string> {
  const read = async () =>
    (await backend.query<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]))[0]?.value;
  const existing = await read();
  if (existing !== undefined) return existing;
  await backend.transaction((tx) =>
    tx.query('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [key, make()]),
  );
  const value = await read();
  if (value === undefined) throw new Error(`setting "${key}" could not be stored`);
  return value;
}
