import type { Role } from '../services/context';
import { DEFAULT_SCOPES } from '../services/auth/scopes';
import type { TokenGrant } from '../services/auth/sign-in';
import type { TestApp } from './app';

export interface TestUser {
  readonly role: Role;
  /** Defaults to `<role>-<n>`, unique within the process. */
  readonly username?: string;
  readonly display?: string;
  readonly organization?: string;
  readonly practitioner?: string;
  /** Required for `patient`. */
  readonly patient?: string;
  /** The OAuth `scope` to ask for (space-separated); absent: the role's defaults. */
  readonly scopes?: string;
}

export const TEST_PASSWORD = 'correct horse battery staple';

let counter = 0;

/**
 * Creates an account on a test app and signs it in through POST /auth/login; returns the grant (tokens, user),
 * the username and the headers to send (`{ authorization: 'Bearer …' }`).
 */
export async function signInGrant(
  t: Pick<TestApp, 'app' | 'auth'>,
  user: TestUser,
): Promise<{ headers: { authorization: string }; grant: TokenGrant; username: string }> {
  const username = user.username ?? `${user.role}-${++counter}`;
  await t.auth.accounts.add({
    username,
    password: TEST_PASSWORD,
    role: user.role,
    ...(user.display ? { display: user.display } : {}),
    ...(user.organization ? { organization: user.organization } : {}),
    ...(user.practitioner ? { practitioner: user.practitioner } : {}),
    ...(user.patient ? { patient: user.patient } : {}),
  });
  const res = await t.app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { username, password: TEST_PASSWORD, ...(user.scopes !== undefined ? { scope: user.scopes } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`test sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const grant = res.json<TokenGrant>();
  return { headers: { authorization: `Bearer ${grant.access_token}` }, grant, username };
}

/** Signs in a new account of the given role on a test app: `{ authorization: 'Bearer …' }` for `inject`. */
export async function signIn(t: Pick<TestApp, 'app' | 'auth'>, user: TestUser): Promise<{ authorization: string }> {
  return (await signInGrant(t, user)).headers;
}

/**
 * Headers for the server acting as itself (role `system`, `system/*.cruds`): for tests of REST mechanics rather
 * than of who may see what. No account is created; the token is issued directly.
 */
export async function systemHeaders(t: Pick<TestApp, 'auth'>): Promise<{ authorization: string }> {
  const issued = await t.auth.tokens.issue({ id: 'test-system', role: 'system' }, DEFAULT_SCOPES.system);
  return { authorization: `Bearer ${issued.accessToken}` };
}
