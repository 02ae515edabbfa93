import type { Consent, Resource } from '@medplum/fhirtypes';
import { forbidden, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { SearchParamRegistry } from '../../fhir-definitions/search-parameters';
import type { Repository } from '../../store/repository';
import type { SearchScope, Sql } from '../../store/search/sql';
import { scopeContextOf, scopesAllow } from '../auth/scopes';
import type { RequestContext, RequestUser } from '../context';
import { consentDenies, consentPatient } from './consent';
import { and, compartmentCondition, FALSE_SQL, releasedCondition, TRUE_SQL } from './patient-scope';
import { RELEASED_ONLY_FOR_PATIENTS, ROLE_RULES, SMART_OP, type Operation, type TypeClass } from './rules';

/** The class of a resource type (see rules.ts): AuditEvent and Consent first, then the R4 Patient compartment. */
export function typeClassOf(registry: SearchParamRegistry, type: string): TypeClass {
  if (type === 'AuditEvent') return 'audit';
  if (type === 'Consent') return 'consent';
  if (type === 'Patient' || registry.patientCompartmentParams(type).length > 0) return 'compartment';
  return 'reference';
}

/** Throws a 403 OperationOutcome naming what was refused. */
export function refuse(message: string): never {
  throw new OperationOutcomeError(forbidden(message));
}

function requireUser(ctx: RequestContext): RequestUser {
  if (!ctx.user) refuse('No user is signed in');
  return ctx.user;
}

/**
 * Patients whose active privacy Consent withholds their data from organisation `org` (see consent.ts). One query
 * (no paging, no total) for the Consents indexed as status `active` and scope `patient-privacy`; consent.ts then
 * decides on the content itself, so the SQL only has to return a superset of what it accepts.
 */
async function deniedPatients(repo: Repository, org: string, now: Date): Promise<string[]> {
  const rows = await repo.session.query<{ content: string | Consent }>(
    `SELECT r.content FROM resources r WHERE r.res_type = 'Consent' AND r.deleted = 0
      AND r.res_id IN (SELECT s.res_id FROM sp_token s WHERE s.res_type = 'Consent' AND s.param = 'status' AND s.code = 'active')
      AND r.res_id IN (SELECT p.res_id FROM sp_token p WHERE p.res_type = 'Consent' AND p.param = 'scope' AND p.code = 'patient-privacy')`,
  );
  const denied = new Set<string>();
  for (const row of rows) {
    const c = typeof row.content === 'string' ? (JSON.parse(row.content) as Consent) : row.content;
    const patient = consentPatient(c);
    if (patient && consentDenies(c, org, now)) denied.add(patient);
  }
  return [...denied];
}

/**
 * What one user may do, computed once per request from `ctx.user`: the role rules (rules.ts) intersected with the
 * token's SMART scopes when it has any, and the patient scope as SQL (patient-scope.ts) narrowed by Consent.
 */
export class AccessPolicy {
  private constructor(
    readonly user: RequestUser,
    private readonly registry: SearchParamRegistry,
    private readonly denied: readonly string[],
  ) {}

  /** The policy of the context's user; 403 without one. Consents are read only for organisation staff. */
  static async load(ctx: RequestContext, repo: Repository, now: Date): Promise<AccessPolicy> {
    const user = requireUser(ctx);
    const staff = user.role === 'clinician' || user.role === 'nurse';
    const denied = staff ? await deniedPatients(repo, user.organization ?? '', now) : [];
    return new AccessPolicy(user, repo.registry, denied);
  }

  typeClass(type: string): TypeClass {
    return typeClassOf(this.registry, type);
  }

  /** True when the role rule and the token's scopes (if any) allow `op` on `type`. */
  allows(op: Operation, type: string): boolean {
    if (!ROLE_RULES[this.user.role][this.typeClass(type)].includes(op)) return false;
    const scopes = this.user.scopes;
    if (scopes === undefined) return true;
    return scopesAllow(scopes, { context: scopeContextOf(this.user.role), resourceType: type, op: SMART_OP[op] });
  }

  /** 403 unless `op` on `type` is allowed (this reveals nothing about any record). */
  require(op: Operation, type: string): void {
    if (!this.allows(op, type)) refuse(`A ${this.user.role} may not ${op} ${type} (user ${this.user.id})`);
  }

  /**
   * The condition a row of `type` under `alias` must meet to be seen: the patient scope for compartment and
   * Consent types, nothing more for shared reference data. `current` rows can also be held to the released-only
   * rule in SQL (the index describes current versions only; older versions are checked with `released`).
   */
  condition(type: string, alias: string, current = true): Sql {
    const cls = this.typeClass(type);
    if (cls === 'reference') return TRUE_SQL;
    if (cls === 'audit') return FALSE_SQL;
    const patient = compartmentCondition(this.user, alias, this.denied);
    return and([patient, current ? releasedCondition(this.user, type, alias) : undefined]);
  }

  /** The search restriction: types the user may not read are invisible, the others meet `condition`. */
  readonly searchScope: SearchScope = (type, alias) =>
    this.allows('read', type) || this.allows('search', type) ? this.condition(type, alias) : FALSE_SQL;

  /** The released-only rule for patients, on content (for older versions: vread, history). */
  released(resource: Resource): boolean {
    const statuses = RELEASED_ONLY_FOR_PATIENTS[resource.resourceType];
    if (this.user.role !== 'patient' || !statuses) return true;
    const status = (resource as { status?: unknown }).status;
    return typeof status === 'string' && statuses.includes(status);
  }
}
