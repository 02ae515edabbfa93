import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { rowValues, type Backend, type SqlSession, type SqlValue, type VersionWrite } from './backend';
import { INDEX_TABLE_NAMES, schemaStatements } from './schema';

type Db = Database.Database;

/** Serialises write transactions: SQLite has one writer, and async work inside a transaction must not interleave. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((r) => (release = r));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

class SqliteSession implements SqlSession {
  readonly dialect = 'sqlite' as const;
  readonly lockSuffix = '';
  private readonly statements = new Map<string, Database.Statement>();
  constructor(protected readonly db: Db) {}

  protected prepare(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  query<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const stmt = this.prepare(sql);
    return Promise.resolve((stmt.reader ? stmt.all(...params) : (stmt.run(...params), [])) as T[]);
  }

  writeVersions(writes: readonly VersionWrite[]): Promise<void> {
    const upsert = this.prepare(
      `INSERT INTO resources (res_type, res_id, version, last_updated, lu_ms, deleted, patient_id, hash, content)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (res_type, res_id) DO UPDATE SET version = excluded.version, last_updated = excluded.last_updated,
         lu_ms = excluded.lu_ms, deleted = excluded.deleted, patient_id = excluded.patient_id, hash = excluded.hash,
         content = excluded.content`,
    );
    const archive = this.prepare(`INSERT INTO history SELECT * FROM resources WHERE res_type = ? AND res_id = ?`);
    const deletes = INDEX_TABLE_NAMES.map((t) => this.prepare(`DELETE FROM ${t} WHERE res_type = ? AND res_id = ?`));
    const token = this.prepare('INSERT INTO sp_token VALUES (?, ?, ?, ?, ?, ?, ?)');
    const string = this.prepare('INSERT INTO sp_string VALUES (?, ?, ?, ?, ?, ?)');
    const date = this.prepare('INSERT INTO sp_date VALUES (?, ?, ?, ?, ?, ?)');
    const quantity = this.prepare('INSERT INTO sp_quantity VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const reference = this.prepare('INSERT INTO sp_reference VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const { row, index } of writes) {
      const values = rowValues(row);
      if (row.version > 1) {
        archive.run(row.type, row.id);
        for (const d of deletes) d.run(row.type, row.id);
      }
      upsert.run(values);
      const owner = [row.type, row.id, row.patientId] as const;
      for (const t of index.tokens) token.run(...owner, t.param, t.system, t.code, t.text);
      for (const s of index.strings) string.run(...owner, s.param, s.value, s.exact);
      for (const d of index.dates) date.run(...owner, d.param, d.low, d.high);
      for (const q of index.quantities)
        quantity.run(...owner, q.param, q.value, q.system, q.code, q.canonValue, q.canonDim);
      for (const r of index.references) reference.run(...owner, r.param, r.targetType, r.targetId, r.raw);
    }
    return Promise.resolve();
  }
}

/**
 * The embedded default: one SQLite file in WAL mode. Writes go through one connection under a mutex;
 * reads outside a transaction use a second connection, so they never see uncommitted writes.
 */
export class SqliteBackend extends SqliteSession implements Backend {
  private readonly writer: SqliteSession;
  private readonly writerDb: Db;
  private readonly mutex = new Mutex();

  private constructor(readerDb: Db, writerDb: Db) {
    super(readerDb);
    this.writerDb = writerDb;
    this.writer = new SqliteSession(writerDb);
  }

  static open(path: string): SqliteBackend {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const writerDb = new Database(path);
    writerDb.pragma('journal_mode = WAL');
    // NORMAL in WAL mode is durable against process crashes (kill -9); only an OS crash can lose the last commits.
    writerDb.pragma('synchronous = NORMAL');
    writerDb.pragma('busy_timeout = 10000');
    writerDb.pragma('foreign_keys = ON');
    // Index B-trees take random inserts: a page cache that holds them avoids re-reading pages on every commit.
    writerDb.pragma('cache_size = -65536');
    writerDb.pragma('temp_store = MEMORY');
    for (const s of schemaStatements('sqlite')) writerDb.exec(s);
    const readerDb = path === ':memory:' ? writerDb : new Database(path, { readonly: true });
    readerDb.pragma('busy_timeout = 10000');
    return new SqliteBackend(readerDb, writerDb);
  }

  override writeVersions(writes: readonly VersionWrite[]): Promise<void> {
    return this.transaction((tx) => tx.writeVersions(writes));
  }

  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      this.writerDb.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.writer);
        this.writerDb.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.writerDb.inTransaction) this.writerDb.exec('ROLLBACK');
        throw err;
      }
    });
  }

  async clear(): Promise<void> {
    await this.transaction(async (tx) => {
      for (const t of ['resources', 'history', ...INDEX_TABLE_NAMES]) await tx.query(`DELETE FROM ${t}`);
    });
  }

  close(): Promise<void> {
    if (this.db !== this.writerDb) this.db.close();
    this.writerDb.close();
    return Promise.resolve();
  }
}
