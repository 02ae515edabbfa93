import { describe, expect, it } from 'vitest';
import { runScore, ScoreInputError } from './run';
import { fib4 } from './fib-4';

const MCB = 'ncbi-nlp/MedCalc-Bench calculator_implementations/fibrosis_4.py';
const GEEKMD = 'geekmdllc/geekmdcalc-js src/fib4.js';

describe('fib-4', () => {
  it.each([
    {
      source: 'MedCalc-Bench one-shot worked example, calculator 19 (Khandekar et al., NeurIPS 2024): 2.02888',
      input: { age: 35, ast: 107, alt: 104, platelets: 181 },
      value: 2.03,
      category: 'indeterminate',
    },
    {
      source: `${MCB} → 0.94868 and ${GEEKMD} → 0.948683 agree`,
      input: { age: 50, ast: 30, alt: 40, platelets: 250 },
      value: 0.95,
      category: 'low',
    },
    {
      source: `${MCB} → 6.12826 and ${GEEKMD} → 6.128259 agree`,
      input: { age: 65, ast: 80, alt: 50, platelets: 120 },
      value: 6.13,
      category: 'high',
    },
    {
      source: `${MCB} → 2.0 and ${GEEKMD} → 2.0 agree`,
      input: { age: 45, ast: 40, alt: 36, platelets: 150 },
      value: 2.0,
      category: 'indeterminate',
    },
    {
      source: `${MCB} → 0.3 and ${GEEKMD} → 0.3 agree (youngest applicable age)`,
      input: { age: 18, ast: 25, alt: 25, platelets: 300 },
      value: 0.3,
      category: 'low',
    },
  ])('$source', ({ input, value, category }) => {
    const r = runScore(fib4, input);
    expect(r.applicable && r.value).toBe(value);
    expect(r.applicable && r.category).toBe(category);
  });

  // Shah 2009 bands "<1.30", "1.30–2.67", ">2.67". With ALT 1 and platelets 100 the index is age × AST / 100.
  it.each([
    { input: { age: 43, ast: 3, alt: 1, platelets: 100 }, category: 'low', note: '1.29' },
    { input: { age: 26, ast: 5, alt: 1, platelets: 100 }, category: 'indeterminate', note: '1.30 exactly' },
    { input: { age: 89, ast: 3, alt: 1, platelets: 100 }, category: 'indeterminate', note: '2.67 exactly' },
    { input: { age: 67, ast: 4, alt: 1, platelets: 100 }, category: 'high', note: '2.68' },
  ])('category boundary: $note → $category', ({ input, category }) => {
    const r = runScore(fib4, input);
    expect(r.applicable && r.category).toBe(category);
  });

  it('is not applicable below 18 years', () => {
    const r = runScore(fib4, { age: 17, ast: 40, alt: 40, platelets: 200 });
    expect(r.applicable).toBe(false);
    expect(!r.applicable && r.reason.en).toMatch(/adults/);
  });

  it.each([
    { input: { age: 50, ast: 30, alt: 0, platelets: 250 }, bad: 'alt' },
    { input: { age: 50, ast: 30, alt: 40, platelets: 0 }, bad: 'platelets' },
    { input: { age: 50, ast: 30, alt: 40, platelets: { value: 250, unit: 'mmol/L' } }, bad: 'platelets' },
  ])('rejects implausible or inconvertible $bad', ({ input, bad }) => {
    expect(() => runScore(fib4, input)).toThrow(ScoreInputError);
    expect(() => runScore(fib4, input)).toThrow(new RegExp(`${bad}:`));
  });

  it('converts platelets given per microlitre', () => {
    const r = runScore(fib4, { age: 35, ast: 107, alt: 104, platelets: { value: 181000, unit: '/uL' } });
    expect(r.applicable && r.value).toBe(2.03);
  });
});
