import { describe, expect, it } from 'vitest';
import { runScore, ScoreInputError } from './run';
import { qsofa } from './qsofa';

const SEPSIS3 = 'Singer 2016 (Sepsis-3) Box 4 criteria applied';
/** R package cliot 1.0.0 (CRAN, 2025-11-30), help page qsofa_sepsis_score, "Examples" section. */
const CLIOT = 'cliot 1.0.0 qsofa_sepsis_score docs';
/** pacharanero/clincalc (Rust crate clincalc), src/calculators/qsofa.rs unit tests, commit 46db830. */
const CLINCALC = 'pacharanero/clincalc src/calculators/qsofa.rs';
/** u9401066/medical-calc-mcp src/domain/services/calculators/qsofa_score.py (commit 45f648d), run unchanged (2026-11-28). */
const MCM = 'medical-calc-mcp qsofa_score.py agrees';

describe('qsofa', () => {
  it.each([
    {
      source:
        'rhavekost/clinical-toolkit qsofa.md "Example": RR 26, SBP 98, GCS 15 → 2 (high risk); medical-calc-mcp qsofa_score.py agrees → 2',
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
    // Worked examples recorded in independent implementations, each re-run in medical-calc-mcp.
    {
      source: `${CLIOT}, Example 1: RR 24, SBP 95, GCS 14 (altered) → "Score = 3"; ${MCM} → 3`,
      input: { respiratoryRate: 24, systolicBP: 95, alteredMentation: true },
      value: 3,
      category: 'positive',
    },
    {
      source: `${CLIOT}, Example 2: RR 18, SBP 120, GCS 15 → "Score = 0"; ${MCM} → 0`,
      input: { respiratoryRate: 18, systolicBP: 120, alteredMentation: false },
      value: 0,
      category: 'negative',
    },
    {
      source: `${CLINCALC}, test two_criteria_is_high_risk: RR 24, SBP 90, alert → 2, high risk; ${MCM} → 2`,
      input: { respiratoryRate: 24, systolicBP: 90, alteredMentation: false },
      value: 2,
      category: 'positive',
    },
    {
      source: `${CLINCALC}, test maximum_score_is_three: RR 30, SBP 80, altered → 3, high risk; ${MCM} → 3`,
      input: { respiratoryRate: 30, systolicBP: 80, alteredMentation: true },
      value: 3,
      category: 'positive',
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
