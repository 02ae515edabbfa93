import type { Patient } from '@medplum/fhirtypes';
import { label } from './context';
import type { RecordContext } from './context';
import { OMB_RACE, US_CORE_RACE_URL } from './answer-codes';
import type { Gathered } from './types';

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Completed years from a birth date to a date, on the calendar dates themselves (no time zone involved). */
export function completedYears(birthDate: string, asOf: string): number | undefined {
  const b = FULL_DATE.exec(birthDate);
  const a = FULL_DATE.exec(asOf);
  if (!b || !a) return undefined;
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), Number(b[3])];
  const [ay, am, ad] = [Number(a[1]), Number(a[2]), Number(a[3])];
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

function withPatient(ctx: RecordContext, read: (p: Patient) => Gathered): Gathered {
  return ctx.patient ? read(ctx.patient) : { missing: 'the record has no Patient resource' };
}

/** Age in completed years at `asOf`, from Patient.birthDate. */
export function age(ctx: RecordContext): Gathered {
  return withPatient(ctx, (p) => {
    if (!p.birthDate) return { missing: `${label(p)} has no birthDate` };
    const years = completedYears(p.birthDate, ctx.asOf);
    if (years === undefined) return { missing: `${label(p)}.birthDate "${p.birthDate}" is not a full date` };
    if (years < 0) return { missing: `${label(p)}.birthDate ${p.birthDate} is after ${ctx.asOf}` };
    return { value: years, basis: [p], how: `${label(p)}.birthDate ${p.birthDate}: ${years} years at ${ctx.asOf}` };
  });
}

/** Sex from Patient.gender; `other` and `unknown` cannot choose between the male and female equations. */
export function sex(ctx: RecordContext): Gathered {
  return withPatient(ctx, (p) => {
    const g = p.gender;
    if (g === 'male' || g === 'female') return { value: g, basis: [p], how: `${label(p)}.gender ${g}` };
    return {
      missing: g
        ? `${label(p)}.gender is "${g}"; the equations are defined for male and female only`
        : `${label(p)} has no gender`,
    };
  });
}

/** Race from the US Core race extension's OMB categories; several different answers are left to the caller. */
export function race(ctx: RecordContext): Gathered {
  return withPatient(ctx, (p) => {
    const ext = p.extension?.find((e) => e.url === US_CORE_RACE_URL);
    const codes = (ext?.extension ?? [])
      .filter((e) => e.url === 'ombCategory')
      .map((e) => e.valueCoding?.code)
      .filter((c): c is string => c !== undefined);
    const values = [...new Set(codes.map((c) => OMB_RACE[c]).filter((v) => v !== undefined))];
    if (values.length === 1 && values[0]) {
      return { value: values[0], basis: [p], how: `${label(p)} US Core race (OMB ${codes.join(', ')})` };
    }
    if (values.length > 1) {
      return { missing: `${label(p)} records several race categories (OMB ${codes.join(', ')}); give race` };
    }
    return { missing: `${label(p)} has no US Core race category; give race` };
  });
}
