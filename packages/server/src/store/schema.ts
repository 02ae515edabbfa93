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
  sp_reference: 'res_type, param, target_type, target_id',
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
  const serial = dialect === 'postgres' ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
  statements.push(
    `CREATE TABLE IF NOT EXISTS audit_log (seq ${serial}, recorded TEXT NOT NULL, content TEXT NOT NULL)`,
  );
  return statements;
}
