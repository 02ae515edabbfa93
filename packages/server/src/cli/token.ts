import type { Command } from 'commander';
import { OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { Config } from '../config/config';
import { AuditLog } from '../services/audit/audit-log';
import { accountUser } from '../services/auth/accounts';
import { openAuth } from '../services/auth/index';
import { DEFAULT_SCOPES, narrowScopes, splitScopes } from '../services/auth/scopes';
import { systemContext } from '../services/context';
import type { Backend } from '../store/backend';
import { openBackend } from '../store/open-store';

/**
 * `careloop token --user U [--scope S]`: an access token for an existing account, for scripts and curl. The token
 * is the LAST line of the output; it is signed with the server's key (CARELOOP_JWT_SECRET, or the development key
 * kept in the store), so CARELOOP_DB and CARELOOP_BASE_URL must be those of the server.
 */
export function registerToken(program: Command, config: Config): void {
  program
    .command('token')
    .description('print a short-lived access token for an account (last line of the output)')
    .requiredOption('--user <username>', 'the account to issue it for')
    .option('--scope <scopes>', "space-separated scopes narrowing the role's defaults")
    .action(async (flags: { user: string; scope?: string }) => {
      let backend: Backend | undefined;
      try {
        backend = await openBackend(config.db);
        const clock = () => new Date();
        const audit = new AuditLog(backend, clock);
        const auth = await openAuth(config, backend, audit, clock);
        const account = await auth.accounts.require(flags.user);
        if (account.disabled) throw new Error(`account "${account.username}" is disabled`);
        const user = accountUser(account);
        const requested = flags.scope === undefined ? undefined : splitScopes(flags.scope);
        const scopes = narrowScopes(DEFAULT_SCOPES[user.role], requested);
        const issued = await auth.tokens.issue(user, scopes);
        await audit.record(
          { ...systemContext(), user },
          { kind: 'token', outcome: 'success', detail: 'access token issued by `careloop token`' },
        );
        const expires = new Date(clock().getTime() + issued.expiresIn * 1000).toISOString();
        process.stdout.write(`# ${user.id} (${user.role}), scope "${scopes.join(' ')}", expires ${expires}\n`);
        process.stdout.write(`${issued.accessToken}\n`);
      } catch (err) {
        const message = err instanceof OperationOutcomeError ? err.message : (err as Error).message;
        process.stderr.write(`careloop token: ${message}\n`);
        process.exitCode = 2;
      } finally {
        await backend?.close();
      }
    });
}
