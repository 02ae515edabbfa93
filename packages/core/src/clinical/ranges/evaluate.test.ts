import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { evaluateObservation } from './evaluate';

function obs(loinc: string, value: number, unit: string): Observation {
  return {
    resourceType: 'Observation',
    id: 'o1',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
    effectiveDateTime: '2024-06-01',
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  };
}

describe('evaluateObservation with CareLoop ranges (no lab range)', () => {
  const CASES = [
    // WS/T 404.5-2015 creatinine: men 20–59 57–97, 60–79 57–111 µmol/L
    { source: 'WS/T 404.5 men 20–59', o: obs('14682-9', 105, 'umol/L'), sex: 'male', age: 50, flag: 'high' },
    { source: 'WS/T 404.5 men 60–79', o: obs('14682-9', 105, 'umol/L'), sex: 'male', age: 65, flag: 'normal' },
    // same creatinine in mg/dL: 1.19 mg/dL × 88.42 = 105 µmol/L
    {
      source: 'WS/T 404.5, mg/dL via 113.12 g/mol',
      o: obs('2160-0', 1.19, 'mg/dL'),
      sex: 'male',
      age: 50,
      flag: 'high',
    },
    // WS/T 404.1-2012 ALT: women 7–40 U/L, men 9–50 U/L
    { source: 'WS/T 404.1 women', o: obs('1742-6', 45, 'U/L'), sex: 'female', age: 40, flag: 'high' },
    { source: 'WS/T 404.1 men', o: obs('1742-6', 45, 'U/L'), sex: 'male', age: 40, flag: 'normal' },
    // WS/T 405-2012 platelets 125–350 ×10⁹/L; 100 ×10³/µL = 100 ×10⁹/L
    { source: 'WS/T 405', o: obs('777-3', 100, '10*3/uL'), sex: 'male', age: 40, flag: 'low' },
    // Chinese T2DM guideline 2020: FPG ≥6.1 mmol/L is above normal; 110 mg/dL = 6.1 mmol/L
    { source: 'CDS 2020 FPG', o: obs('1558-6', 110, 'mg/dL'), sex: 'male', age: 40, flag: 'high' },
    // Kost 1990: potassium >6.2 mmol/L critical; 6.5 mEq/L = 6.5 mmol/L
    { source: 'Kost 1990', o: obs('2823-3', 6.5, 'meq/L'), sex: 'male', age: 40, flag: 'critical-high' },
    // Chinese hyperuricaemia guideline 2019: >420 µmol/L
    { source: 'CSE 2019', o: obs('14933-6', 420, 'umol/L'), sex: 'male', age: 40, flag: 'normal' },
    { source: 'CSE 2019, 7.2 mg/dL ≈ 428 µmol/L', o: obs('3084-1', 7.2, 'mg/dL'), sex: 'male', age: 40, flag: 'high' },
  ] as const;
  it.each(CASES)('$source: $o.valueQuantity.value $o.valueQuantity.unit → $flag', ({ o, sex, age, flag }) => {
    const [r] = evaluateObservation(o, { sex, age });
    expect(r?.flag).toBe(flag);
    expect(r?.range?.origin).toBe('careloop');
  });

  it('reads HBsAg as positive from SNOMED 10828004', () => {
    const o: Observation = {
      resourceType: 'Observation',
      id: 'h',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '5196-1' }] },
      valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '10828004' }] },
    };
    expect(evaluateObservation(o, {})[0]?.flag).toBe('positive');
  });
});
