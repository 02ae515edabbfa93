import type { Role } from '../context';

/**
 * SMART on FHIR scopes, pure: parsing (v1 `patient/Observation.read`, v2 `user/Observation.rs`), checking an
 * operation against granted scopes, default scopes per role, and narrowing a grant to what a client asked for.
 * @see https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html
 */

export type ScopeContext = 'patient' | 'user' | 'system';
/** SMART v2 operations: create, read, update, delete, search. */
export type ScopeOp = 'c' | 'r' | 'u' | 'd' | 's';

export interface ResourceScope {
  readonly context: ScopeContext;
  /** A resource type, or `*` for all. */
  readonly resourceType: string;
  readonly ops: ReadonlySet<ScopeOp>;
}

export interface ScopeRequest {
  readonly context: ScopeContext;
  readonly resourceType: string;
  readonly op: ScopeOp;
}

const ALL_OPS: readonly ScopeOp[] = ['c', 'r', 'u', 'd', 's'];
const V1_OPS: Readonly<Record<string, readonly ScopeOp[]>> = {
  read: ['r', 's'],
  write: ['c', 'u', 'd'],
  '*': ALL_OPS,
};
// v2 permissions are a non-empty subsequence of "cruds", in that order.
const V2_OPS = /^c?r?u?d?s?$/;
const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]{1,63})\.([a-z*]+)$/;

/** Scopes that are not about resources but that a client may ask for and keep. */
export const NON_RESOURCE_SCOPES: readonly string[] = [
  'openid',
  'fhirUser',
  'profile',
  'offline_access',
  'online_access',
];

/**
 * The resource scope a string grants, or undefined when it grants none: non-resource scopes (`openid`), malformed
 * ones, and v2 scopes with a query restriction (`?category=…`), which this server cannot enforce and so never honours.
 */
export function parseScope(scope: string): ResourceScope | undefined {
  const m = RESOURCE_SCOPE.exec(scope);
  if (!m) return undefined;
  const [, context = '', resourceType = '', perms = ''] = m;
  const v1 = V1_OPS[perms];
  if (v1) return { context: context as ScopeContext, resourceType, ops: new Set(v1) };
  if (perms === '' || !V2_OPS.test(perms)) return undefined;
  return { context: context as ScopeContext, resourceType, ops: new Set(ALL_OPS.filter((op) => perms.includes(op))) };
}

/** Splits an OAuth `scope` parameter (space-separated) into its scopes, dropping empties and duplicates. */
export function splitScopes(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(/\s+/).filter(Boolean))];
}

/** True when some granted scope allows `op` on `resourceType` in `context` (the context must match exactly). */
export function scopesAllow(scopes: readonly string[], request: ScopeRequest): boolean {
  return scopes.some((s) => {
    const p = parseScope(s);
    return (
      p !== undefined &&
      p.context === request.context &&
      (p.resourceType === '*' || p.resourceType === request.resourceType) &&
      p.ops.has(request.op)
    );
  });
}

/** The scope context a role's tokens carry: patients see their own compartment, the server acts as itself. */
export function scopeContextOf(role: Role): ScopeContext {
  if (role === 'patient') return 'patient';
  if (role === 'system') return 'system';
  return 'user';
}

/**
 * What each role may do through the FHIR API at most (the services' role rules narrow further).
 * Admins manage the directory and read the audit trail; researchers use the de-identified export only.
 */
export const DEFAULT_SCOPES: Readonly<Record<Role, readonly string[]>> = {
  clinician: ['user/*.cruds'],
  nurse: ['user/*.cruds'],
  patient: ['patient/*.rs'],
  // The audit log is read through /api/audit (admins), never through /fhir.
  admin: ['user/Practitioner.cruds', 'user/PractitionerRole.cruds', 'user/Organization.cruds'],
  researcher: [],
  system: ['system/*.cruds'],
};

/** True when every operation `wanted` grants is also granted by one of `granted`. */
function covered(wanted: ResourceScope, granted: readonly ResourceScope[]): boolean {
  return [...wanted.ops].every((op) =>
    granted.some(
      (g) =>
        g.context === wanted.context &&
        (g.resourceType === '*' || g.resourceType === wanted.resourceType) &&
        g.ops.has(op),
    ),
  );
}

/**
 * The scopes to grant when a client asks for `requested` and the account may have `allowed`: no request means
 * all of `allowed`; otherwise the requested scopes that `allowed` covers (a request can only narrow, never widen).
 */
export function narrowScopes(allowed: readonly string[], requested: readonly string[] | undefined): string[] {
  if (requested === undefined || requested.length === 0) return [...allowed];
  const grants = allowed.map(parseScope).filter((p): p is ResourceScope => p !== undefined);
  return requested.filter((s) => {
    if (NON_RESOURCE_SCOPES.includes(s)) return true;
    const p = parseScope(s);
    return p !== undefined && covered(p, grants);
  });
}

/** Every scope form this server understands, for the SMART configuration document. */
export const SCOPES_SUPPORTED: readonly string[] = [
  ...NON_RESOURCE_SCOPES,
  'patient/*.rs',
  'patient/*.read',
  'user/*.cruds',
  'user/*.read',
  'user/*.write',
  'system/*.cruds',
  'system/*.read',
];
