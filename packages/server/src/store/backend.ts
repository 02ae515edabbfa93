import type { IndexRows } from './index-rows';

/** A row of the `resources` (current) or `history` table. */
export interface ResourceRow {
  readonly type: string;
  readonly id: string;
  readonly version: number;
  readonly lastUpdated: string;
  readonly lastUpdatedMs: number;
  readonly deleted: boolean;
  readonly patientId: string | null;
  /** Hash of the content without meta.versionId/lastUpdated: re-imports of unchanged data are no-ops. */
  readonly hash: string;
  /** JSON text of the resource as stored (null for a deletion). */
  readonly content: string | null;
}

/** The column values of a resource row, in table order. */
export function rowValues(row: ResourceRow): SqlValue[] {
  return [
    row.type,
    row.id,
    row.version,
    row.lastUpdated,
    row.lastUpdatedMs,
    row.deleted ? 1 : 0,
    row.patientId,
    row.hash,
    row.content,
  ];
}

/** One new version to write: the current row, its history row and its index rows, atomically. */
export interface VersionWrite {
  readonly row: ResourceRow;
  readonly index: IndexRows;
}

export type SqlValue = string | number | null;

/** The SQL operations the repository needs; SQLite and PostgreSQL implement them. SQL uses `?` placeholders. */
export interface SqlSession {
  readonly dialect: 'sqlite' | 'postgres';
  query<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Writes versions: upsert current rows, insert history rows, replace index rows. */
  writeVersions(writes: readonly VersionWrite[]): Promise<void>;
  /** Suffix that locks selected rows until the transaction ends (`FOR UPDATE`, or '' where writes are serial). */
  readonly lockSuffix: string;
}

export interface Backend extends SqlSession {
  /** Runs `fn` in one atomic transaction: all its writes commit together or none do. */
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Drops every row (tests and demo resets only). */
  clear(): Promise<void>;
}
