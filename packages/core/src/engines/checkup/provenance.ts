import type { Citation } from '../../clinical/source';
import type { Device, Provenance, Reference, Resource } from '@medplum/fhirtypes';
import { CHECKUP_ENGINE, citationText } from './vocabulary';

const ENGINE_DEVICE: Device = {
  resourceType: 'Device',
  id: 'engine',
  identifier: [{ system: 'https://careloop.dev/fhir/device', value: CHECKUP_ENGINE.id }],
  deviceName: [{ name: CHECKUP_ENGINE.id, type: 'model-name' }],
  version: [{ value: CHECKUP_ENGINE.version }],
};

function policyOf(c: Citation): string | undefined {
  if (c.url) return c.url;
  return c.doi ? `https://doi.org/${c.doi}` : undefined;
}

/**
 * Who made the output: the engine (a contained Device with its version) as author; the inputs as `source`
 * entities; the published sources as policy URIs (when they have one) and as `derivation` entities by display.
 * https://hl7.org/fhir/R4/provenance.html
 */
export function toProvenance(
  id: string,
  targets: readonly Resource[],
  recorded: string,
  inputs: readonly string[],
  sources: readonly Citation[],
): Provenance {
  const target: Reference[] = targets.map((t) => ({ reference: `${t.resourceType}/${t.id ?? ''}` }));
  const policy = [...new Set(sources.flatMap((s) => policyOf(s) ?? []))];
  return {
    resourceType: 'Provenance',
    id,
    contained: [ENGINE_DEVICE],
    target,
    recorded,
    ...(policy.length > 0 ? { policy } : {}),
    agent: [
      {
        type: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'author' }],
        },
        who: { reference: '#engine', display: `CareLoop checkup engine ${CHECKUP_ENGINE.version}` },
      },
    ],
    entity: [
      ...inputs.map((reference) => ({ role: 'source' as const, what: { reference } })),
      ...sources.map((s) => ({ role: 'derivation' as const, what: { display: citationText(s) } })),
    ],
  };
}
