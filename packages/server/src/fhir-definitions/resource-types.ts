import type { Bundle, StructureDefinition } from '@medplum/fhirtypes';
import { readR4Definition } from './read-definition';

let cached: readonly string[] | undefined;

/** Every concrete R4 resource type (Patient … VisionPrescription), from the base StructureDefinitions. */
export function r4ResourceTypes(): readonly string[] {
  cached ??= (readR4Definition<Bundle<StructureDefinition>>('profiles-resources.json').entry ?? [])
    .map((e) => e.resource)
    .filter(
      (sd): sd is StructureDefinition => sd?.kind === 'resource' && !sd.abstract && sd.derivation === 'specialization',
    )
    .map((sd) => sd.type)
    .filter((t): t is string => typeof t === 'string')
    .sort();
  return cached;
}
