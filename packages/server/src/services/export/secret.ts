import { randomBytes } from 'node:crypto';
import { ConfigError, type Config } from '../../config/config';
import type { Backend } from '../../store/backend';
import { storedSetting } from '../auth/secret';

const KEY = 'deidentify_secret';

/**
 * The de-identification key. Production: CARELOOP_DEIDENTIFY_SECRET or refuse. Development without one: generated
 * once and kept in `settings`, so pseudonyms stay the same across exports of one store.
 */
export async function deidentifySecret(config: Config, backend: Backend): Promise<string> {
  if (config.deidentifySecret) return config.deidentifySecret;
  if (config.env === 'production')
    throw new ConfigError(
      'CARELOOP_DEIDENTIFY_SECRET is required when CARELOOP_ENV=production (at least 32 random characters, e.g. `openssl rand -base64 48`)',
    );
  return storedSetting(backend, KEY, () => randomBytes(32).toString('base64'));
}
