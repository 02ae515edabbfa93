import type { HumanName, Patient } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core/i18n';
import { languageOf } from './fhir-text';
import { msg } from './messages';

function nameText(n: HumanName): string {
  if (n.text) return n.text;
  const given = n.given ?? [];
  const family = n.family ?? '';
  const cjk = languageOf(`${family}${given.join('')}`) === 'zh-CN';
  return cjk ? `${family}${given.join('')}` : [...given, family].filter(Boolean).join(' ');
}

/** The person's name as printed: a name written in the report's language if they have one. */
export function personName(patient: Patient, locale: Locale): string {
  const names = (patient.name ?? [])
    .filter((n) => n.use !== 'old')
    .map(nameText)
    .filter(Boolean);
  return names.find((n) => languageOf(n) === locale) ?? names[0] ?? patient.id ?? '';
}

/** Whole years between a birth date and a date (both `YYYY-MM-DD…`), or undefined. */
export function ageOn(birthDate: string | undefined, on: string | undefined): number | undefined {
  if (!birthDate || !on || birthDate.length < 10 || on.length < 10) return undefined;
  const [by, bm, bd] = birthDate.slice(0, 10).split('-').map(Number);
  const [y, m, d] = on.slice(0, 10).split('-').map(Number);
  if (by === undefined || bm === undefined || bd === undefined || y === undefined || m === undefined || d === undefined)
    return undefined;
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The person's administrative sex as printed. */
export function sexText(patient: Patient, locale: Locale): string {
  switch (patient.gender) {
    case 'male':
      return msg(locale, 'male');
    case 'female':
      return msg(locale, 'female');
    case 'other':
      return msg(locale, 'otherSex');
    case 'unknown':
    case undefined:
      return msg(locale, 'unknown');
  }
}
