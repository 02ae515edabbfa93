import { describe, expect, it } from 'vitest';
import { inverseNormal } from './normal';

// Standard normal quantiles as tabulated in the NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.6.7.1.
const CASES = [
  { p: 0.5, z: 0 },
  { p: 0.9, z: 1.282 },
  { p: 0.95, z: 1.645 },
  { p: 0.975, z: 1.96 },
  { p: 0.99, z: 2.326 },
  { p: 0.995, z: 2.576 },
  { p: 0.999, z: 3.09 },
  { p: 0.01, z: -2.326 },
] as const;

describe('inverseNormal (Acklam)', () => {
  it.each(CASES)('Φ⁻¹($p) = $z (NIST table)', ({ p, z }) => {
    expect(inverseNormal(p)).toBeCloseTo(z, 3);
  });
  it('is infinite at the ends', () => {
    expect(inverseNormal(0)).toBe(-Infinity);
    expect(inverseNormal(1)).toBe(Infinity);
  });
});
