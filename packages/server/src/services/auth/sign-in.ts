import { badRequest, OperationOutcomeError, outcome, unauthorized } from '@careloop/core/fhir/outcomes';
import type { Config } from '../../config/config';
import type { AuditRecorder } from '../audit/recorder';
import type { RequestContext, RequestUser } from '../context';
import { accountUser, type Account, type AccountService } from './accounts';
import type { RefreshTokens } from './refresh-tokens';
import { DEFAULT_SCOPES, narrowScopes } from './scopes';
import type { TokenService } from './tokens';

/** What a successful sign-in or refresh answers (OAuth 2.0 token response plus the user). */
export interface TokenGrant {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly refresh_token: string;
  readonly scope: string;
  readonly user: {
    readonly id: string;
    readonly username: string;
    readonly display?: string;
    readonly role: string;
    readonly organization?: string;
    readonly practitioner?: string;
    readonly patient?: string;
  };
}

/** 423 Locked: the account is locked out; the message says until when. */
export class AccountLockedError extends OperationOutcomeError {
  constructor(readonly until: string) {
    super(
      outcome('lock-error', [{ message: `Account locked after repeated failed sign-ins; try again after ${until}` }]),
    );
  }
  override get status(): number {
    return 423;
  }
}

/** The one answer for unknown users, wrong passwords and disabled accounts (no user enumeration). */
export const BAD_CREDENTIALS = 'Invalid username or password';

export interface SignInDeps {
  readonly config: Config;
  readonly accounts: AccountService;
  readonly tokens: TokenService;
  readonly refresh: RefreshTokens;
  readonly audit: AuditRecorder;
}

export interface Attempt {
  readonly username: string;
  readonly password: string;
  /** The OAuth `scope` asked for; may only narrow the role's scopes. */
  readonly scopes?: readonly string[];
  readonly address?: string;
}

/** Password sign-in, refresh-token rotation and sign-out, each recorded in the audit log. */
export class SignInService {
  constructor(private readonly deps: SignInDeps) {}

  async login(ctx: RequestContext, attempt: Attempt): Promise<TokenGrant> {
    const { username, address } = attempt;
    const who = { username, ...(address ? { address } : {}) };
    const result = await this.deps.accounts.signIn(username, attempt.password, this.deps.config.lockout);
    if (!result.ok) {
      const detail = result.reason === 'locked' ? `locked until ${result.until}` : `bad credentials (${result.detail})`;
      await this.deps.audit.record(ctx, { kind: 'login', outcome: 'refused', detail, ...who });
      if (result.reason === 'locked') throw new AccountLockedError(result.until);
      throw new OperationOutcomeError(unauthorized(BAD_CREDENTIALS));
    }
    const user = accountUser(result.account);
    const scopes = narrowScopes(DEFAULT_SCOPES[user.role], attempt.scopes);
    const grant = await this.grant(result.account, user, scopes, await this.deps.refresh.issue(username, scopes));
    await this.deps.audit.record({ ...ctx, user }, { kind: 'login', outcome: 'success', ...who });
    return grant;
  }

  /** Exchanges a refresh token for new tokens (rotation); `scopes` may narrow the grant further. */
  async refresh(ctx: RequestContext, token: string, scopes?: readonly string[], address?: string): Promise<TokenGrant> {
    const where = address ? { address } : {};
    const refused = async (detail: string) => {
      await this.deps.audit.record(ctx, { kind: 'token', outcome: 'refused', detail, ...where });
      return new OperationOutcomeError(badRequest('invalid_grant: the refresh token is invalid or expired'));
    };
    if (!token) throw new OperationOutcomeError(badRequest('refresh_token is required', 'refresh_token'));
    const spent = await this.deps.refresh.rotate(token);
    if (!spent) throw await refused('unknown, spent or expired refresh token');
    const account = await this.deps.accounts.find(spent.username);
    if (!account || account.disabled) {
      await this.deps.refresh.revoke(spent.refreshToken);
      throw await refused(`account ${spent.username} is missing or disabled`);
    }
    const user = accountUser(account);
    const granted = narrowScopes(spent.scopes, scopes);
    const grant = await this.grant(account, user, granted, spent.refreshToken);
    await this.deps.audit.record({ ...ctx, user }, { kind: 'token', outcome: 'success', detail: 'refresh', ...where });
    return grant;
  }

  /** Revokes the refresh token (and its rotations); the access token lapses on its own within minutes. */
  async logout(ctx: RequestContext, token: string, address?: string): Promise<void> {
    const known = token ? await this.deps.refresh.revoke(token) : false;
    await this.deps.audit.record(ctx, {
      kind: 'logout',
      outcome: 'success',
      ...(known ? {} : { detail: 'no such refresh token' }),
      ...(address ? { address } : {}),
    });
  }

  private async grant(
    account: Account,
    user: RequestUser,
    scopes: readonly string[],
    refreshToken: string,
  ): Promise<TokenGrant> {
    const issued = await this.deps.tokens.issue(user, scopes);
    return {
      access_token: issued.accessToken,
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      refresh_token: refreshToken,
      scope: scopes.join(' '),
      user: {
        id: account.username,
        username: account.username,
        role: account.role,
        ...(account.display ? { display: account.display } : {}),
        ...(account.organization ? { organization: account.organization } : {}),
        ...(account.practitioner ? { practitioner: account.practitioner } : {}),
        ...(account.patient ? { patient: account.patient } : {}),
      },
    };
  }
}
