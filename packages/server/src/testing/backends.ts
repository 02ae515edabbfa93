import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type OpenStoreOptions, type Store } from '../store/open-store';

/** The PostgreSQL server the tests use (a real one: 127.0.0.1:5432, database `test`, trust auth). */
export const TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface BackendUnderTest {
  readonly name: 'sqlite' | 'postgres';
  /** Opens a fresh, empty store; `cleanup` drops it. */
  open(options?: OpenStoreOptions): Promise<{ store: Store; db: string; cleanup: () => Promise<void> }>;
}

let counter = 0;

export const backendsUnderTest: readonly BackendUnderTest[] = [
  {
    name: 'sqlite',
    open: async (options) => {
      const dir = mkdtempSync(join(tmpdir(), 'careloop-test-'));
      const db = `sqlite:${join(dir, 'store.db')}`;
      const store = await openStore(db, options);
      return {
        store,
        db,
        cleanup: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    open: async (options) => {
      const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
      const db = `${TEST_PG_URL}?schema=${schema}`;
      const store = await openStore(db, options);
      return {
        store,
        db,
        cleanup: async () => {
          await store.close();
          const client = new pg.Client(TEST_PG_URL);
          await client.connect();
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await client.end();
        },
      };
    },
  },
];

/** A clock that starts at a fixed instant and moves one second per call: lastUpdated values are distinct and known. */
export function steppingClock(start = '2025-01-01T00:00:00Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}
