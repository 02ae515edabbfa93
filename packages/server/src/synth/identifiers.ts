import type { Random } from './random';

/**
 * Identifier numbers with their check digits: the Chinese resident identity number (GB 11643-1999, check digit
 * by ISO 7064 MOD 11-2) and medical record numbers with a Luhn (ISO/IEC 7812-1 annex B) check digit.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** GB 11643-1999 check character of the first 17 digits of a resident identity number. */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('resident ID body must be 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? '';
}

/** True when an 18-character resident identity number has a well-formed birth date and a correct check digit. */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const date = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const t = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(t) || new Date(t).toISOString().slice(0, 10) !== date) return false;
  return residentIdCheckDigit(id.slice(0, 17)) === id[17];
}

/**
 * An 18-digit resident identity number: 6-digit administrative region code, birth date YYYYMMDD, a 3-digit
 * sequence whose parity gives the sex (odd male, even female), and the check character.
 */
export function residentId(regionCode: string, birthDate: string, sex: 'male' | 'female', rng: Random): string {
  let seq = rng.int(0, 499) * 2 + (sex === 'male' ? 1 : 0);
  if (seq === 0) seq = 2;
  const body = `${regionCode}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return body + residentIdCheckDigit(body);
}

/** Luhn (mod 10) check digit of a string of digits. */
export function luhnCheckDigit(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new RangeError('Luhn input must be digits');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** True when the last digit is the Luhn check digit of the others. */
export function isValidLuhn(number: string): boolean {
  return /^\d{2,}$/.test(number) && luhnCheckDigit(number.slice(0, -1)) === number.slice(-1);
}

/** A medical record number: a 2-letter system prefix, 8 digits derived from the patient index, a Luhn digit. */
export function mrn(prefix: string, serial: number): string {
  const digits = String(serial % 100_000_000).padStart(8, '0');
  return `${prefix}${digits}${luhnCheckDigit(digits)}`;
}

/** A mainland mobile number (11 digits, 1[3-9]x prefix), formatted +86. */
export function chinaMobile(rng: Random): string {
  const prefix = rng.pick(['135', '136', '137', '138', '139', '150', '151', '158', '186', '188', '177', '199']);
  return `+86 ${prefix} ${String(rng.int(0, 9999)).padStart(4, '0')} ${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

/** A US number in the 555-0100…0199 block that NANPA reserves for fictional use. */
export function usFictionalPhone(areaCode: string, rng: Random): string {
  return `+1 ${areaCode}-555-01${String(rng.int(0, 99)).padStart(2, '0')}`;
}
