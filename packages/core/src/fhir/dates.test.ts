import { describe, expect, it } from 'vitest';
import { dateRange } from './dates';

// Ranges as the FHIR R4 search page describes implicit ranges of partial dates (hl7.org/fhir/R4/search.html#date).
describe('dateRange', () => {
  it.each([
    ['2020', '2020-01-01T00:00:00.000Z', '2020-12-31T23:59:59.999Z'],
    ['2020-02', '2020-02-01T00:00:00.000Z', '2020-02-29T23:59:59.999Z'],
    ['2021-02-28', '2021-02-28T00:00:00.000Z', '2021-02-28T23:59:59.999Z'],
    ['2020-03-04T10:20:30Z', '2020-03-04T10:20:30.000Z', '2020-03-04T10:20:30.999Z'],
    ['2020-03-04T10:20:30.5+08:00', '2020-03-04T02:20:30.500Z', '2020-03-04T02:20:30.599Z'],
    ['2020-03-04T10:20', '2020-03-04T10:20:00.000Z', '2020-03-04T10:20:59.999Z'],
  ])('%s covers %s … %s', (value, low, high) => {
    const r = dateRange(value)!;
    expect(new Date(r.low).toISOString()).toBe(low);
    expect(new Date(r.high).toISOString()).toBe(high);
  });

  it.each(['2021-02-29', '2020-13', 'yesterday', '20200101', '2020-01-01T25:00'])('rejects %s', (v) => {
    expect(dateRange(v)).toBeUndefined();
  });
});
