/**
 * The store's tables, one statement list per dialect. Every row carries `patient_id` (its Patient compartment)
 * so the data can later be distributed and colocated by patient (Citus) without a rewrite.
 */
type Dialect = 'sqlite' | 'postgres';

const INDEX_TABLES: Readonly<Record<string, string>> = {
  sp_token: 'system TEXT, code TEXT, text TEXT',
  sp_string: 'value TEXT NOT NULL, exact TEXT NOT NULL',
  sp_date: 'low BIGINT NOT NULL, high BIGINT NOT NULL',
  sp_quantity: 'value DOUBLE PRECISION NOT NULL, system TEXT, code TEXT, canon_value DOUBLE PRECISION, canon_dim TEXT',
  sp_reference: 'target_type TEXT, target_id TEXT, raw TEXT NOT NULL',
};

const INDEX_LOOKUPS: Readonly<Record<string, string>> = {
  sp_token: 'res_type, param, code',
  sp_string: 'res_type, param, value',
  sp_date: 'res_type, param, low, high',
  sp_quantity: 'res_type, param, canon_dim, canon_value',
  // res_id last makes it covering for the patient scope's "is this patient in organisation X" probe
  // (services/access/patient-scope.ts): one index seek, no extra index to write on import.
  sp_reference: 'res_type, param, target_type, target_id, res_id',
};

export const INDEX_TABLE_NAMES = Object.keys(INDEX_TABLES);

export function schemaStatements(dialect: Dialect): string[] {
  const json = dialect === 'postgres' ? 'JSONB' : 'TEXT';
  const resourceColumns = `res_type TEXT NOT NULL, res_id TEXT NOT NULL, version INTEGER NOT NULL,
    last_updated TEXT NOT NULL, lu_ms BIGINT NOT NULL, deleted INTEGER NOT NULL, patient_id TEXT,
    hash TEXT NOT NULL, content ${json}`;
  const statements = [
    `CREATE TABLE IF NOT EXISTS resources (${resourceColumns}, PRIMARY KEY (res_type, res_id))`,
    // Earlier versions only: the current one lives in `resources` (each version's content is written once).
    `CREATE TABLE IF NOT EXISTS history (${resourceColumns}, PRIMARY KEY (res_type, res_id, version))`,
    'CREATE INDEX IF NOT EXISTS resources_type_updated ON resources (res_type, lu_ms)',
    'CREATE INDEX IF NOT EXISTS resources_patient ON resources (patient_id)',
    'CREATE INDEX IF NOT EXISTS history_updated ON history (lu_ms)',
  ];
  for (const [table, columns] of Object.entries(INDEX_TABLES)) {
    statements.push(
      `CREATE TABLE IF NOT EXISTS ${table} (res_type TEXT NOT NULL, res_id TEXT NOT NULL, patient_id TEXT, param TEXT NOT NULL, ${columns})`,
      `CREATE INDEX IF NOT EXISTS ${table}_lookup ON ${table} (${INDEX_LOOKUPS[table]})`,
      `CREATE INDEX IF NOT EXISTS ${table}_owner ON ${table} (res_type, res_id)`,
    );
  }
  statements.push('CREATE INDEX IF NOT EXISTS sp_reference_target ON sp_reference (target_type, target_id, param)');
  // The audit log (services/audit): a hash chain of AuditEvent JSON; seq is assigned contiguously by the appender,
  // user_id/kind/patients are copies of the content for queries; audit_head (one row) catches a deleted last row.
  statements.push(
    `CREATE TABLE IF NOT EXISTS audit_log (seq BIGINT PRIMARY KEY, recorded TEXT NOT NULL, user_id TEXT,
      kind TEXT NOT NULL, patients TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, content TEXT NOT NULL)`,
    'CREATE INDEX IF NOT EXISTS audit_log_recorded ON audit_log (recorded)',
    'CREATE TABLE IF NOT EXISTS audit_head (id INTEGER PRIMARY KEY, count BIGINT NOT NULL, last_hash TEXT NOT NULL)',
  );
  statements.push(...serviceAccountStatements());
  // Sign-in (services/auth): local accounts, hashed refresh tokens, generated secrets kept across processes.
  statements.push(
    `CREATE TABLE IF NOT EXISTS accounts (username TEXT PRIMARY KEY, password_hash TEXT, role TEXT NOT NULL,
      display TEXT, organization TEXT, practitioner TEXT, patient TEXT, disabled INTEGER NOT NULL DEFAULT 0,
      failed_count INTEGER NOT NULL DEFAULT 0, locked_until BIGINT, created TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS refresh_tokens (token_hash TEXT PRIMARY KEY, username TEXT NOT NULL,
      family TEXT NOT NULL, scope TEXT NOT NULL, expires_ms BIGINT NOT NULL, used INTEGER NOT NULL DEFAULT 0,
      created TEXT NOT NULL)`,
    'CREATE INDEX IF NOT EXISTS refresh_tokens_family ON refresh_tokens (family)',
    'CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
  );
  return statements;
}

/** Service accounts (SMART Backend Services), used assertion ids, OIDC links and pending OIDC sign-ins. */
function serviceAccountStatements(): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS service_clients (client_id TEXT PRIMARY KEY, display TEXT NOT NULL, role TEXT NOT NULL,
      organization TEXT, scopes TEXT NOT NULL, jwks TEXT NOT NULL, disabled INTEGER NOT NULL, created TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS client_assertion_jti (client_id TEXT NOT NULL, jti TEXT NOT NULL,
      expires_ms BIGINT NOT NULL, PRIMARY KEY (client_id, jti))`,
    'CREATE INDEX IF NOT EXISTS client_assertion_jti_expiry ON client_assertion_jti (expires_ms)',
    `CREATE TABLE IF NOT EXISTS oidc_links (issuer TEXT NOT NULL, subject TEXT NOT NULL, username TEXT NOT NULL,
      linked TEXT NOT NULL, PRIMARY KEY (issuer, subject))`,
    'CREATE UNIQUE INDEX IF NOT EXISTS oidc_links_account ON oidc_links (issuer, username)',
    `CREATE TABLE IF NOT EXISTS oidc_pending (state TEXT PRIMARY KEY, verifier TEXT NOT NULL, nonce TEXT NOT NULL,
      expires_ms BIGINT NOT NULL)`,
  ];
}
