import { describe, expect, it } from 'vitest';
import { formats, parseFhirDate } from './format';
import { hrefOf, parseRoute, type Route } from './router';

describe('routes', () => {
  it.each<[string, Route]>([
    ['', { name: 'worklist' }],
    ['#/', { name: 'worklist' }],
    ['#/patients/cn5-8', { name: 'patient', id: 'cn5-8' }],
    ['#/reports/abc.123', { name: 'report', id: 'abc.123' }],
    ['#/reports/../../x', { name: 'worklist' }],
    ['#/reports/<script>', { name: 'worklist' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    if (hash.startsWith('#/') && route.name !== 'worklist') expect(hrefOf(route)).toBe(hash);
  });
});

describe('formats follow the language', () => {
  it('dates: a FHIR date stays on its calendar day in every time zone', () => {
    expect(parseFhirDate('2025-08-25')?.getDate()).toBe(25);
    expect(formats('en-GB').date('2025-08-25')).toBe('25 Aug 2025');
    expect(formats('zh-CN').date('2025-08-25')).toBe('2025年8月25日');
    expect(formats('en').date(undefined)).toBe('—');
  });
  it('numbers', () => {
    expect(formats('en').number(12345.678, 1)).toBe('12,345.7');
    expect(formats('zh-CN').number(0.5)).toBe('0.5');
  });
});
