import { describe, expect, it } from 'vitest';
import { convertUnit, swapMassAndSubstance, toCanonical } from './units';

// Molar mass of cholesterol 386.65 g/mol (PubChem CID 5997); 1 mmol/L = 38.665 mg/dL.
describe('UCUM conversion', () => {
  it.each([
    { value: 5.2, from: 'mmol/L', to: 'mg/dL', molarMass: 386.65, expected: 201.058 },
    { value: 88.4, from: 'umol/L', to: 'mg/dL', molarMass: 113.12, expected: 1.0 },
    { value: 1, from: 'g/dL', to: 'g/L', molarMass: undefined, expected: 10 },
  ])('$value $from → $to', ({ value, from, to, molarMass, expected }) => {
    const r = convertUnit(value, from, to, molarMass);
    expect(r.ok && r.value).toBeCloseTo(expected, 2);
  });

  it('refuses mass ⇄ substance without a molar mass, and unknown units', () => {
    expect(convertUnit(5.2, 'mmol/L', 'mg/dL').ok).toBe(false);
    expect(convertUnit(1, 'furlongs', 'mg/dL').ok).toBe(false);
  });

  it('canonicalises comparable units to the same dimension', () => {
    const mg = toCanonical(200, 'mg/dL')!;
    const g = toCanonical(2, 'g/L')!;
    expect(mg.dimension).toBe(g.dimension);
    expect(mg.value).toBeCloseTo(g.value, 6);
    expect(toCanonical(37, 'Cel')!.value).toBeCloseTo(310.15, 6);
  });

  it('swaps substance and mass concentration with a molar mass', () => {
    const mmol = toCanonical(5.2, 'mmol/L')!;
    const asMass = swapMassAndSubstance(mmol, 386.65)!;
    expect(asMass.dimension).toBe(toCanonical(1, 'mg/dL')!.dimension);
    expect(asMass.value).toBeCloseTo(toCanonical(201.058, 'mg/dL')!.value, 3);
  });
});
