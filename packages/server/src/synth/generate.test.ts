import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { loadR4Validator } from '../fhir-definitions/validator';
import { generatePatient, generatePopulation, populationSharedResources } from './generate';
import { PROFILE_KEYS } from './profile';
import { transactionBundle } from './writers';

const REFERENCE = '2026-01-01';

function references(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) references(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') out.push(v);
      else references(v, out);
    }
  }
  return out;
}

describe.each(PROFILE_KEYS)('generatePatient, profile %s', (profile) => {
  const shared = populationSharedResources(profile);
  const people = [...generatePopulation({ seed: 99, patients: 150, profile, referenceDate: REFERENCE })];

  it('passes the R4 validator (every resource, and each person as a transaction Bundle)', () => {
    const validator = loadR4Validator();
    const problems: string[] = [];
    for (const resources of [shared, ...people]) {
      for (const r of [...resources, transactionBundle(resources)]) {
        for (const p of validator.validate(r)) problems.push(`${r.resourceType}/${r.id ?? ''}: ${p.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('makes every kind of resource the issue lists', () => {
    const types = new Set(people.flat().map((r) => r.resourceType));
    for (const t of ['Patient', 'Encounter', 'Observation', 'Condition', 'MedicationRequest', 'AllergyIntolerance']) {
      expect(types).toContain(t);
    }
    const classes = new Set(people.flat().flatMap((r) => (r.resourceType === 'Encounter' ? [r.class.code] : [])));
    expect(classes).toEqual(new Set(['AMB', 'IMP']));
  });

  it('has unique ids, and every reference resolves within the person or the shared resources', () => {
    const known = new Set(shared.map((r) => `${r.resourceType}/${r.id ?? ''}`));
    const all = new Set<string>();
    for (const resources of people) {
      const mine = new Set(resources.map((r) => `${r.resourceType}/${r.id ?? ''}`));
      for (const key of mine) {
        expect(all.has(key), key).toBe(false);
        all.add(key);
      }
      expect(mine.size).toBe(resources.length);
      for (const ref of references(resources)) expect(mine.has(ref) || known.has(ref), ref).toBe(true);
    }
  });

  it('is deterministic: same options, same bytes; another seed or index, other people', () => {
    const opts = { seed: 99, index: 17, profile, referenceDate: REFERENCE } as const;
    const a = JSON.stringify(generatePatient(opts));
    expect(JSON.stringify(generatePatient(opts))).toBe(a);
    expect(JSON.stringify(people[17])).toBe(a);
    expect(JSON.stringify(generatePatient({ ...opts, seed: 100 }))).not.toBe(a);
    expect(JSON.stringify(generatePatient({ ...opts, index: 18 }))).not.toBe(a);
  });

  it('puts nothing after the reference date', () => {
    const last = (r: Resource): string | undefined =>
      r.resourceType === 'Observation'
        ? r.effectiveDateTime
        : r.resourceType === 'Encounter'
          ? r.period?.end
          : r.resourceType === 'Condition'
            ? r.onsetDateTime
            : r.resourceType === 'MedicationRequest'
              ? r.authoredOn
              : undefined;
    for (const r of people.flat()) expect((last(r) ?? '').slice(0, 10) < REFERENCE, r.id).toBe(true);
  });

  it(`codes labs in ${profile === 'china' ? 'mmol/L and umol/L' : 'mg/dL'} with a reference range on each result`, () => {
    const labs = people
      .flat()
      .filter((r) => r.resourceType === 'Observation' && r.category?.[0]?.coding?.[0]?.code === 'laboratory');
    expect(labs.length).toBeGreaterThan(0);
    const units = new Set(
      labs.flatMap((o) => (o.resourceType === 'Observation' && o.valueQuantity ? [o.valueQuantity.code] : [])),
    );
    if (profile === 'china') {
      expect(units).toContain('mmol/L');
      expect(units).toContain('umol/L');
      expect(units).not.toContain('mg/dL');
    } else {
      expect(units).toContain('mg/dL');
      expect(units).not.toContain('mmol/L');
    }
    for (const o of labs) if (o.resourceType === 'Observation') expect(o.referenceRange?.length).toBe(1);
  });
});
