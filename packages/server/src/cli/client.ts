import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import { parseStrictJson } from '@careloop/core/fhir/strict-json';
import type { Config } from '../config/config';
import { AuditLog } from '../services/audit/audit-log';
import { ServiceClients, type ServiceClient } from '../services/auth/service-clients';
import { splitScopes } from '../services/auth/scopes';
import { systemContext, type Role } from '../services/context';
import type { Backend } from '../store/backend';
import { openBackend } from '../store/open-store';

export interface ClientAddFlags {
  readonly id: string;
  readonly jwks: string;
  readonly scope: string;
  readonly organization?: string;
  readonly role?: string;
  readonly display?: string;
}

/** Exit status for unusable input (unreadable JWKS file, invalid scope, duplicate id). */
const BAD_INPUT = 2;

function readJwks(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`--jwks: cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  const parsed = parseStrictJson(text, 16);
  if (!parsed.ok) throw new Error(`--jwks: ${path} is not JSON: ${parsed.message}`);
  return parsed.value;
}

/** Registers a service account from the command's flags and records it in the audit log. */
export async function addClient(backend: Backend, flags: ClientAddFlags, clock: () => Date): Promise<ServiceClient> {
  const client = await new ServiceClients(backend, clock).add({
    clientId: flags.id,
    jwks: readJwks(flags.jwks),
    scopes: splitScopes(flags.scope),
    ...(flags.role ? { role: flags.role as Role } : {}),
    ...(flags.organization ? { organization: flags.organization } : {}),
    ...(flags.display ? { display: flags.display } : {}),
  });
  await new AuditLog(backend, clock).record(systemContext(), {
    kind: 'admin',
    outcome: 'success',
    detail: `service client ${client.clientId} registered (role ${client.role}, scopes ${client.scopes.join(' ')})`,
  });
  return client;
}

/** One line per client: id, role, organization, state, scopes, key ids. */
export function clientTable(clients: readonly ServiceClient[]): string {
  if (clients.length === 0) return 'no service clients (add one with `careloop client add`)\n';
  return clients
    .map((c) =>
      [
        c.clientId,
        c.role,
        c.organization ?? '-',
        c.disabled ? 'disabled' : 'enabled',
        c.scopes.join(' '),
        `kid ${c.jwks.keys.map((k) => k.kid ?? '?').join(',')}`,
      ].join('  '),
    )
    .map((line) => `${line}\n`)
    .join('');
}

async function withBackend(config: Config, fn: (backend: Backend) => Promise<void>): Promise<void> {
  const backend = await openBackend(config.db);
  try {
    await fn(backend);
  } catch (err) {
    const message = err instanceof OperationOutcomeError ? err.message : (err as Error).message;
    process.stderr.write(`careloop client: ${message}\n`);
    process.exitCode = BAD_INPUT;
  } finally {
    await backend.close();
  }
}

/** `careloop client`: service accounts that sign in with a key pair (SMART Backend Services). */
export function registerClient(program: Command, config: Config): void {
  const client = program
    .command('client')
    .description('service accounts for system-to-system access (SMART Backend Services, private_key_jwt)');
  client
    .command('add')
    .description('register a service account with its public keys (JWKS) and the scopes it may ask for')
    .requiredOption('--id <client_id>', 'client id: letters, digits, . _ -')
    .requiredOption('--jwks <file.json>', 'the public JWKS ({"keys":[…]}, RSA or EC keys with a kid)')
    .requiredOption('--scope <scopes>', 'allowed scopes, space-separated, e.g. "system/*.rs"')
    .option('--organization <id>', 'Organization id the account acts for')
    .option('--role <role>', 'role of the account (default: system; a staff role takes user/ scopes)')
    .option('--display <name>', 'name shown in the audit log')
    .action((flags: ClientAddFlags) =>
      withBackend(config, async (backend) => {
        const c = await addClient(backend, flags, () => new Date());
        process.stdout.write(`registered ${c.clientId}: ${c.role}, ${c.scopes.join(' ')}\n`);
      }),
    );
  client
    .command('list')
    .description('list the service accounts')
    .option('--json', 'print JSON')
    .action((flags: { json?: boolean }) =>
      withBackend(config, async (backend) => {
        const all = await new ServiceClients(backend, () => new Date()).list();
        process.stdout.write(flags.json ? `${JSON.stringify(all, null, 2)}\n` : clientTable(all));
      }),
    );
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const)
    client
      .command(`${name} <client_id>`)
      .description(`${name} a service account`)
      .action((id: string) =>
        withBackend(config, async (backend) => {
          if (!(await new ServiceClients(backend, () => new Date()).setDisabled(id, disabled)))
            throw new Error(`no service client "${id}"`);
          await new AuditLog(backend, () => new Date()).record(systemContext(), {
            kind: 'admin',
            outcome: 'success',
            detail: `service client ${id} ${name}d`,
          });
          process.stdout.write(`${id} ${name}d\n`);
        }),
      );
}
