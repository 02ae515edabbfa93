import { describe, expect, it } from 'vitest';
import { runScore, ScoreInputError } from './run';
import { qsofa } from './qsofa';

const SEPSIS3 = 'Singer 2016 (Sepsis-3) Box 4 criteria applied';

describe('qsofa', () => {
  it.each([
    {
      source: 'rhavekost/clinical-toolkit qsofa.md "Example": RR 26, SBP 98, GCS 15 → 2 (high risk)',
      input: { respiratoryRate: 26, systolicBP: 98, alteredMentation: false },
      value: 2,
      category: 'positive',
    },
    {
      source: `${SEPSIS3}: RR 18, SBP 125, alert → 0`,
      input: { respiratoryRate: 18, systolicBP: 125, alteredMentation: false },
      value: 0,
      category: 'negative',
    },
    {
      source: `${SEPSIS3}: RR 30, SBP 85, confused → 3`,
      input: { respiratoryRate: 30, systolicBP: 85, alteredMentation: true },
      value: 3,
      category: 'positive',
    },
    {
      source: `${SEPSIS3}: RR 20, SBP 110, confused → 1`,
      input: { respiratoryRate: 20, systolicBP: 110, alteredMentation: true },
      value: 1,
      category: 'negative',
    },
  ])('$source', ({ input, value, category }) => {
    const r = runScore(qsofa, input);
    expect(r.applicable && r.value).toBe(value);
    expect(r.applicable && r.category).toBe(category);
  });

  // Criteria edges: RR ≥22 and SBP ≤100 score; 21 and 101 do not.
  it.each([
    { respiratoryRate: 22, systolicBP: 100, value: 2, category: 'positive' },
    { respiratoryRate: 21, systolicBP: 100, value: 1, category: 'negative' },
    { respiratoryRate: 22, systolicBP: 101, value: 1, category: 'negative' },
  ])('edge RR $respiratoryRate, SBP $systolicBP → $value', ({ respiratoryRate, systolicBP, value, category }) => {
    const r = runScore(qsofa, { respiratoryRate, systolicBP, alteredMentation: false });
    expect(r.applicable && r.value).toBe(value);
    expect(r.applicable && r.category).toBe(category);
  });

  it.each([
    { input: { respiratoryRate: 20, systolicBP: 20, alteredMentation: false }, bad: 'systolicBP' },
    { input: { respiratoryRate: 0, systolicBP: 120, alteredMentation: false }, bad: 'respiratoryRate' },
    { input: { respiratoryRate: 20, systolicBP: 120 }, bad: 'alteredMentation' },
  ])('rejects $bad', ({ input, bad }) => {
    expect(() => runScore(qsofa, input)).toThrow(ScoreInputError);
    expect(() => runScore(qsofa, input)).toThrow(new RegExp(`${bad}:`));
  });
});
