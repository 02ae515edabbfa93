import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from './csv-dates';
import { parseReferenceRange } from './reference-range';

// Range notations as printed on Chinese and English lab reports (WS/T 404 tables print "3.9～6.1"; lipid
// targets print "<5.2"; qualitative tests print "阴性").
const RANGES: readonly [string, ReturnType<typeof parseReferenceRange>][] = [
  ['3.9-6.1', { low: 3.9, high: 6.1, text: '3.9-6.1' }],
  ['3.9～6.1', { low: 3.9, high: 6.1, text: '3.9~6.1' }],
  ['115 - 150', { low: 115, high: 150, text: '115 - 150' }],
  ['<5.2', { high: 5.2, text: '<5.2' }],
  ['≤ 5.2', { high: 5.2, text: '≤ 5.2' }],
  ['>1.04', { low: 1.04, text: '>1.04' }],
  ['阴性', { text: '阴性' }],
  ['6.1-3.9', { text: '6.1-3.9' }],
  ['', undefined],
];

describe('parseReferenceRange', () => {
  it.each(RANGES)('%s', (raw, expected) => {
    expect(parseReferenceRange(raw)).toEqual(expected);
  });
});

const DATES: readonly [string, ReturnType<typeof parseCalendarDate>][] = [
  ['2024-03-01', { ok: true, date: '2024-03-01' }],
  ['2024/3/1', { ok: true, date: '2024-03-01' }],
  ['20240301', { ok: true, date: '2024-03-01' }],
  ['2024-03-01 08:30', { ok: true, date: '2024-03-01' }],
  ['2024-02-29', { ok: true, date: '2024-02-29' }], // 2024 is a leap year
  ['2023-02-29', { ok: false, reason: '2023-02-29 is not a real calendar date' }],
  ['2024-02-30', { ok: false, reason: '2024-02-30 is not a real calendar date' }],
  ['2024-13-01', { ok: false, reason: '2024-13-01 is not a real calendar date' }],
  ['01/03/2024', { ok: false, reason: '01/03/2024 is not a date (expected YYYY-MM-DD)' }],
  ['', { ok: false, reason: 'missing' }],
];

describe('parseCalendarDate', () => {
  it.each(DATES)('%s', (raw, expected) => {
    expect(parseCalendarDate(raw)).toEqual(expected);
  });
});
