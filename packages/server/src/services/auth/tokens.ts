import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { OperationOutcomeError, unauthorized } from '@careloop/core/fhir/outcomes';
import type { Config } from '../../config/config';
import { ROLES, type RequestUser } from '../context';

export interface TokenOptions {
  readonly issuer: string;
  readonly audience: string;
  /** Lifetime of an access token, seconds. */
  readonly ttl: number;
  readonly clock: () => Date;
}

export interface IssuedToken {
  readonly accessToken: string;
  /** Seconds until it expires. */
  readonly expiresIn: number;
  readonly scopes: readonly string[];
}

/** Issuer and audience of this server's tokens: a token minted for another deployment is refused. */
export function tokenOptions(config: Config, clock: () => Date): TokenOptions {
  const issuer = (config.baseUrl ?? 'urn:careloop').replace(/\/$/, '');
  return { issuer, audience: `${issuer}/fhir`, ttl: config.accessTokenTtl, clock };
}

interface Claims extends JWTPayload {
  role?: unknown;
  name?: unknown;
  org?: unknown;
  prac?: unknown;
  pat?: unknown;
  scope?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Short-lived access tokens: JWT signed with HS256. Claims: sub (account id), role, name, org, prac, pat,
 * scope (space-separated), iat, exp, jti; iss and aud are set and checked.
 */
export class TokenService {
  constructor(
    private readonly key: Uint8Array,
    readonly options: TokenOptions,
  ) {}

  /** An access token for `user` carrying `scopes` (already decided by the caller). */
  async issue(user: RequestUser, scopes: readonly string[]): Promise<IssuedToken> {
    const iat = Math.floor(this.options.clock().getTime() / 1000);
    const claims: Claims = {
      role: user.role,
      ...(user.display ? { name: user.display } : {}),
      ...(user.organization ? { org: user.organization } : {}),
      ...(user.practitioner ? { prac: user.practitioner } : {}),
      ...(user.patient ? { pat: user.patient } : {}),
      scope: scopes.join(' '),
    };
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.options.ttl)
      .setJti(randomUUID())
      .sign(this.key);
    return { accessToken, expiresIn: this.options.ttl, scopes: [...scopes] };
  }

  /** The user a token stands for; a 401 OperationOutcome when it is malformed, forged, expired or not ours. */
  async verify(token: string): Promise<RequestUser> {
    let payload: Claims;
    try {
      ({ payload } = await jwtVerify<Claims>(token, this.key, {
        algorithms: ['HS256'],
        issuer: this.options.issuer,
        audience: this.options.audience,
        currentDate: this.options.clock(),
        requiredClaims: ['sub', 'iat', 'exp', 'jti'],
      }));
    } catch (err) {
      const expired = err instanceof errors.JWTExpired;
      throw new OperationOutcomeError(unauthorized(expired ? 'The access token has expired' : 'Invalid access token'));
    }
    const role = ROLES.find((r) => r === payload.role);
    const id = str(payload.sub);
    if (!role || !id) throw new OperationOutcomeError(unauthorized('Invalid access token'));
    const display = str(payload.name);
    const organization = str(payload.org);
    const practitioner = str(payload.prac);
    const patient = str(payload.pat);
    return {
      id,
      role,
      ...(display ? { display } : {}),
      ...(organization ? { organization } : {}),
      ...(practitioner ? { practitioner } : {}),
      ...(patient ? { patient } : {}),
      scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
    };
  }
}
