import { describe, expect, it } from 'vitest';
import { Random, mixSeed, randomFor } from './random';

describe('Random', () => {
  it('replays the same sequence from the same seed and differs across seeds, indexes and streams', () => {
    const a = randomFor(1, 2, 3);
    const b = randomFor(1, 2, 3);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    const seeds = new Set([
      mixSeed(1, 2, 3),
      mixSeed(2, 2, 3),
      mixSeed(1, 3, 3),
      mixSeed(1, 2, 4),
      mixSeed(1, 2 ** 32 + 2, 3),
    ]);
    expect(seeds.size).toBe(5);
  });

  it('draws uniforms in [0, 1) and normals with mean 0 and SD 1 (n = 50,000)', () => {
    const rng = new Random(12345);
    let sum = 0;
    let sumSq = 0;
    let min = 1;
    let max = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.sqrt(sumSq / n)).toBeCloseTo(1, 1);
  });
});
