import type { JSONWebKeySet, JWK } from 'jose';
import { badRequest, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { Backend } from '../../store/backend';
import { ROLES, type Role } from '../context';
import { parseScope, scopeContextOf } from './scopes';

/**
 * A service account: another system that signs in with a key pair, as in SMART Backend Services
 * (https://hl7.org/fhir/smart-app-launch/backend-services.html). Only its public keys are kept.
 */
export interface ServiceClient {
  readonly clientId: string;
  readonly display: string;
  /** `system` unless an admin chose another role for the account. */
  readonly role: Role;
  readonly organization?: string;
  /** The scopes it may ask for (`system/*.rs`…; `user/…` for a staff role), in its role's scope context. */
  readonly scopes: readonly string[];
  /** Its public keys (JWKS) that verify the client assertions it signs. */
  readonly jwks: JSONWebKeySet;
  readonly disabled: boolean;
  readonly created: string;
}

export interface NewServiceClient {
  readonly clientId: string;
  readonly display?: string;
  readonly role?: Role;
  readonly organization?: string;
  readonly scopes: readonly string[];
  readonly jwks: unknown;
}

interface ClientRow {
  client_id: string;
  display: string;
  role: string;
  organization: string | null;
  scopes: string;
  jwks: string;
  disabled: number;
  created: string;
}

/** Roles a service account may have. */
export const CLIENT_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'patient');
const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Private-key members of a JWK (RFC 7518 §6): a registration must never carry them. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

function invalid(message: string, field: string): OperationOutcomeError {
  return new OperationOutcomeError(badRequest(message, field));
}

/** Checks that `value` is a JWKS of public RSA or EC keys, each with a `kid` (SMART requires one). */
export function parsePublicJwks(value: unknown): JSONWebKeySet {
  const keys: unknown = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw invalid('jwks must be {"keys": [ … ]} with a key', 'jwks');
  const list: readonly unknown[] = keys;
  list.forEach((k, i) => {
    const key = k as Record<string, unknown> | null;
    if (!key || typeof key !== 'object') throw invalid(`jwks.keys[${i}] is not an object`, `jwks.keys[${i}]`);
    if (key.kty !== 'RSA' && key.kty !== 'EC') throw invalid(`jwks.keys[${i}].kty must be RSA or EC`, 'jwks');
    if (typeof key.kid !== 'string' || !key.kid) throw invalid(`jwks.keys[${i}] needs a kid`, `jwks.keys[${i}].kid`);
    if (PRIVATE_MEMBERS.some((m) => m in key))
      throw invalid(`jwks.keys[${i}] contains private key material: register the public key only`, 'jwks');
  });
  return { keys: list as JWK[] };
}

function checkNew(c: NewServiceClient): ServiceClient {
  if (!CLIENT_ID.test(c.clientId)) throw invalid('client id: letters, digits, . _ - (at most 64)', 'clientId');
  const role = c.role ?? 'system';
  // A patient account is one person's own record: that is a sign-in, not a service.
  if (!CLIENT_ROLES.includes(role)) throw invalid(`role must be one of ${CLIENT_ROLES.join(', ')}`, 'role');
  if (c.scopes.length === 0) throw invalid('give at least one scope, e.g. system/*.rs', 'scope');
  // Access is judged in the role's scope context (system/ for system, user/ for staff roles).
  const context = scopeContextOf(role);
  for (const s of c.scopes)
    if (parseScope(s)?.context !== context)
      throw invalid(`scope "${s}" is not a ${context}/ scope such as ${context}/*.rs (role ${role})`, 'scope');
  return {
    clientId: c.clientId,
    display: c.display ?? c.clientId,
    role,
    ...(c.organization ? { organization: c.organization } : {}),
    scopes: [...c.scopes],
    jwks: parsePublicJwks(c.jwks),
    disabled: false,
    created: '',
  };
}

function fromRow(r: ClientRow): ServiceClient {
  return {
    clientId: r.client_id,
    display: r.display,
    role: r.role as Role,
    ...(r.organization ? { organization: r.organization } : {}),
    scopes: r.scopes.split(' ').filter(Boolean),
    jwks: JSON.parse(r.jwks) as JSONWebKeySet,
    disabled: r.disabled !== 0,
    created: r.created,
  };
}

/** The `service_clients` and `client_assertion_jti` tables. */
export class ServiceClients {
  constructor(
    private readonly db: Backend,
    private readonly clock: () => Date,
  ) {}

  /** Registers a client; a second registration of the same id is refused (remove or disable it first). */
  async add(input: NewServiceClient): Promise<ServiceClient> {
    const c = { ...checkNew(input), created: this.clock().toISOString() };
    const inserted = await this.db.transaction((tx) =>
      tx.query<{ client_id: string }>(
        `INSERT INTO service_clients (client_id, display, role, organization, scopes, jwks, disabled, created)
         VALUES (?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT (client_id) DO NOTHING RETURNING client_id`,
        [c.clientId, c.display, c.role, c.organization ?? null, c.scopes.join(' '), JSON.stringify(c.jwks), c.created],
      ),
    );
    if (inserted.length === 0) throw invalid(`client "${c.clientId}" already exists`, 'clientId');
    return c;
  }

  async get(clientId: string): Promise<ServiceClient | undefined> {
    const rows = await this.db.query<ClientRow>('SELECT * FROM service_clients WHERE client_id = ?', [clientId]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async list(): Promise<ServiceClient[]> {
    const rows = await this.db.query<ClientRow>('SELECT * FROM service_clients ORDER BY client_id');
    return rows.map(fromRow);
  }

  /** Disables (or re-enables) a client: its assertions are refused from then on. Returns false if unknown. */
  async setDisabled(clientId: string, disabled: boolean): Promise<boolean> {
    const rows = await this.db.transaction((tx) =>
      tx.query<{ client_id: string }>(
        'UPDATE service_clients SET disabled = ? WHERE client_id = ? RETURNING client_id',
        [disabled ? 1 : 0, clientId],
      ),
    );
    return rows.length > 0;
  }

  /**
   * Records an assertion id; false when the client already used it (a replay). Ids are kept until their
   * assertion expires, after which the assertion itself is refused as expired.
   */
  async useJti(clientId: string, jti: string, expiresMs: number): Promise<boolean> {
    const rows = await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM client_assertion_jti WHERE expires_ms < ?', [this.clock().getTime()]);
      return tx.query<{ jti: string }>(
        `INSERT INTO client_assertion_jti (client_id, jti, expires_ms) VALUES (?, ?, ?)
         ON CONFLICT (client_id, jti) DO NOTHING RETURNING jti`,
        [clientId, jti, expiresMs],
      );
    });
    return rows.length === 1;
  }
}
