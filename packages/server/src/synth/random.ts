/**
 * Seeded pseudo-random numbers for the synthetic population: mulberry32 (Tommy Ettinger, 2017; a 32-bit
 * generator with period 2^32 that passes gjrand/PractRand smoke tests) seeded per patient and per stream by
 * the murmur3 32-bit finaliser over (seed, index, stream). Patients are therefore independent: any one can be
 * regenerated alone, in any order, on any thread. No Math.random, no clock.
 */

/** murmur3 fmix32: a bijective avalanche mix of one 32-bit word. */
function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A 32-bit seed for one (seed, index, stream) triple; distinct streams of one patient do not overlap in practice. */
export function mixSeed(seed: number, index: number, stream = 0): number {
  const a = fmix32((seed >>> 0) ^ 0x9e3779b9);
  const b = fmix32((a + Math.imul(index >>> 0, 0x85ebca6b)) >>> 0);
  const hi = Math.floor(index / 0x100000000);
  return fmix32((b ^ Math.imul(hi + 1, 0x27d4eb2f) ^ Math.imul(stream + 1, 0x165667b1)) >>> 0);
}

/** A deterministic random source (mulberry32) with the few distributions the generator needs. */
export class Random {
  private state: number;
  private spare: number | undefined;

  constructor(seed32: number) {
    this.state = seed32 >>> 0;
  }

  /** Uniform on [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer uniform on [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal deviate (Marsaglia polar method). */
  normal(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = this.next() * 2 - 1;
      v = this.next() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    return u * m;
  }

  /** Normal with the given mean and standard deviation. */
  gauss(mean: number, sd: number): number {
    return mean + sd * this.normal();
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** One element, with probability proportional to `weight(item)`. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weight(item);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new Error('weighted pick from an empty list');
    return last;
  }
}

/** The random source of one patient's stream: independent of every other patient and stream. */
export function randomFor(seed: number, index: number, stream = 0): Random {
  return new Random(mixSeed(seed, index, stream));
}
