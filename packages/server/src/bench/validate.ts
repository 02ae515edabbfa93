import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type { Bundle, Resource, StructureDefinition } from '@medplum/fhirtypes';
import { readR4Definition } from '../fhir-definitions/read-definition';
import { loadR4Validator } from '../fhir-definitions/validator';
import { VALID_RESOURCES } from '../fhir-definitions/validator-fixtures';
import type { Benchmark } from './registry';

const DEFAULT_COUNT = 20_000;

/** `count` realistic resources: the validator fixtures cycled, each copy with its own id, dates and values. */
function buildResources(count: number): Resource[] {
  const out: Resource[] = [];
  for (let i = 0; i < count; i++) {
    const base = VALID_RESOURCES[i % VALID_RESOURCES.length];
    if (base === undefined) break;
    const copy = structuredClone(base);
    copy.id = `${i.toString(16).padStart(8, '0')}-6c2b-4d1a-9b8e-2f4c7d3a1b01`;
    vary(copy, i);
    out.push(copy);
  }
  return out;
}

function vary(r: Resource, i: number): void {
  const day = String(1 + (i % 28)).padStart(2, '0');
  if (r.resourceType === 'Observation') {
    r.effectiveDateTime = `2019-05-${day}T09:12:00+00:00`;
    if (r.valueQuantity) r.valueQuantity = { ...r.valueQuantity, value: 4 + (i % 50) / 10 };
  } else if (r.resourceType === 'Patient') {
    r.birthDate = `19${String(30 + (i % 70))}-03-${day}`;
  } else if (r.resourceType === 'Condition') {
    r.onsetDateTime = `2012-11-${day}T09:12:00+00:00`;
  }
}

function time(label: string, resources: readonly Resource[], check: (r: Resource) => boolean): number {
  for (const r of resources.slice(0, 500)) check(r);
  let invalid = 0;
  const t0 = performance.now();
  for (const r of resources) if (!check(r)) invalid++;
  const seconds = (performance.now() - t0) / 1000;
  const rate = resources.length / seconds;
  console.log(
    `${label.padEnd(28)} ${Math.round(rate).toLocaleString('en')} resources/s (${seconds.toFixed(2)} s, invalid ${invalid})`,
  );
  return rate;
}

function loadMedplum(): void {
  indexStructureDefinitionBundle(readR4Definition<Bundle<StructureDefinition>>('profiles-types.json'));
  indexStructureDefinitionBundle(readR4Definition<Bundle<StructureDefinition>>('profiles-resources.json'));
}

/** Our compiled validator vs @medplum/core's validateResource on the same resources, in the same process. */
export const validateBenchmark: Benchmark = {
  name: 'validate',
  description: 'R4 validation: compiled CareLoop validator vs @medplum/core validateResource (resources/s)',
  run(_config, args) {
    const count = Number(args[0] ?? DEFAULT_COUNT) || DEFAULT_COUNT;
    const resources = buildResources(count);
    let t0 = performance.now();
    const validator = loadR4Validator();
    console.log(`careloop validator load: ${Math.round(performance.now() - t0)} ms`);
    t0 = performance.now();
    loadMedplum();
    console.log(`medplum definitions load: ${Math.round(performance.now() - t0)} ms`);
    console.log(`${resources.length.toLocaleString('en')} resources of ${VALID_RESOURCES.length} types`);
    const options = { allowConditionalReferences: true }; // Synthea 3.x entries carry conditional references
    const ours = time('careloop createValidator', resources, (r) => validator.validate(r, options).length === 0);
    const theirs = time('medplum validateResource', resources, (r) => {
      try {
        validateResource(r);
        return true;
      } catch {
        return false;
      }
    });
    console.log(`ratio careloop / medplum: ${(ours / theirs).toFixed(1)}x`);
    return Promise.resolve();
  },
};
