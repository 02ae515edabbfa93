import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';
import { describe, expect, it } from 'vitest';
import { r4ResourceTypes } from '../fhir-definitions/resource-types';
import { loadSearchParamRegistry } from '../fhir-definitions/search-parameters';
import { clinicFixture } from '../testing/fixtures';
import { compileExtractor, isFastPath } from './fhirpath-extract';

/**
 * The fast property walk must extract exactly what fhirpath.js extracts, for every search-parameter expression of
 * every resource in the fixture (the fast path is an optimisation, never a different meaning). Two R4 idioms are
 * read the way FHIR servers index them, and compared with their item-wise FHIRPath equivalents: `x as T` applies to
 * each item (fhirpath.js rejects `as` on several items, e.g. the components of a BP panel), and
 * `where(resolve() is T)` checks the reference's type without fetching the target.
 */
function itemWise(expression: string): string {
  return expression
    .replace(/^\((.+) as ([A-Za-z]+)\)$/, '$1.ofType($2)')
    .replace(/\.as\(([A-Za-z]+)\)$/, '.ofType($1)')
    .replace(/\.where\(resolve\(\) is ([A-Za-z]+)\)$/, ".where(reference.startsWith('$1/'))");
}

describe('search-parameter extraction', () => {
  const registry = loadSearchParamRegistry(r4ResourceTypes());
  const cases = clinicFixture().flatMap((resource) =>
    [...registry.forType(resource.resourceType).values()]
      .filter((p) => p.expressions.length > 0 && p.type !== 'composite')
      .map((p) => [`${resource.resourceType}/${resource.id!} ${p.code}`, resource, p.expressions] as const),
  );

  it('covers most expressions with the fast path', () => {
    const all = cases.flatMap(([, , e]) => e);
    expect(all.filter(isFastPath).length / all.length).toBeGreaterThan(0.9);
  });

  it.each(cases)('%s matches fhirpath.js', (_name, resource, expressions) => {
    const expected = expressions.flatMap(
      (e) => fhirpath.evaluate(resource, itemWise(e), undefined, r4Model) as unknown[],
    );
    expect(compileExtractor(expressions)(resource)).toEqual(expected);
  });
});
