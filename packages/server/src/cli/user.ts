import type { Command } from 'commander';
import { OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { Config } from '../config/config';
import { AuditLog } from '../services/audit/audit-log';
import { ACCOUNT_ROLES, AccountService, type Account } from '../services/auth/accounts';
import { systemContext, type Role } from '../services/context';
import type { Backend } from '../store/backend';
import { openBackend } from '../store/open-store';

/** Exit status for unusable input (unknown account, invalid role, duplicate username). */
const BAD_INPUT = 2;

interface AddFlags {
  readonly username: string;
  readonly role: string;
  readonly password?: string;
  readonly organization?: string;
  readonly practitioner?: string;
  readonly patient?: string;
  readonly display?: string;
}

function status(a: Account, now: Date): string {
  if (a.disabled) return 'disabled';
  if (a.lockedUntil && Date.parse(a.lockedUntil) > now.getTime()) return `locked until ${a.lockedUntil}`;
  return 'active';
}

/** The account list as an aligned text table (never the password hashes). */
export function accountTable(accounts: readonly Account[], now: Date): string {
  const rows = [
    ['username', 'role', 'display', 'organization', 'practitioner', 'patient', 'status', 'created'],
    ...accounts.map((a) => [
      a.username,
      a.role,
      a.display ?? '-',
      a.organization ?? '-',
      a.practitioner ?? '-',
      a.patient ?? '-',
      status(a, now),
      a.created,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map(
      (r) =>
        `${r
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd()}\n`,
    )
    .join('');
}

async function withAccounts(
  config: Config,
  fn: (accounts: AccountService, audit: AuditLog) => Promise<void>,
): Promise<void> {
  let backend: Backend | undefined;
  try {
    backend = await openBackend(config.db);
    const clock = () => new Date();
    await fn(new AccountService(backend, clock), new AuditLog(backend, clock));
  } catch (err) {
    const message = err instanceof OperationOutcomeError ? err.message : (err as Error).message;
    process.stderr.write(`careloop user: ${message}\n`);
    process.exitCode = BAD_INPUT;
  } finally {
    await backend?.close();
  }
}

const admin = (audit: AuditLog, detail: string) =>
  audit.record(systemContext(), { kind: 'admin', outcome: 'success', detail });

/** `careloop user`: local accounts (add, list, disable, enable, unlock). */
export function registerUser(program: Command, config: Config): void {
  const user = program.command('user').description('local sign-in accounts');
  user
    .command('add')
    .description('create an account; without --password one is generated and printed once')
    .requiredOption('--username <name>', 'sign-in name: letters, digits, . _ @ -')
    .requiredOption('--role <role>', `one of ${ACCOUNT_ROLES.join(', ')}`)
    .option('--password <password>', 'at least 10 characters (prefer the generated one: shells keep history)')
    .option('--organization <id>', 'Organization id (clinicians and nurses see its patients)')
    .option('--practitioner <id>', 'the Practitioner id of a clinician or nurse')
    .option('--patient <id>', 'the Patient id of a patient account (required for role patient)')
    .option('--display <name>', 'name shown to others and in the audit log')
    .action((flags: AddFlags) =>
      withAccounts(config, async (accounts, audit) => {
        const { account, password } = await accounts.add({
          username: flags.username,
          role: flags.role as Role,
          ...(flags.password !== undefined ? { password: flags.password } : {}),
          ...(flags.organization ? { organization: flags.organization } : {}),
          ...(flags.practitioner ? { practitioner: flags.practitioner } : {}),
          ...(flags.patient ? { patient: flags.patient } : {}),
          ...(flags.display ? { display: flags.display } : {}),
        });
        await admin(audit, `account ${account.username} created (role ${account.role})`);
        process.stdout.write(`created ${account.username} (${account.role})\n`);
        if (flags.password === undefined) process.stdout.write(`password: ${password}\n`);
      }),
    );
  user
    .command('list')
    .description('list the accounts')
    .action(() =>
      withAccounts(config, async (accounts) => {
        process.stdout.write(accountTable(await accounts.list(), new Date()));
      }),
    );
  const change = (name: string, description: string, run: (a: AccountService, u: string) => Promise<Account>) =>
    user
      .command(`${name} <username>`)
      .description(description)
      .action((username: string) =>
        withAccounts(config, async (accounts, audit) => {
          const a = await run(accounts, username);
          await admin(audit, `account ${a.username}: ${name}`);
          process.stdout.write(`${a.username}: ${status(a, new Date())}\n`);
        }),
      );
  change('disable', 'refuse sign-in and token refresh for an account', async (a, u) => {
    const account = await a.setDisabled(u, true);
    // Its refresh tokens die with it; access tokens already issued lapse within CARELOOP_ACCESS_TOKEN_TTL.
    await a.revokeRefreshTokens(u);
    return account;
  });
  change('enable', 'allow a disabled account to sign in again', (a, u) => a.setDisabled(u, false));
  change('unlock', 'lift a lock-out after failed sign-ins', (a, u) => a.unlock(u));
}
