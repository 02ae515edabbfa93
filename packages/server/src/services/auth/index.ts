import type { Config } from '../../config/config';
import type { Backend } from '../../store/backend';
import type { AuditRecorder } from '../audit/recorder';
import { AccountService } from './accounts';
import { openOidc, type OidcSignIn } from './oidc';
import { RefreshTokens } from './refresh-tokens';
import { ServiceClients } from './service-clients';
import { jwtSecret } from './secret';
import { SignInService } from './sign-in';
import { tokenOptions, TokenService } from './tokens';

/** Everything authentication needs, built once per process (server, CLI, tests). */
export interface AuthServices {
  readonly accounts: AccountService;
  readonly tokens: TokenService;
  readonly refresh: RefreshTokens;
  readonly signIn: SignInService;
  /** Service accounts (SMART Backend Services) and, when configured, OpenID Connect sign-in. */
  readonly clients: ServiceClients;
  readonly oidc: OidcSignIn | undefined;
  /** The clock tokens and lock-outs are judged by (a test clock in tests). */
  readonly clock: () => Date;
}

/** Opens authentication on a store; throws ConfigError in production without CARELOOP_JWT_SECRET. */
export async function openAuth(
  config: Config,
  backend: Backend,
  audit: AuditRecorder,
  clock: () => Date = () => new Date(),
): Promise<AuthServices> {
  const accounts = new AccountService(backend, clock);
  const tokens = new TokenService(await jwtSecret(config, backend), tokenOptions(config, clock));
  const refresh = new RefreshTokens(backend, config.refreshTokenTtl, clock);
  const signIn = new SignInService({ config, accounts, tokens, refresh, audit });
  const clients = new ServiceClients(backend, clock);
  const oidc = openOidc(config, backend, audit, clock, { accounts, tokens, refresh });
  return { accounts, tokens, refresh, signIn, clock, clients, oidc };
}
