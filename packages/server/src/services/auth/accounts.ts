import { badRequest, conflict, notFound, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { Backend, SqlValue } from '../../store/backend';
import { ROLES, type RequestUser, type Role } from '../context';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyDummy, verifyPassword } from './passwords';

/** A local account as shown to administrators (never the hash). */
export interface Account {
  readonly username: string;
  readonly role: Role;
  readonly display?: string;
  readonly organization?: string;
  readonly practitioner?: string;
  readonly patient?: string;
  readonly disabled: boolean;
  readonly failedCount: number;
  /** ISO instant until which sign-in is refused, when locked. */
  readonly lockedUntil?: string;
  readonly created: string;
}

export interface NewAccount {
  readonly username: string;
  readonly role: Role;
  /** Generated (and returned once) when absent. */
  readonly password?: string;
  readonly display?: string;
  readonly organization?: string;
  readonly practitioner?: string;
  readonly patient?: string;
}

export interface LockoutPolicy {
  readonly attempts: number;
  readonly minutes: number;
}

export type SignInResult =
  | { readonly ok: true; readonly account: Account }
  /** Unknown user, wrong password, disabled account: the caller answers all alike. */
  | { readonly ok: false; readonly reason: 'invalid'; readonly detail: 'unknown' | 'password' | 'disabled' }
  | { readonly ok: false; readonly reason: 'locked'; readonly until: string };

interface AccountRow {
  username: string;
  password_hash: string | null;
  role: string;
  display: string | null;
  organization: string | null;
  practitioner: string | null;
  patient: string | null;
  disabled: number | string;
  failed_count: number | string;
  locked_until: number | string | null;
  created: string;
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
/** Roles a local (password) account may have; `system` is the server and its service accounts. */
export const ACCOUNT_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'system');

function toAccount(r: AccountRow): Account {
  const locked = r.locked_until === null ? undefined : Number(r.locked_until);
  return {
    username: r.username,
    role: r.role as Role,
    ...(r.display ? { display: r.display } : {}),
    ...(r.organization ? { organization: r.organization } : {}),
    ...(r.practitioner ? { practitioner: r.practitioner } : {}),
    ...(r.patient ? { patient: r.patient } : {}),
    disabled: Number(r.disabled) !== 0,
    failedCount: Number(r.failed_count),
    ...(locked !== undefined ? { lockedUntil: new Date(locked).toISOString() } : {}),
    created: r.created,
  };
}

/** The user a signed-in account acts as. */
export function accountUser(a: Account): RequestUser {
  return {
    id: a.username,
    role: a.role,
    ...(a.display ? { display: a.display } : {}),
    ...(a.organization ? { organization: a.organization } : {}),
    ...(a.practitioner ? { practitioner: a.practitioner } : {}),
    ...(a.patient ? { patient: a.patient } : {}),
  };
}

function checkNew(a: NewAccount): void {
  const bad = (msg: string, field: string) => new OperationOutcomeError(badRequest(msg, field));
  if (!USERNAME.test(a.username)) throw bad('username must be 1–64 letters, digits, ".", "_", "@" or "-"', 'username');
  if (!ACCOUNT_ROLES.includes(a.role)) throw bad(`role must be one of ${ACCOUNT_ROLES.join(', ')}`, 'role');
  for (const field of ['organization', 'practitioner', 'patient'] as const) {
    const v = a[field];
    if (v !== undefined && !ID.test(v)) throw bad(`${field} must be a FHIR id`, field);
  }
  if (a.role === 'patient' && !a.patient) throw bad('a patient account needs the Patient id it is', 'patient');
  if (a.password !== undefined && a.password.length < MIN_PASSWORD_LENGTH)
    throw bad(`password must have at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
}

/** Local accounts: creation, listing, password sign-in with lock-out after repeated failures. */
export class AccountService {
  constructor(
    private readonly backend: Backend,
    private readonly clock: () => Date,
  ) {}

  /** Creates an account; returns it and the password (the generated one when none was given). */
  async add(a: NewAccount): Promise<{ account: Account; password: string }> {
    checkNew(a);
    const password = a.password ?? generatePassword();
    const hash = await hashPassword(password);
    const created = this.clock().toISOString();
    const inserted = await this.backend.transaction(async (tx) => {
      const existing = await tx.query('SELECT 1 AS x FROM accounts WHERE username = ?', [a.username]);
      if (existing.length > 0) return false;
      const values: SqlValue[] = [
        a.username,
        hash,
        a.role,
        a.display ?? null,
        a.organization ?? null,
        a.practitioner ?? null,
        a.patient ?? null,
        created,
      ];
      await tx.query(
        `INSERT INTO accounts (username, password_hash, role, display, organization, practitioner, patient, created)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        values,
      );
      return true;
    });
    if (!inserted) throw new OperationOutcomeError(conflict(`account "${a.username}" already exists`));
    return { account: await this.require(a.username), password };
  }

  async find(username: string): Promise<Account | undefined> {
    const rows = await this.backend.query<AccountRow>('SELECT * FROM accounts WHERE username = ?', [username]);
    return rows[0] ? toAccount(rows[0]) : undefined;
  }

  /** The enabled accounts whose password is `password` (no sign-in attempt is recorded, no lock-out counted). */
  async enabledWithPassword(password: string): Promise<string[]> {
    const rows = await this.backend.query<AccountRow>('SELECT * FROM accounts WHERE disabled = 0 ORDER BY username');
    const out: string[] = [];
    for (const r of rows)
      if (r.password_hash && (await verifyPassword(r.password_hash, password))) out.push(r.username);
    return out;
  }

  async require(username: string): Promise<Account> {
    const a = await this.find(username);
    if (!a) throw new OperationOutcomeError(notFound(`account "${username}"`));
    return a;
  }

  async list(): Promise<Account[]> {
    const rows = await this.backend.query<AccountRow>('SELECT * FROM accounts ORDER BY username');
    return rows.map(toAccount);
  }

  async setDisabled(username: string, disabled: boolean): Promise<Account> {
    await this.require(username);
    await this.backend.transaction((tx) =>
      tx.query('UPDATE accounts SET disabled = ? WHERE username = ?', [disabled ? 1 : 0, username]),
    );
    return this.require(username);
  }

  /** Ends every sign-in session of the account (its refresh tokens); used when it is disabled. */
  async revokeRefreshTokens(username: string): Promise<void> {
    await this.backend.transaction((tx) => tx.query('DELETE FROM refresh_tokens WHERE username = ?', [username]));
  }

  /** Lifts a lock-out and forgets earlier failures. */
  async unlock(username: string): Promise<Account> {
    await this.require(username);
    await this.backend.transaction((tx) =>
      tx.query('UPDATE accounts SET failed_count = 0, locked_until = NULL WHERE username = ?', [username]),
    );
    return this.require(username);
  }

  async setPassword(username: string, password: string): Promise<void> {
    if (password.length < MIN_PASSWORD_LENGTH)
      throw new OperationOutcomeError(
        badRequest(`password must have at least ${MIN_PASSWORD_LENGTH} characters`, 'password'),
      );
    await this.require(username);
    const hash = await hashPassword(password);
    await this.backend.transaction((tx) =>
      tx.query('UPDATE accounts SET password_hash = ? WHERE username = ?', [hash, username]),
    );
  }

  /**
   * Checks a password. Unknown users are verified against a dummy hash so that they take as long as a wrong
   * password; `lockout.attempts` failures in a row lock the account for `lockout.minutes`; success resets the count.
   */
  async signIn(username: string, password: string, lockout: LockoutPolicy): Promise<SignInResult> {
    const rows = await this.backend.query<AccountRow>('SELECT * FROM accounts WHERE username = ?', [username]);
    const row = rows[0];
    if (!row?.password_hash) {
      await verifyDummy(password);
      return { ok: false, reason: 'invalid', detail: 'unknown' };
    }
    const now = this.clock().getTime();
    if (row.locked_until !== null && Number(row.locked_until) > now) {
      await verifyDummy(password);
      return { ok: false, reason: 'locked', until: new Date(Number(row.locked_until)).toISOString() };
    }
    const good = await verifyPassword(row.password_hash, password);
    if (good && Number(row.disabled) === 0) {
      await this.backend.transaction((tx) =>
        tx.query('UPDATE accounts SET failed_count = 0, locked_until = NULL WHERE username = ?', [username]),
      );
      return { ok: true, account: toAccount({ ...row, failed_count: 0, locked_until: null }) };
    }
    if (good) return { ok: false, reason: 'invalid', detail: 'disabled' };
    await this.backend.transaction(async (tx) => {
      await tx.query('UPDATE accounts SET failed_count = failed_count + 1 WHERE username = ?', [username]);
      const [r] = await tx.query<{ failed_count: number | string }>(
        'SELECT failed_count FROM accounts WHERE username = ?',
        [username],
      );
      if (r && Number(r.failed_count) >= lockout.attempts)
        await tx.query('UPDATE accounts SET failed_count = 0, locked_until = ? WHERE username = ?', [
          now + lockout.minutes * 60_000,
          username,
        ]);
    });
    return { ok: false, reason: 'invalid', detail: 'password' };
  }
}
