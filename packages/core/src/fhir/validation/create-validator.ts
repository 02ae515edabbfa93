import { compileTypes } from './compile';
import { ValidationContext } from './context';
import { resourceChecker } from './resources';
import { createExpander } from './terminology';
import type { Validator, ValidatorDefinitions } from './types';

/**
 * Compiles a FHIR R4 validator once from base StructureDefinitions and terminology. `validate` checks JSON shape,
 * primitive types and R4 regexes, cardinality, choice types, primitive extensions, ele-1, contained resources,
 * required bindings (where expandable), reference formats and a few structural invariants (ext-1, ref-1, dom-2/4/5).
 * It does not evaluate other FHIRPath invariants or profiles.
 * @see https://hl7.org/fhir/R4/validation.html
 */
export function createValidator(defs: ValidatorDefinitions): Validator {
  const expand = createExpander(defs.valueSets, defs.codeSystems ?? []);
  const { resources } = compileTypes(defs.structureDefinitions, expand);
  const checkRoot = resourceChecker(resources, 'root');
  const resourceTypes: readonly string[] = Object.freeze([...resources.keys()].sort());
  return {
    resourceTypes,
    validate(resource, options) {
      const ctx = new ValidationContext(options);
      checkRoot(resource, ctx);
      return ctx.problems;
    },
  };
}
