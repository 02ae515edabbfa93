import type { Sql } from '../../store/search/sql';
import type { RequestUser } from '../context';
import { RELEASED_ONLY_FOR_PATIENTS } from './rules';

/**
 * The patient scope as SQL conditions on a row of `resources` or `history` (alias given), written with sub-selects
 * on the search-index tables so a search stays one query and its paging and total stay right. Every row carries
 * `patient_id`, its Patient compartment (null for resources outside it).
 */

export const TRUE_SQL: Sql = { sql: '1 = 1', params: [] };
export const FALSE_SQL: Sql = { sql: '1 = 0', params: [] };

/**
 * Patients a clinician or nurse looks after: those whose Patient.managingOrganization (R4 search parameter
 * Patient `organization`) is their organisation, and the subjects (CareTeam `patient`) of active CareTeams with
 * their Practitioner as a participant (CareTeam `participant`). As correlated EXISTS on the row's patient (`col`):
 * each row costs an index probe or two, where `IN (SELECT …)` built the whole organisation's patient list for
 * every query. Returns undefined when the user has neither.
 */
function caredFor(user: RequestUser, col: string): Sql | undefined {
  const parts: Sql[] = [];
  if (user.organization) {
    parts.push({
      sql: `EXISTS (SELECT 1 FROM sp_reference o WHERE o.res_type = 'Patient' AND o.res_id = ${col} AND o.param = 'organization' AND o.target_type = 'Organization' AND o.target_id = ?)`,
      params: [user.organization],
    });
  }
  if (user.practitioner) {
    parts.push({
      sql: `EXISTS (SELECT 1 FROM sp_reference t WHERE t.res_type = 'CareTeam' AND t.param = 'patient' AND t.target_type = 'Patient' AND t.target_id = ${col}
        AND t.res_id IN (SELECT m.res_id FROM sp_reference m WHERE m.res_type = 'CareTeam' AND m.param = 'participant' AND m.target_type = 'Practitioner' AND m.target_id = ?)
        AND t.res_id NOT IN (SELECT s.res_id FROM sp_token s WHERE s.res_type = 'CareTeam' AND s.param = 'status' AND s.code IN ('inactive', 'entered-in-error')))`,
      params: [user.practitioner],
    });
  }
  if (parts.length === 0) return undefined;
  return { sql: parts.map((p) => p.sql).join(' OR '), params: parts.flatMap((p) => p.params) };
}

/**
 * The condition a row of a patient-compartment type must meet for this user.
 * @param denied - patients whose Consent withholds their data from the user's organisation
 */
export function compartmentCondition(user: RequestUser, alias: string, denied: readonly string[]): Sql {
  const col = `${alias}.patient_id`;
  switch (user.role) {
    case 'system':
      return TRUE_SQL;
    case 'patient':
      return user.patient ? { sql: `${col} = ?`, params: [user.patient] } : FALSE_SQL;
    case 'clinician':
    case 'nurse': {
      // Records outside any patient's compartment (no subject) follow the type class rule alone.
      const cared = caredFor(user, col);
      const inScope: Sql = cared
        ? { sql: `(${col} IS NULL OR ${cared.sql})`, params: cared.params }
        : { sql: `${col} IS NULL`, params: [] };
      if (denied.length === 0) return inScope;
      return {
        sql: `${inScope.sql} AND (${col} IS NULL OR ${col} NOT IN (${denied.map(() => '?').join(', ')}))`,
        params: [...inScope.params, ...denied],
      };
    }
    case 'admin':
    case 'researcher':
      return FALSE_SQL;
  }
}

/** For a patient user: the released-status condition on a current row of `type` (undefined when none applies). */
export function releasedCondition(user: RequestUser, type: string, alias: string): Sql | undefined {
  const statuses = RELEASED_ONLY_FOR_PATIENTS[type];
  if (user.role !== 'patient' || !statuses) return undefined;
  return {
    sql: `${alias}.res_id IN (SELECT rs.res_id FROM sp_token rs WHERE rs.res_type = ? AND rs.param = 'status' AND rs.code IN (${statuses.map(() => '?').join(', ')}))`,
    params: [type, ...statuses],
  };
}

export function and(parts: readonly (Sql | undefined)[]): Sql {
  const present = parts.filter((p): p is Sql => p !== undefined);
  if (present.length === 0) return TRUE_SQL;
  return { sql: present.map((p) => `(${p.sql})`).join(' AND '), params: present.flatMap((p) => p.params) };
}
