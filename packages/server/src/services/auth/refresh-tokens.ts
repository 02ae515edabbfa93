import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Backend, SqlSession } from '../../store/backend';

export interface RefreshGrant {
  readonly username: string;
  readonly scopes: readonly string[];
  /** The new refresh token that replaces the one used. */
  readonly refreshToken: string;
}

interface Row {
  username: string;
  family: string;
  scope: string;
  expires_ms: number | string;
  used: number | string;
}

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Refresh tokens: opaque random strings, stored only as their SHA-256, valid for `ttl` seconds and once. Using one
 * replaces it with a new one of the same family; using a spent one again (a stolen copy) revokes the whole family.
 */
export class RefreshTokens {
  constructor(
    private readonly backend: Backend,
    private readonly ttl: number,
    private readonly clock: () => Date,
  ) {}

  async issue(username: string, scopes: readonly string[]): Promise<string> {
    return this.backend.transaction((tx) => this.insert(tx, username, scopes, randomUUID()));
  }

  private async insert(tx: SqlSession, username: string, scopes: readonly string[], family: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    await tx.query(
      'INSERT INTO refresh_tokens (token_hash, username, family, scope, expires_ms, created) VALUES (?, ?, ?, ?, ?, ?)',
      [digest(token), username, family, scopes.join(' '), now.getTime() + this.ttl * 1000, now.toISOString()],
    );
    return token;
  }

  /** Spends `token` and returns its grant with a fresh token; undefined when unknown, expired, spent or revoked. */
  async rotate(token: string): Promise<RefreshGrant | undefined> {
    return this.backend.transaction(async (tx) => {
      const [row] = await tx.query<Row>(
        `SELECT username, family, scope, expires_ms, used FROM refresh_tokens WHERE token_hash = ?${tx.lockSuffix}`,
        [digest(token)],
      );
      if (!row) return undefined;
      if (Number(row.used) !== 0) {
        await tx.query('DELETE FROM refresh_tokens WHERE family = ?', [row.family]);
        return undefined;
      }
      if (Number(row.expires_ms) <= this.clock().getTime()) return undefined;
      await tx.query('UPDATE refresh_tokens SET used = 1 WHERE token_hash = ?', [digest(token)]);
      const scopes = row.scope.split(' ').filter(Boolean);
      const refreshToken = await this.insert(tx, row.username, scopes, row.family);
      return { username: row.username, scopes, refreshToken };
    });
  }

  /** Revokes the token's whole family (sign-out); returns whether the token was known. */
  async revoke(token: string): Promise<boolean> {
    return this.backend.transaction(async (tx) => {
      const [row] = await tx.query<{ family: string }>('SELECT family FROM refresh_tokens WHERE token_hash = ?', [
        digest(token),
      ]);
      if (!row) return false;
      await tx.query('DELETE FROM refresh_tokens WHERE family = ?', [row.family]);
      return true;
    });
  }

  /** Revokes every refresh token of an account (disabled accounts). */
  async revokeAll(username: string): Promise<void> {
    await this.backend.transaction((tx) => tx.query('DELETE FROM refresh_tokens WHERE username = ?', [username]));
  }
}
