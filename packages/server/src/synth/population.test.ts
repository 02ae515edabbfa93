import type { Observation, Patient, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { CONDITION_CODES, CONDITION_KEYS } from './condition-codes';
import type { ConditionKey } from './condition-codes';
import { ageOn, toDay } from './dates';
import { generatePerson } from './generate';
import type { GeneratedPerson } from './generate';
import { SECOND_MRN_SYSTEM } from './patient';
import { PROFILE_KEYS } from './profile';
import { PROFILES } from './profiles';

/**
 * Statistics of a generated sample checked against the cited figures in profiles/*.ts. Counts come from the FHIR
 * output (Patient.birthDate, Condition codes), not from the generator's internals.
 */
const SAMPLE = 3000;
const REFERENCE = '2026-01-01';
/** Tolerance: 3.5 binomial standard errors of the band's sample size, plus half a percentage point. */
const tolerance = (p: number, n: number): number => 3.5 * Math.sqrt((p * (1 - p)) / n) + 0.005;

const bySnomed = new Map(CONDITION_KEYS.map((k) => [CONDITION_CODES[k].snomed.code, k] as const));
const sample = (profile: 'china' | 'us'): GeneratedPerson[] =>
  Array.from({ length: SAMPLE }, (_, index) =>
    generatePerson({ seed: 2024, index, profile, referenceDate: REFERENCE }),
  );

interface Row {
  readonly age: number;
  readonly sex: string;
  readonly conditions: ReadonlySet<ConditionKey>;
  readonly latest: ReadonlyMap<string, number>;
}

function row(resources: readonly Resource[]): Row {
  const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
  const conditions = new Set<ConditionKey>();
  for (const r of resources) {
    if (r.resourceType !== 'Condition') continue;
    const code = r.code?.coding?.find((c) => c.system === 'http://snomed.info/sct')?.code;
    const key = code ? bySnomed.get(code) : undefined;
    if (key) conditions.add(key);
  }
  const latest = new Map<string, number>();
  for (const r of resources) {
    const o = r as Observation;
    if (r.resourceType !== 'Observation' || !o.encounter || o.valueQuantity?.value === undefined) continue;
    latest.set(o.code.coding?.[0]?.code ?? '', o.valueQuantity.value);
  }
  return {
    age: ageOn(toDay(patient?.birthDate ?? ''), toDay(REFERENCE)),
    sex: patient?.gender ?? '',
    conditions,
    latest,
  };
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe.each(PROFILE_KEYS)('population statistics, profile %s (n = 3000)', (profileKey) => {
  const profile = PROFILES[profileKey];
  const people = sample(profileKey);
  const rows = people.map((p) => row(p.resources));

  const cases = Object.entries(profile.prevalence).flatMap(([key, table]) =>
    table.bands.map((band) => ({ key: key as ConditionKey, table, band, label: `${key} ${band.from}–${band.to}` })),
  );
  it.each(cases)('prevalence of $label within tolerance of the cited figure', ({ key, table, band }) => {
    const inBand = rows.filter((r) => r.age >= band.from && r.age <= band.to && (!table.sex || r.sex === table.sex));
    if (inBand.length < 30) return; // too few people in a narrow band at this sample size
    const observed = inBand.filter((r) => r.conditions.has(key)).length / inBand.length;
    const target = band.percent / 100;
    expect(Math.abs(observed - target), `${observed.toFixed(3)} vs ${target} (n=${inBand.length})`).toBeLessThanOrEqual(
      tolerance(target, inBand.length),
    );
  });

  it.each(Object.keys(profile.prevalence))(
    '%s: all-ages count within 3.5 SE of the count the cited bands predict',
    (key) => {
      const table = profile.prevalence[key as ConditionKey];
      let expected = 0;
      let variance = 0;
      let observed = 0;
      for (const r of rows) {
        const band = table?.bands.find((b) => r.age >= b.from && r.age <= b.to);
        if (!band || (table?.sex && r.sex !== table.sex)) continue;
        const p = band.percent / 100;
        expected += p;
        variance += p * (1 - p);
        if (r.conditions.has(key as ConditionKey)) observed++;
      }
      expect(Math.abs(observed - expected), `${observed} vs ${expected.toFixed(1)}`).toBeLessThanOrEqual(
        3.5 * Math.sqrt(variance) + 2,
      );
    },
  );

  it('has no condition outside its tables (sex-specific cancers stay with their sex)', () => {
    for (const r of rows) {
      for (const key of r.conditions) {
        const table = profile.prevalence[key];
        expect(table, key).toBeDefined();
        if (table?.sex) expect(r.sex).toBe(table.sex);
      }
    }
  });

  it("diabetics' mean HbA1c and glucose are above non-diabetics'", () => {
    const hba1c = (dm: boolean): number =>
      mean(
        rows
          .filter((r) => r.conditions.has('diabetes') === dm && r.latest.has('4548-4'))
          .map((r) => r.latest.get('4548-4') ?? 0),
      );
    expect(hba1c(true)).toBeGreaterThan(hba1c(false) + 1);
    const glucoseCode = profileKey === 'china' ? '14771-0' : '1558-6';
    const glucose = (dm: boolean): number =>
      mean(
        rows
          .filter((r) => r.conditions.has('diabetes') === dm && r.latest.has(glucoseCode))
          .map((r) => r.latest.get(glucoseCode) ?? 0),
      );
    expect(glucose(true)).toBeGreaterThan(glucose(false) * 1.3);
  });

  it("CKD patients' creatinine is higher", () => {
    const code = profileKey === 'china' ? '14682-9' : '2160-0';
    const creat = (ckd: boolean): number =>
      mean(
        rows.filter((r) => r.conditions.has('ckd') === ckd && r.latest.has(code)).map((r) => r.latest.get(code) ?? 0),
      );
    expect(creat(true)).toBeGreaterThan(creat(false) * 1.2);
  });

  it('disease follows risk factors: COPD is commoner in current smokers, diabetes in the obese', () => {
    const share = (xs: readonly GeneratedPerson[], key: ConditionKey): number =>
      xs.filter((p) => p.person.conditions.some((c) => c.key === key)).length / xs.length;
    const over40 = people.filter((p) => p.person.age >= 40);
    expect(
      share(
        over40.filter((p) => p.person.smoking === 'current'),
        'copd',
      ),
    ).toBeGreaterThan(
      1.5 *
        share(
          over40.filter((p) => p.person.smoking === 'never'),
          'copd',
        ),
    );
    const obeseCut = profileKey === 'china' ? 28 : 30;
    expect(
      share(
        over40.filter((p) => p.person.bmi >= obeseCut),
        'diabetes',
      ),
    ).toBeGreaterThan(
      1.5 *
        share(
          over40.filter((p) => p.person.bmi < obeseCut - 5),
          'diabetes',
        ),
    );
  });

  it('every onset is in adulthood and on or before the reference date', () => {
    const today = toDay(REFERENCE);
    for (const p of people) {
      for (const c of p.person.conditions) {
        expect(ageOn(p.person.birthDay, c.onsetDay)).toBeGreaterThanOrEqual(18);
        expect(c.onsetDay).toBeLessThan(today);
      }
    }
  });

  it(`has ${profile.duplicateShare * 100}% second-source duplicates (±1.5 points), discoverable by their MRN system`, () => {
    const dups = people.filter((p) =>
      p.resources.some(
        (r) => r.resourceType === 'Patient' && r.identifier?.some((i) => i.system === SECOND_MRN_SYSTEM),
      ),
    );
    expect(Math.abs(dups.length / SAMPLE - profile.duplicateShare)).toBeLessThanOrEqual(0.015);
    for (const p of dups) {
      const [a, b] = p.resources.filter((r): r is Patient => r.resourceType === 'Patient');
      expect(b?.id).toBe(`${a?.id}-b`);
      expect(b?.birthDate).toBe(a?.birthDate);
      expect(JSON.stringify(b?.name)).not.toBe(JSON.stringify(a?.name));
    }
  });

  it('admits a share of chronic patients and follows some up at home, with deteriorations to find', () => {
    const admitted = people.filter((p) => p.admission);
    expect(admitted.length).toBeGreaterThan(SAMPLE * 0.01);
    expect(admitted.every((p) => p.person.conditions.length > 0)).toBe(true);
    const followed = admitted.filter((p) => p.admission?.followUp);
    expect(followed.length).toBeGreaterThan(0);
    const gain = followed.find((p) => p.admission?.followUp?.trend === 'weight-gain');
    if (gain) {
      const weights = gain.resources
        .filter(
          (r): r is Observation =>
            r.resourceType === 'Observation' && r.code.coding?.[0]?.code === '29463-7' && !r.encounter,
        )
        .map((o) => o.valueQuantity?.value ?? 0);
      expect((weights[weights.length - 1] ?? 0) - (weights[weights.length - 6] ?? 0)).toBeGreaterThan(2);
    }
  });
});
