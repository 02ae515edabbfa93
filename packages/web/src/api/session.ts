/** The signed-in user, as /auth/login and /auth/me return it. */
export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly display?: string;
  readonly role: 'clinician' | 'nurse' | 'admin' | 'researcher' | 'patient' | 'system';
  readonly organization?: string;
  readonly practitioner?: string;
  readonly patient?: string;
}

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly user: SessionUser;
}

// Tokens live for the browser tab only (sessionStorage): closing the tab signs the user out.
const KEY = 'careloop.session';
type Listener = (session: Session | undefined) => void;
const listeners = new Set<Listener>();

export function currentSession(): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  try {
    const s = JSON.parse(raw) as Partial<Session>;
    return s.accessToken && s.refreshToken && s.user ? (s as Session) : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  for (const l of listeners) l(session);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
