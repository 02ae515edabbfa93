import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/**
 * Password hashing with argon2id at the OWASP minimum (19 MiB, 2 passes, 1 lane): slow enough for stolen hashes,
 * fast enough that sign-in stays interactive.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

let dummy: Promise<string> | undefined;

/** Spends the time of one verification on a throwaway hash: unknown users take as long as wrong passwords. */
export async function verifyDummy(password: string): Promise<void> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummy, password);
}

/** A random password for accounts created without one (printed once, never stored in clear). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
