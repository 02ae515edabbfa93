import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import type { AuditRecorder } from '../audit/recorder';
import type { RequestContext, RequestUser } from '../context';
import { narrowScopes, parseScope, scopeContextOf, splitScopes } from './scopes';
import type { ServiceClient, ServiceClients } from './service-clients';
import type { TokenService } from './tokens';

/**
 * The OAuth client-credentials grant of SMART Backend Services: a registered system proves who it is with a JWT
 * signed by one of its keys (RFC 7523 client assertion) and gets a short-lived access token for its scopes.
 * @see https://hl7.org/fhir/smart-app-launch/backend-services.html
 * @see https://hl7.org/fhir/smart-app-launch/client-confidential-asymmetric.html
 */

export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** The algorithms SMART requires servers to support. */
export const ASSERTION_ALGORITHMS: readonly string[] = ['RS384', 'ES384'];
/** SMART: an assertion's exp is at most five minutes ahead. */
const MAX_ASSERTION_LIFETIME_S = 300;
/** Clock skew tolerated between the client and us. */
const SKEW_S = 30;

export type OAuthErrorCode =
  'invalid_request' | 'invalid_client' | 'invalid_grant' | 'invalid_scope' | 'unsupported_grant_type';

/** A token endpoint answer: the status and JSON body to send (with `Cache-Control: no-store`). */
export type TokenEndpointResult =
  | {
      readonly status: 200;
      readonly body: { access_token: string; token_type: 'Bearer'; expires_in: number; scope: string };
    }
  | { readonly status: 400 | 401; readonly body: { error: OAuthErrorCode; error_description: string } };

export interface ClientCredentialsDeps {
  readonly clients: ServiceClients;
  /** Signs CareLoop access tokens (the token service). */
  readonly tokens: Pick<TokenService, 'issue'>;
  /** The absolute URL of POST /auth/token: the only `aud` accepted. */
  readonly tokenUrl: string;
  readonly clock: () => Date;
  readonly audit: AuditRecorder;
  readonly ctx: RequestContext;
  /** Client network address for the audit trail. */
  readonly address?: string;
}

/** A refusal carries its OAuth error; RFC 6749 §5.2: a failed client authentication is 401, the rest 400. */
class Refusal extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function refuse(code: OAuthErrorCode, message: string): never {
  throw new Refusal(code, message);
}

/** The unverified header and claims, only to find the client and key; nothing is trusted before jwtVerify. */
function peek(assertion: string): { clientId: string; kid: string; alg: string } {
  let claims: JWTPayload;
  let header: { kid?: string; alg?: string };
  try {
    header = decodeProtectedHeader(assertion);
    claims = decodeJwt(assertion);
  } catch {
    return refuse('invalid_client', 'client_assertion is not a JWT');
  }
  if (!claims.iss) refuse('invalid_client', 'client_assertion has no iss (it must be the client id)');
  if (!header.alg || !ASSERTION_ALGORITHMS.includes(header.alg))
    refuse('invalid_client', `client_assertion must be signed with ${ASSERTION_ALGORITHMS.join(' or ')}`);
  if (!header.kid) refuse('invalid_client', 'client_assertion header needs the kid of the signing key');
  return { clientId: claims.iss, kid: header.kid, alg: header.alg };
}

function claimedIssuer(assertion: string): string | undefined {
  try {
    return decodeJwt(assertion).iss;
  } catch {
    return undefined;
  }
}

/** Why jose refused an assertion, in words a client developer can act on. */
function verificationMessage(err: unknown, tokenUrl: string): string {
  if (err instanceof errors.JWTExpired) return 'client_assertion has expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return `client_assertion aud must be the token endpoint ${tokenUrl}`;
    if (err.claim === 'iss' || err.claim === 'sub') return 'client_assertion iss and sub must both be the client id';
    return `client_assertion claim ${err.claim}: ${err.reason}`;
  }
  if (err instanceof errors.JWKSNoMatchingKey) return 'no registered key of this client has that kid';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'client_assertion signature does not verify';
  return 'client_assertion could not be verified';
}

async function authenticate(assertion: string, deps: ClientCredentialsDeps): Promise<ServiceClient> {
  const { clientId } = peek(assertion);
  const client = await deps.clients.get(clientId);
  if (!client) return refuse('invalid_client', `unknown client "${clientId}"`);
  if (client.disabled) refuse('invalid_client', `client "${clientId}" is disabled`);
  const now = deps.clock();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(assertion, createLocalJWKSet(client.jwks), {
      algorithms: [...ASSERTION_ALGORITHMS],
      issuer: clientId,
      subject: clientId,
      audience: deps.tokenUrl,
      requiredClaims: ['exp', 'jti'],
      currentDate: now,
      clockTolerance: SKEW_S,
    }));
  } catch (err) {
    return refuse('invalid_client', verificationMessage(err, deps.tokenUrl));
  }
  const exp = payload.exp ?? 0;
  if (exp - now.getTime() / 1000 > MAX_ASSERTION_LIFETIME_S + SKEW_S)
    refuse('invalid_client', 'client_assertion exp must be at most 5 minutes ahead');
  if (!(await deps.clients.useJti(clientId, payload.jti ?? '', exp * 1000)))
    refuse('invalid_client', 'client_assertion jti was already used (replay)');
  return client;
}

/** The requested scopes, all of which the client must be allowed (in its role's context: system/ for system). */
function grantScopes(client: ServiceClient, scope: string | undefined): string[] {
  const requested = splitScopes(scope);
  if (requested.length === 0)
    refuse('invalid_scope', `scope is required; this client may ask for: ${client.scopes.join(' ')}`);
  const beyond = requested.filter(
    (s) => parseScope(s)?.context !== scopeContextOf(client.role) || narrowScopes(client.scopes, [s]).length !== 1,
  );
  if (beyond.length > 0)
    refuse('invalid_scope', `not allowed for this client: ${beyond.join(' ')} (allowed: ${client.scopes.join(' ')})`);
  return requested;
}

/**
 * Handles POST /auth/token with grant_type=client_credentials. `body` is the form (or JSON) body as strings.
 * Every success and refusal is audited as a `token` event for the client id.
 */
export async function clientCredentialsGrant(
  body: Readonly<Record<string, string | undefined>>,
  deps: ClientCredentialsDeps,
): Promise<TokenEndpointResult> {
  let clientId: string | undefined;
  try {
    if (body.grant_type !== 'client_credentials')
      refuse('unsupported_grant_type', 'grant_type must be client_credentials');
    if (body.client_assertion_type !== JWT_BEARER_ASSERTION)
      refuse('invalid_request', `client_assertion_type must be ${JWT_BEARER_ASSERTION}`);
    if (!body.client_assertion) refuse('invalid_request', 'client_assertion is required');
    // Claimed, not yet proven: the audit trail names who a refused attempt said it was.
    clientId = claimedIssuer(body.client_assertion) ?? body.client_id;
    const client = await authenticate(body.client_assertion, deps);
    clientId = client.clientId;
    if (body.client_id !== undefined && body.client_id !== client.clientId)
      refuse('invalid_client', 'client_id differs from the assertion issuer');
    const scopes = grantScopes(client, body.scope);
    const user: RequestUser = {
      id: client.clientId,
      role: client.role,
      display: client.display,
      ...(client.organization ? { organization: client.organization } : {}),
      scopes,
    };
    const issued = await deps.tokens.issue(user, scopes);
    await audit(deps, { ...deps.ctx, user }, 'success', client.clientId, `client_credentials: ${scopes.join(' ')}`);
    return {
      status: 200,
      body: {
        access_token: issued.accessToken,
        token_type: 'Bearer',
        expires_in: issued.expiresIn,
        scope: scopes.join(' '),
      },
    };
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    await audit(deps, deps.ctx, 'refused', clientId, `client_credentials ${err.code}: ${err.message}`);
    const status = err.code === 'invalid_client' ? 401 : 400;
    return { status, body: { error: err.code, error_description: err.message } };
  }
}

async function audit(
  deps: ClientCredentialsDeps,
  ctx: RequestContext,
  outcome: 'success' | 'refused',
  clientId: string | undefined,
  detail: string,
): Promise<void> {
  await deps.audit.record(ctx, {
    kind: 'token',
    outcome,
    detail,
    ...(clientId ? { username: clientId } : {}),
    ...(deps.address ? { address: deps.address } : {}),
  });
}
