import pg from 'pg';
import { rowValues, type Backend, type SqlSession, type SqlValue, type VersionWrite } from './backend';
import { INDEX_TABLE_NAMES, schemaStatements } from './schema';

type Queryable = Pick<pg.PoolClient, 'query'>;

/** `?` placeholders to PostgreSQL's `$1, $2…` (our SQL has no `?` inside literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

// Return BIGINT as a number (epoch ms fit in 2^53) and JSONB as its text, as SQLite does.
const types = {
  getTypeParser: (oid: number, format?: string): ((v: string) => unknown) => {
    if (oid === 20) return Number;
    if (oid === 3802 || oid === 114) return (v: string) => v;
    return (pg.types.getTypeParser as (oid: number, format?: string) => (v: string) => unknown)(oid, format);
  },
};

/** Splits writes into runs where each resource appears once (an upsert may touch a row once per statement). */
function uniqueRuns(writes: readonly VersionWrite[]): VersionWrite[][] {
  const runs: VersionWrite[][] = [];
  let current: VersionWrite[] = [];
  let keys = new Set<string>();
  for (const w of writes) {
    const key = `${w.row.type}/${w.row.id}`;
    if (keys.has(key)) {
      runs.push(current);
      current = [];
      keys = new Set();
    }
    keys.add(key);
    current.push(w);
  }
  if (current.length) runs.push(current);
  return runs;
}

const COLUMNS = 'res_type, res_id, version, last_updated, lu_ms, deleted, patient_id, hash, content';
const ROW_TYPES = 'text[], text[], int[], text[], bigint[], int[], text[], text[], jsonb[]';
const unnest = (sqlTypes: string): string =>
  `SELECT * FROM unnest(${sqlTypes
    .split(',')
    .map((t, i) => `$${i + 1}::${t.trim()}`)
    .join(', ')})`;

class PostgresSession implements SqlSession {
  readonly dialect = 'postgres' as const;
  readonly lockSuffix = ' FOR UPDATE';
  constructor(protected readonly client: Queryable) {}

  async query<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const r = await this.client.query({ text: numbered(sql), values: [...params], types });
    return r.rows as T[];
  }

  async writeVersions(writes: readonly VersionWrite[]): Promise<void> {
    for (const run of uniqueRuns(writes)) await this.writeRun(run);
  }

  private async writeRun(writes: readonly VersionWrite[]): Promise<void> {
    const cols: unknown[][] = Array.from({ length: 9 }, () => []);
    for (const { row } of writes) {
      const values = rowValues(row);
      values.forEach((v, i) => cols[i]!.push(v));
    }
    const replaced = writes.filter((w) => w.row.version > 1);
    const keys = [replaced.map((w) => w.row.type), replaced.map((w) => w.row.id)];
    if (replaced.length) {
      await this.client.query({
        text: `INSERT INTO history SELECT r.* FROM resources r JOIN unnest($1::text[], $2::text[]) AS k(t, i) ON r.res_type = k.t AND r.res_id = k.i`,
        values: keys,
      });
    }
    await this.client.query({
      text: `INSERT INTO resources (${COLUMNS}) ${unnest(ROW_TYPES)}
        ON CONFLICT (res_type, res_id) DO UPDATE SET version = excluded.version, last_updated = excluded.last_updated,
          lu_ms = excluded.lu_ms, deleted = excluded.deleted, patient_id = excluded.patient_id, hash = excluded.hash,
          content = excluded.content`,
      values: cols,
    });
    if (replaced.length) {
      for (const t of INDEX_TABLE_NAMES) {
        await this.client.query({
          text: `DELETE FROM ${t} WHERE (res_type, res_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
          values: keys,
        });
      }
    }
    await this.insertIndex(writes);
  }

  private async insertIndex(writes: readonly VersionWrite[]): Promise<void> {
    const tables: Record<string, { types: string; cols: unknown[][] }> = {
      sp_token: { types: 'text, text, text, text, text, text, text', cols: [] },
      sp_string: { types: 'text, text, text, text, text, text', cols: [] },
      sp_date: { types: 'text, text, text, text, bigint, bigint', cols: [] },
      sp_quantity: { types: 'text, text, text, text, float8, text, text, float8, text', cols: [] },
      sp_reference: { types: 'text, text, text, text, text, text, text', cols: [] },
    };
    for (const t of Object.values(tables)) t.cols = t.types.split(',').map(() => []);
    const push = (table: string, values: readonly unknown[]): void => {
      values.forEach((v, i) => tables[table]!.cols[i]!.push(v));
    };
    for (const { row, index } of writes) {
      const o = [row.type, row.id, row.patientId];
      for (const t of index.tokens) push('sp_token', [...o, t.param, t.system, t.code, t.text]);
      for (const s of index.strings) push('sp_string', [...o, s.param, s.value, s.exact]);
      for (const d of index.dates) push('sp_date', [...o, d.param, d.low, d.high]);
      for (const q of index.quantities)
        push('sp_quantity', [...o, q.param, q.value, q.system, q.code, q.canonValue, q.canonDim]);
      for (const r of index.references) push('sp_reference', [...o, r.param, r.targetType, r.targetId, r.raw]);
    }
    for (const [table, { types: sqlTypes, cols }] of Object.entries(tables)) {
      if (cols[0]!.length === 0) continue;
      const arrayTypes = sqlTypes
        .split(',')
        .map((t) => `${t.trim()}[]`)
        .join(', ');
      await this.client.query({ text: `INSERT INTO ${table} ${unnest(arrayTypes)}`, values: cols });
    }
  }
}

/** PostgreSQL backend (`CARELOOP_DB=postgres://…`): a connection pool, JSONB content, one schema. */
export class PostgresBackend extends PostgresSession implements Backend {
  private constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  /** Opens a pool; `?schema=name` in the URL selects (and creates) a schema, used to isolate test suites. */
  static async open(url: string): Promise<PostgresBackend> {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema');
    parsed.searchParams.delete('schema');
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
    const pool = new pg.Pool({
      connectionString: parsed.toString(),
      max: 8,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    const client = await pool.connect();
    try {
      await client.query('SET client_min_messages = warning');
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      // Serialise concurrent migrations (several test workers may start at once).
      await client.query('SELECT pg_advisory_lock(4242)');
      for (const s of schemaStatements('postgres')) await client.query(s);
      await client.query('SELECT pg_advisory_unlock(4242)');
    } finally {
      client.release();
    }
    return new PostgresBackend(pool);
  }

  async transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PostgresSession(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  override writeVersions(writes: readonly VersionWrite[]): Promise<void> {
    return this.transaction((tx) => tx.writeVersions(writes));
  }

  async clear(): Promise<void> {
    await this.query(`TRUNCATE resources, history, ${INDEX_TABLE_NAMES.join(', ')}`);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
