import * as oidc from 'openid-client';
import type { Config } from '../../config/config';
import type { Backend } from '../../store/backend';
import type { AuditRecorder } from '../audit/recorder';
import type { RequestContext } from '../context';
import { accountUser, type Account, type AccountService } from './accounts';
import type { RefreshTokens } from './refresh-tokens';
import { DEFAULT_SCOPES } from './scopes';
import type { TokenService } from './tokens';

/**
 * Sign-in through an external OpenID Connect provider (authorization code flow with PKCE, state and nonce).
 * The provider proves who someone is; CareLoop still decides whether they have an account, and which: accounts are
 * provisioned by administrators, never created on first sign-in.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#CodeFlowAuth
 */

export type OidcSettings = NonNullable<Config['oidc']>;

/** The CareLoop tokens handed to the web app after a successful sign-in. */
export interface SignedInTokens {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly expires_in: number;
}

export interface OidcDeps {
  readonly backend: Backend;
  /** Looks up a local account by username (the account service). */
  readonly findAccount: (username: string) => Promise<Account | undefined>;
  /** Issues CareLoop access and refresh tokens for an account (the token service). */
  readonly issueTokens: (account: Account) => Promise<SignedInTokens>;
  readonly audit: AuditRecorder;
  readonly clock: () => Date;
}

export type OidcCallbackResult =
  | { readonly ok: true; readonly account: Account; readonly tokens: SignedInTokens }
  | { readonly ok: false; readonly status: 400 | 403; readonly message: string };

/** How long a started sign-in may take at the provider. */
export const PENDING_TTL_S = 600;
const SCOPE = 'openid profile email';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

interface IdClaims {
  readonly sub: string;
  readonly preferred_username?: unknown;
  readonly email?: unknown;
  readonly email_verified?: unknown;
}

/** One OpenID provider, discovered on first use. */
export class OidcSignIn {
  private discovered: Promise<oidc.Configuration> | undefined;

  constructor(
    private readonly settings: OidcSettings,
    private readonly deps: OidcDeps,
  ) {}

  private configuration(): Promise<oidc.Configuration> {
    this.discovered ??= this.discover().catch((err: unknown) => {
      this.discovered = undefined; // try again on the next sign-in
      throw err;
    });
    return this.discovered;
  }

  private async discover(): Promise<oidc.Configuration> {
    const issuer = new URL(this.settings.issuer);
    // Plain http only for a provider on this machine (development and tests); anything else must be https.
    const insecure = issuer.protocol === 'http:';
    if (insecure && !LOOPBACK.has(issuer.hostname))
      throw new Error(`CARELOOP_OIDC_ISSUER must be https (got ${issuer.origin})`);
    const secret = this.settings.clientSecret;
    return oidc.discovery(
      issuer,
      this.settings.clientId,
      secret,
      secret ? oidc.ClientSecretBasic(secret) : oidc.None(),
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- loopback development providers only (checked above)
      insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
  }

  /** Starts a sign-in: the provider URL to redirect to and the state to bind to the browser (cookie). */
  async start(): Promise<{ url: string; state: string }> {
    const config = await this.configuration();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const expires = this.deps.clock().getTime() + PENDING_TTL_S * 1000;
    await this.deps.backend.transaction(async (tx) => {
      await tx.query('DELETE FROM oidc_pending WHERE expires_ms < ?', [this.deps.clock().getTime()]);
      await tx.query('INSERT INTO oidc_pending (state, verifier, nonce, expires_ms) VALUES (?, ?, ?, ?)', [
        state,
        verifier,
        nonce,
        expires,
      ]);
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl,
      scope: SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * Finishes a sign-in. `callbackUrl` is the redirect URL with the provider's query; `browserState` the state
   * cookie (a sign-in finishes only in the browser that started it: no login CSRF).
   */
  async callback(
    ctx: RequestContext,
    callbackUrl: URL,
    browserState: string | undefined,
    address?: string,
  ): Promise<OidcCallbackResult> {
    const refused = async (status: 400 | 403, message: string, username?: string): Promise<OidcCallbackResult> => {
      await this.deps.audit.record(ctx, {
        kind: 'login',
        outcome: 'refused',
        detail: `oidc: ${message}`,
        ...(username ? { username } : {}),
        ...(address ? { address } : {}),
      });
      return { ok: false, status, message };
    };
    const state = callbackUrl.searchParams.get('state');
    if (!state || state !== browserState)
      return refused(400, 'This sign-in was not started in this browser, or it expired. Start again.');
    const pending = await this.takePending(state);
    if (!pending) return refused(400, 'This sign-in has expired or was already used. Start again.');
    let claims: IdClaims;
    try {
      const config = await this.configuration();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const c = tokens.claims();
      if (!c) return await refused(400, 'The identity provider sent no ID token.');
      claims = c;
      // Providers that keep profile claims out of the ID token (OIDC Core §5.4) serve them at userinfo.
      if (candidateUsernames(c).length === 0 && config.serverMetadata().userinfo_endpoint)
        claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, c.sub)), sub: c.sub };
    } catch (err) {
      return refused(400, `The identity provider did not confirm the sign-in: ${describe(err)}`);
    }
    const found = await this.accountFor(claims);
    if (!found.ok) return refused(403, found.message, displayName(claims));
    const tokens = await this.deps.issueTokens(found.account);
    await this.deps.audit.record(
      { ...ctx, user: { id: found.account.username, role: found.account.role } },
      {
        kind: 'login',
        outcome: 'success',
        detail: `oidc: ${this.settings.issuer} sub ${claims.sub}`,
        username: found.account.username,
        ...(address ? { address } : {}),
      },
    );
    return { ok: true, account: found.account, tokens };
  }

  /** The pending sign-in for a state, removed as it is read (single use), unless expired. */
  private async takePending(state: string): Promise<{ verifier: string; nonce: string } | undefined> {
    const rows = await this.deps.backend.transaction((tx) =>
      tx.query<{ verifier: string; nonce: string; expires_ms: number | string }>(
        'DELETE FROM oidc_pending WHERE state = ? RETURNING verifier, nonce, expires_ms',
        [state],
      ),
    );
    const row = rows[0];
    if (!row || Number(row.expires_ms) < this.deps.clock().getTime()) return undefined;
    return row;
  }

  /**
   * The local account of a provider identity: the one linked to its `sub`; otherwise, on a first sign-in, the
   * unlinked account whose username is its preferred_username (or its verified email), which is then linked.
   */
  private async accountFor(claims: IdClaims): Promise<{ ok: true; account: Account } | { ok: false; message: string }> {
    const issuer = this.settings.issuer;
    const db = this.deps.backend;
    const links = await db.query<{ username: string }>(
      'SELECT username FROM oidc_links WHERE issuer = ? AND subject = ?',
      [issuer, claims.sub],
    );
    let account: Account | undefined;
    if (links[0]) {
      account = await this.deps.findAccount(links[0].username);
    } else {
      for (const candidate of candidateUsernames(claims)) {
        const a = await this.deps.findAccount(candidate);
        if (!a) continue;
        // Unique (issuer, username): an account another identity already signs in as is not taken over.
        const linked = await db.transaction((tx) =>
          tx.query(
            `INSERT INTO oidc_links (issuer, subject, username, linked) VALUES (?, ?, ?, ?)
             ON CONFLICT DO NOTHING RETURNING username`,
            [issuer, claims.sub, a.username, this.deps.clock().toISOString()],
          ),
        );
        if (linked.length === 0) continue;
        account = a;
        break;
      }
    }
    if (!account)
      return {
        ok: false,
        message:
          `No CareLoop account for ${displayName(claims)}. Accounts are provisioned by administrators: ` +
          `ask one to create the account "${candidateUsernames(claims)[0] ?? claims.sub}".`,
      };
    if (account.disabled) return { ok: false, message: `The CareLoop account "${account.username}" is disabled.` };
    return { ok: true, account };
  }
}

function candidateUsernames(claims: IdClaims): string[] {
  const out: string[] = [];
  if (typeof claims.preferred_username === 'string' && claims.preferred_username) out.push(claims.preferred_username);
  // An email only counts when the provider says it verified it.
  if (typeof claims.email === 'string' && claims.email && claims.email_verified === true) out.push(claims.email);
  return out;
}

function displayName(claims: IdClaims): string {
  return candidateUsernames(claims)[0] ?? claims.sub;
}

function describe(err: unknown): string {
  if (err instanceof oidc.AuthorizationResponseError) return err.error_description ?? err.error;
  return err instanceof Error ? err.message : String(err);
}

/** What `openOidc` needs from the account and token services. */
export interface OidcParts {
  readonly accounts: Pick<AccountService, 'find'>;
  readonly tokens: Pick<TokenService, 'issue'>;
  readonly refresh: Pick<RefreshTokens, 'issue'>;
}

/** The OIDC sign-in of this server, or undefined when CARELOOP_OIDC_ISSUER is not set. */
export function openOidc(
  config: Config,
  backend: Backend,
  audit: AuditRecorder,
  clock: () => Date,
  parts: OidcParts,
): OidcSignIn | undefined {
  if (!config.oidc) return undefined;
  return new OidcSignIn(config.oidc, {
    backend,
    audit,
    clock,
    findAccount: (username) => parts.accounts.find(username),
    // The same tokens as a password sign-in: the role's default scopes, a refresh token for the shift.
    issueTokens: async (account) => {
      const scopes = DEFAULT_SCOPES[account.role];
      const issued = await parts.tokens.issue(accountUser(account), scopes);
      const refreshToken = await parts.refresh.issue(account.username, scopes);
      return { access_token: issued.accessToken, refresh_token: refreshToken, expires_in: issued.expiresIn };
    },
  });
}
