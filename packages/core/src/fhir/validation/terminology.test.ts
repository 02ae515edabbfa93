import type { CodeSystem, ValueSet } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { createExpander } from './terminology';

// Shapes follow https://hl7.org/fhir/R4/valueset.html#compositions; the codes are made up for the test.
const cs: CodeSystem = {
  resourceType: 'CodeSystem',
  url: 'http://example.org/cs',
  status: 'active',
  content: 'complete',
  concept: [{ code: 'a', concept: [{ code: 'a1' }] }, { code: 'b' }],
};
const fragment: CodeSystem = {
  resourceType: 'CodeSystem',
  url: 'http://example.org/frag',
  status: 'active',
  content: 'fragment',
  concept: [{ code: 'z' }],
};
const vs = (url: string, compose: ValueSet['compose']): ValueSet => ({
  resourceType: 'ValueSet',
  url,
  status: 'active',
  compose,
});

const valueSets: ValueSet[] = [
  vs('http://example.org/whole', { include: [{ system: 'http://example.org/cs' }] }),
  vs('http://example.org/list', { include: [{ system: 'http://example.org/other', concept: [{ code: 'x' }] }] }),
  vs('http://example.org/union', { include: [{ valueSet: ['http://example.org/whole', 'http://example.org/list'] }] }),
  vs('http://example.org/minus', {
    include: [{ system: 'http://example.org/cs' }],
    exclude: [{ system: 'http://example.org/cs', concept: [{ code: 'b' }] }],
  }),
  vs('http://example.org/filtered', {
    include: [{ system: 'http://snomed.info/sct', filter: [{ property: 'concept', op: 'is-a', value: '1' }] }],
  }),
  vs('http://example.org/external', { include: [{ system: 'http://loinc.org' }] }),
  vs('http://example.org/fragment', { include: [{ system: 'http://example.org/frag' }] }),
  {
    resourceType: 'ValueSet',
    url: 'http://example.org/expanded',
    status: 'active',
    expansion: { timestamp: '2020-01-01', contains: [{ system: 'http://example.org/e', code: 'e1' }] },
  },
];
const expand = createExpander(valueSets, [cs, fragment]);

describe('createExpander', () => {
  it.each([
    ['http://example.org/whole', ['a', 'a1', 'b']],
    ['http://example.org/whole|4.0.1', ['a', 'a1', 'b']],
    ['http://example.org/list', ['x']],
    ['http://example.org/union', ['a', 'a1', 'b', 'x']],
    ['http://example.org/minus', ['a', 'a1']],
    ['http://example.org/expanded', ['e1']],
  ] as const)('%s expands to %j', (url, codes) => {
    expect([...(expand(url)?.codes ?? [])].sort()).toEqual(codes);
  });

  it('keeps system|code pairs', () => {
    expect(expand('http://example.org/union')?.pairs.has('http://example.org/other|x')).toBe(true);
    expect(expand('http://example.org/union')?.pairs.has('http://example.org/cs|x')).toBe(false);
  });

  it.each([
    'http://example.org/filtered',
    'http://example.org/external',
    'http://example.org/fragment',
    'http://example.org/missing',
  ])('%s cannot be expanded (left unchecked)', (url) => {
    expect(expand(url)).toBeUndefined();
  });
});
