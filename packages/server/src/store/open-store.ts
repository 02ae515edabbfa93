import type { ValidateOptions } from '@careloop/core/fhir/validation/index';
import { r4ResourceTypes } from '../fhir-definitions/resource-types';
import { loadSearchParamRegistry } from '../fhir-definitions/search-parameters';
import { loadR4Validator } from '../fhir-definitions/validator';
import type { Backend } from './backend';
import { PostgresBackend } from './postgres-backend';
import { Repository } from './repository';
import { SqliteBackend } from './sqlite-backend';

export interface Store {
  readonly backend: Backend;
  readonly repository: Repository;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  readonly clock?: () => Date;
  readonly validateOptions?: ValidateOptions;
}

/** Opens a backend from a `CARELOOP_DB` value: `sqlite:<path>` or `postgres://…`. */
export async function openBackend(db: string): Promise<Backend> {
  if (db.startsWith('sqlite:')) return SqliteBackend.open(db.slice('sqlite:'.length) || './data/careloop.db');
  if (db.startsWith('postgres://') || db.startsWith('postgresql://')) return PostgresBackend.open(db);
  throw new Error(`CARELOOP_DB must start with sqlite: or postgres://, got "${db}"`);
}

/** Opens the store with the R4 validator and search parameters. */
export async function openStore(db: string, options: OpenStoreOptions = {}): Promise<Store> {
  const backend = await openBackend(db);
  const validator = loadR4Validator();
  const repository = Repository.on(backend, {
    validate: (r) => validator.validate(r, options.validateOptions),
    registry: loadSearchParamRegistry(r4ResourceTypes()),
    clock: options.clock ?? (() => new Date()),
  });
  return { backend, repository, close: () => backend.close() };
}
