import type { OperationOutcome } from '@medplum/fhirtypes';
import { currentSession, saveSession, type Session, type SessionUser } from './session';

/** A failed request: the HTTP status (0 when the server could not be reached) and the server's explanation. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail || `HTTP ${status}`);
  }
}

function outcomeText(body: unknown): string {
  const o = body as Partial<OperationOutcome> | undefined;
  if (o?.resourceType !== 'OperationOutcome') return '';
  return (o.issue ?? [])
    .map((i) => i.diagnostics ?? i.details?.text ?? '')
    .filter(Boolean)
    .join(' ');
}

async function send(path: string, init: RequestInit, token?: string): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  try {
    return await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, '');
  }
}

async function failure(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => undefined);
  return new ApiError(res.status, outcomeText(body));
}

interface TokenResponse {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly user?: SessionUser;
}

let refreshing: Promise<Session | undefined> | undefined;

/** Trades the refresh token for new tokens once, however many requests saw the 401 at the same time. */
function refresh(session: Session): Promise<Session | undefined> {
  refreshing ??= (async () => {
    const res = await send('/auth/token', {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: session.refreshToken }),
    });
    if (!res.ok) return undefined;
    const t = (await res.json()) as TokenResponse;
    const next: Session = { accessToken: t.access_token, refreshToken: t.refresh_token, user: t.user ?? session.user };
    saveSession(next);
    return next;
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

/** A request to the CareLoop server with the session's token; on 401 refreshes once, then signs out. */
export async function api(path: string, init: RequestInit = {}): Promise<Response> {
  const session = currentSession();
  let res = await send(path, init, session?.accessToken);
  if (res.status === 401 && session) {
    const next = await refresh(session);
    if (next) res = await send(path, init, next.accessToken);
    if (res.status === 401) saveSession(undefined);
  }
  if (!res.ok) throw await failure(res);
  return res;
}

/** GET or POST JSON. */
export async function apiJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  return (await (await api(path, init)).json()) as T;
}

export function postJson<T>(path: string, body: unknown): Promise<T> {
  return apiJson<T>(path, { method: 'POST', body: JSON.stringify(body) });
}

/** Signs in and keeps the session; bad credentials throw ApiError 401 (the screen says so in plain words). */
export async function signIn(username: string, password: string): Promise<Session> {
  const res = await send('/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) });
  if (!res.ok) throw await failure(res);
  const t = (await res.json()) as TokenResponse;
  if (!t.user) throw new ApiError(500, 'sign-in answered without a user');
  const session: Session = { accessToken: t.access_token, refreshToken: t.refresh_token, user: t.user };
  saveSession(session);
  return session;
}

export async function signOut(): Promise<void> {
  const session = currentSession();
  saveSession(undefined);
  if (session)
    await send('/auth/logout', { method: 'POST', body: JSON.stringify({ refresh_token: session.refreshToken }) }).catch(
      () => undefined,
    );
}

/**
 * After an OpenID Connect sign-in the server redirects to `/#access_token=…&refresh_token=…`: keep the tokens as the
 * session and take them out of the address bar (and so out of the history) at once.
 */
export async function adoptRedirectedSession(): Promise<void> {
  const hash = window.location.hash;
  if (!hash.startsWith('#access_token=')) return;
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  const p = new URLSearchParams(hash.slice(1));
  const accessToken = p.get('access_token');
  const refreshToken = p.get('refresh_token');
  if (!accessToken || !refreshToken) return;
  const res = await send('/auth/me', {}, accessToken);
  if (!res.ok) return;
  saveSession({ accessToken, refreshToken, user: (await res.json()) as SessionUser });
}

/** The address that starts sign-in at the organisation's identity provider, when the server offers one. */
export async function externalSignInUrl(): Promise<string | undefined> {
  const res = await send('/.well-known/smart-configuration', {});
  if (!res.ok) return undefined;
  const c = (await res.json()) as { authorization_endpoint?: string };
  return c.authorization_endpoint ? '/auth/oidc/login' : undefined;
}
