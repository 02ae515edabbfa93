import type { ValidationContext } from './context';
import type { ValueChecker } from './types';

/** How one FHIR primitive type is represented in JSON and which lexical rule its value must follow. */
export interface PrimitiveType {
  readonly json: 'string' | 'number' | 'boolean';
  /** The R4 regex of the type (anchored here; the spec's regexes are implicitly whole-value). */
  readonly pattern?: RegExp;
  /** Integer types: inclusive range (R4 integers are 32-bit signed). */
  readonly range?: readonly [number, number];
  /** string/markdown/xhtml: must contain non-whitespace, no control characters below U+0020 but tab/CR/LF, ≤ 1 MB. */
  readonly text?: boolean;
  /** date/dateTime/instant: a full date must exist on the calendar ("Dates SHALL be valid dates"). */
  readonly calendar?: boolean;
}

const YEAR = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const MONTH = '(0[1-9]|1[0-2])';
const DAY = '(0[1-9]|[1-2][0-9]|3[0-1])';
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?';
const ZONE = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';
const INT32: readonly [number, number] = [-2147483648, 2147483647];
const URI = /^\S*$/;

/**
 * The R4 primitive types. Patterns are the regexes of https://hl7.org/fhir/R4/datatypes.html#primitive, except:
 * `code` allows only single spaces inside (the prose rule; the R4 regex says any whitespace), and `base64Binary`
 * is strict base64 without whitespace (the R4 regex omits `/`, a known erratum fixed in R5).
 * `decimal` is checked as a finite JSON number: its lexical form is gone once the JSON is parsed.
 */
export const PRIMITIVE_TYPES: Readonly<Record<string, PrimitiveType>> = {
  boolean: { json: 'boolean' },
  integer: { json: 'number', range: INT32 },
  positiveInt: { json: 'number', range: [1, INT32[1]] },
  unsignedInt: { json: 'number', range: [0, INT32[1]] },
  decimal: { json: 'number' },
  string: { json: 'string', text: true },
  markdown: { json: 'string', text: true },
  xhtml: { json: 'string', text: true },
  uri: { json: 'string', pattern: URI },
  url: { json: 'string', pattern: URI },
  canonical: { json: 'string', pattern: URI },
  code: { json: 'string', pattern: /^[^\s]+( [^\s]+)*$/ },
  id: { json: 'string', pattern: /^[A-Za-z0-9\-.]{1,64}$/ },
  oid: { json: 'string', pattern: /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/ },
  uuid: { json: 'string', pattern: /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/ },
  base64Binary: { json: 'string', pattern: /^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/ },
  date: { json: 'string', pattern: new RegExp(`^${YEAR}(-${MONTH}(-${DAY})?)?$`), calendar: true },
  dateTime: {
    json: 'string',
    pattern: new RegExp(`^${YEAR}(-${MONTH}(-${DAY}(T${TIME}${ZONE})?)?)?$`),
    calendar: true,
  },
  instant: { json: 'string', pattern: new RegExp(`^${YEAR}-${MONTH}-${DAY}T${TIME}${ZONE}$`), calendar: true },
  time: { json: 'string', pattern: new RegExp(`^${TIME}$`) },
};

const MAX_STRING = 1024 * 1024;
// Control characters are exactly what this pattern looks for (datatypes.html#string).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const NON_SPACE = /\S/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when `YYYY-MM-DD…` names a day that exists (29 February only in leap years); shorter values pass. */
export function isCalendarDate(value: string): boolean {
  if (value.length < 10) return true;
  const day = Number(value.slice(8, 10));
  if (day <= 28) return true;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  return day <= max;
}

/** Why a JSON value is not a valid lexical value of the primitive, or undefined when it is. */
export function primitiveError(type: string, def: PrimitiveType, value: unknown): string | undefined {
  if (typeof value !== def.json) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    return `Invalid JSON type for ${type}: expected ${def.json}, got ${got}`;
  }
  if (typeof value === 'number') return numberError(type, def, value);
  if (typeof value === 'string') return stringError(type, def, value);
  return undefined;
}

function numberError(type: string, def: PrimitiveType, n: number): string | undefined {
  if (!Number.isFinite(n)) return `Invalid ${type}: not a finite number`;
  if (def.range === undefined) return undefined;
  if (!Number.isInteger(n)) return `Invalid ${type}: ${n} is not an integer`;
  if (n < def.range[0] || n > def.range[1]) return `Invalid ${type}: ${n} is outside ${def.range[0]}..${def.range[1]}`;
  return undefined;
}

function stringError(type: string, def: PrimitiveType, s: string): string | undefined {
  if (s.length === 0) return `Invalid ${type}: empty string (ele-1: an element needs a value or children)`;
  if (def.text === true) {
    if (s.length > MAX_STRING) return `Invalid ${type}: longer than 1 MB`;
    if (!NON_SPACE.test(s)) return `Invalid ${type}: whitespace only`;
    if (CONTROL.test(s)) return `Invalid ${type}: contains a control character`;
    return undefined;
  }
  if (def.pattern !== undefined && !def.pattern.test(s)) return `Invalid ${type} format: "${clip(s)}"`;
  if (def.calendar === true && !isCalendarDate(s)) return `Invalid ${type}: "${clip(s)}" is not a calendar date`;
  return undefined;
}

function clip(s: string): string {
  return s.length > 64 ? `${s.slice(0, 61)}...` : s;
}

/** A checker for primitive `type`, or undefined when `type` is not an R4 primitive. */
export function primitiveChecker(type: string): ValueChecker | undefined {
  const def = PRIMITIVE_TYPES[type];
  if (def === undefined) return undefined;
  return (value: unknown, ctx: ValidationContext): void => {
    const error = primitiveError(type, def, value);
    if (error !== undefined) ctx.report(error, typeof value === def.json ? 'value' : 'structure');
  };
}
