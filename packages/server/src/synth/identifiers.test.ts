import { describe, expect, it } from 'vitest';
import { generatePatient } from './generate';
import { isValidLuhn, isValidResidentId, luhnCheckDigit, residentIdCheckDigit } from './identifiers';
import { MRN_SYSTEM, RESIDENT_ID_SYSTEM, SECOND_MRN_SYSTEM } from './patient';

// Published worked examples.
const RESIDENT_ID_CASES = [
  // GB 11643-1999 "Citizen identification number", worked examples in the standard.
  { id: '11010519491231002X', source: 'GB 11643-1999 example (female, Beijing Chaoyang, 1949-12-31)' },
  { id: '440524188001010014', source: 'GB 11643-1999 example (male, Guangdong Shantou, 1880-01-01)' },
] as const;
const LUHN_CASES = [
  { number: '79927398713', source: 'ISO/IEC 7812-1 Annex B worked example (also the classic Luhn example)' },
] as const;

describe('resident identity number check digit (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it.each(RESIDENT_ID_CASES)('$id ($source)', ({ id }) => {
    expect(residentIdCheckDigit(id.slice(0, 17))).toBe(id[17]);
    expect(isValidResidentId(id)).toBe(true);
  });

  it('rejects a wrong check digit, a bad birth date and a wrong length', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('11010519491331002X')).toBe(false);
    expect(isValidResidentId('11010519491231002')).toBe(false);
  });
});

describe('Luhn check digit', () => {
  it.each(LUHN_CASES)('$number ($source)', ({ number }) => {
    expect(luhnCheckDigit(number.slice(0, -1))).toBe(number.slice(-1));
    expect(isValidLuhn(number)).toBe(true);
    expect(isValidLuhn('79927398710')).toBe(false);
  });
});

describe('generated identifiers', () => {
  const people = Array.from({ length: 400 }, (_, index) =>
    generatePatient({ seed: 11, index, profile: 'china', referenceDate: '2026-01-01' }),
  );
  const patients = people.flatMap((rs) => rs.filter((r) => r.resourceType === 'Patient'));

  it('every resident ID is valid and agrees with the birth date and the sex', () => {
    let seen = 0;
    for (const p of patients) {
      const id = p.identifier?.find((i) => i.system === RESIDENT_ID_SYSTEM)?.value;
      if (!id) continue;
      seen++;
      expect(isValidResidentId(id)).toBe(true);
      expect(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`).toBe(p.birthDate);
      expect(Number(id[16]) % 2 === 1 ? 'male' : 'female').toBe(p.gender);
    }
    expect(seen).toBeGreaterThanOrEqual(400);
  });

  it('every MRN carries a valid Luhn digit, in the system of its source', () => {
    for (const p of patients) {
      const mrns = p.identifier?.filter((i) => i.system === MRN_SYSTEM || i.system === SECOND_MRN_SYSTEM) ?? [];
      expect(mrns).toHaveLength(1);
      expect(isValidLuhn(mrns[0]?.value?.slice(2) ?? '')).toBe(true);
    }
  });
});
