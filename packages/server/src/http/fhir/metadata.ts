import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import type { SearchParamRegistry } from '../../fhir-definitions/search-parameters';

const SUPPORTED_TYPES = new Set(['token', 'string', 'date', 'number', 'quantity', 'reference', 'uri']);

/** The CapabilityStatement, generated from what the server really supports (types, parameters, interactions). */
export function capabilityStatement(registry: SearchParamRegistry): CapabilityStatement {
  const resource: CapabilityStatementRestResource[] = registry.resourceTypes.map((type) => {
    const params = [...registry.forType(type).values()].filter(
      (p) => SUPPORTED_TYPES.has(p.type) && (p.expressions.length > 0 || p.code === '_id' || p.code === '_lastUpdated'),
    );
    const refs = params.filter((p) => p.type === 'reference').map((p) => `${type}:${p.code}`);
    return {
      type: type as CapabilityStatementRestResource['type'],
      profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
      interaction: ['read', 'vread', 'update', 'delete', 'history-instance', 'create', 'search-type'].map((code) => ({
        code: code as 'read',
      })),
      versioning: 'versioned-update',
      readHistory: true,
      updateCreate: true,
      conditionalCreate: true,
      conditionalUpdate: true,
      conditionalDelete: 'not-supported',
      searchInclude: refs,
      searchRevInclude: [],
      searchParam: params.map((p) => ({ name: p.code, type: p.type, definition: p.url })),
    };
  });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-28',
    kind: 'instance',
    software: { name: 'CareLoop', version: '0.1.0' },
    implementation: { description: 'CareLoop FHIR R4 server' },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        resource,
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
        searchParam: [
          { name: '_count', type: 'number' },
          { name: '_offset', type: 'number' },
          { name: '_sort', type: 'string' },
          { name: '_include', type: 'string' },
          { name: '_revinclude', type: 'string' },
          { name: '_summary', type: 'token' },
          { name: '_elements', type: 'string' },
        ],
      },
    ],
  };
}
