import { describe, expect, it } from 'vitest';
import { PRIMITIVE_TYPES, isCalendarDate, primitiveError } from './primitives';

const DT = 'https://hl7.org/fhir/R4/datatypes.html';

/** [type, JSON value, valid?, source]: examples and counter-examples from the R4 datatypes page. */
const CASES: readonly (readonly [string, unknown, boolean, string])[] = [
  ['boolean', true, true, `${DT}#boolean`],
  ['boolean', 'true', false, `${DT}#boolean (JSON boolean, not a string)`],
  ['integer', -2147483648, true, `${DT}#integer (32-bit lower bound)`],
  ['integer', 2147483648, false, `${DT}#integer (above 32-bit)`],
  ['integer', 1.5, false, `${DT}#integer`],
  ['positiveInt', 0, false, `${DT}#positiveInt (1..)`],
  ['unsignedInt', 0, true, `${DT}#unsignedInt (0..)`],
  ['decimal', 0.1, true, `${DT}#decimal`],
  ['decimal', '0.1', false, `${DT}#decimal (JSON number)`],
  ['string', 'Mei', true, `${DT}#string`],
  ['string', '', false, 'https://hl7.org/fhir/R4/json.html (empty values are not allowed)'],
  ['string', ' \t ', false, `${DT}#string (SHOULD contain non-whitespace)`],
  ['string', ' padded ', true, `${DT}#string (leading/trailing whitespace allowed)`],
  ['string', 'bell\u0007', false, `${DT}#string (no control characters below U+0020 but tab/CR/LF)`],
  ['code', 'final', true, `${DT}#code`],
  ['code', 'two words', true, `${DT}#code (single inner spaces allowed)`],
  ['code', 'two  spaces', false, `${DT}#code`],
  ['code', ' final', false, `${DT}#code (no leading whitespace)`],
  ['id', 'a-B.9', true, `${DT}#id`],
  ['id', 'a_b', false, `${DT}#id`],
  ['id', 'x'.repeat(65), false, `${DT}#id (1..64 characters)`],
  ['uri', 'urn:uuid:5f0a8f1e-6c2b-4d1a-9b8e-2f4c7d3a1b01', true, `${DT}#uri`],
  ['uri', 'has space', false, `${DT}#uri`],
  ['oid', 'urn:oid:2.16.840.1.113883', true, `${DT}#oid`],
  ['uuid', 'urn:uuid:5F0A8F1E-6C2B-4D1A-9B8E-2F4C7D3A1B01', false, `${DT}#uuid (lower case)`],
  ['base64Binary', 'R2x1Y29zZQ==', true, `${DT}#base64Binary`],
  ['base64Binary', 'R2x1Y29zZQ', false, `${DT}#base64Binary (padding)`],
  ['date', '2018', true, `${DT}#date (year only)`],
  ['date', '1973-06', true, `${DT}#date`],
  ['date', '1905-08-23', true, `${DT}#date`],
  ['date', '2023-02-30', false, `${DT}#date ("Dates SHALL be valid dates")`],
  ['date', '2024-02-29', true, `${DT}#date (leap year)`],
  ['date', '1900-02-29', false, `${DT}#date (1900 is not a leap year)`],
  ['date', '0000-01-01', false, `${DT}#date (year 0000)`],
  ['dateTime', '2015-02-07T13:28:17-05:00', true, `${DT}#dateTime (spec example)`],
  ['dateTime', '2017-01-01T00:00:00.000Z', true, `${DT}#dateTime (spec example)`],
  ['dateTime', '2017-01-01T00:00:00', false, `${DT}#dateTime (time without zone)`],
  ['dateTime', '2017-01-01T00:00Z', false, `${DT}#dateTime (seconds required)`],
  ['instant', '2015-02-07T13:28:17.239+02:00', true, `${DT}#instant (spec example)`],
  ['instant', '2015-02-07', false, `${DT}#instant (full precision required)`],
  ['time', '23:59:60', true, `${DT}#time (leap second)`],
  ['time', '24:00:00', false, `${DT}#time`],
];

describe('primitiveError', () => {
  it.each(CASES.map(([t, v, ok, src]) => [t, JSON.stringify(v).slice(0, 20), ok, src, v] as const))(
    '%s %s valid=%s (%s)',
    (type, _, ok, _src, value) => {
      const def = PRIMITIVE_TYPES[type];
      expect(def).toBeDefined();
      if (def === undefined) return;
      expect(primitiveError(type, def, value) === undefined).toBe(ok);
    },
  );

  it('rejects strings over 1 MB (datatypes.html#string)', () => {
    const def = PRIMITIVE_TYPES.string;
    expect(def && primitiveError('string', def, 'x'.repeat(1024 * 1024 + 1))).toContain('1 MB');
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2023-04-31', false],
    ['2023-04-30', true],
    ['2000-02-29', true],
    ['2023-02', true],
  ] as const)('%s → %s', (value, ok) => {
    expect(isCalendarDate(value)).toBe(ok);
  });
});
