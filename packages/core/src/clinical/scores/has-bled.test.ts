import { describe, expect, it } from 'vitest';
import { runScore, ScoreInputError } from './run';
import { hasBled } from './has-bled';

const AGREE = 'ncbi-nlp/MedCalc-Bench has_bled_score.py and IMI-HD/acribis_scores_python has_bled.py agree';
const none = {
  hypertensionUncontrolled: false,
  abnormalRenalFunction: false,
  abnormalLiverFunction: false,
  strokeHistory: false,
  bleedingHistory: false,
  labileINR: false,
  antiplateletOrNsaid: false,
  alcoholExcess: false,
};

describe('has-bled', () => {
  it.each([
    {
      source: 'MedCalc-Bench one-shot worked example, calculator 25: 43-year-old, systolic 165 despite treatment → 1',
      input: { ...none, age: 43, hypertensionUncontrolled: true },
      value: 1,
      category: 'not-high',
    },
    {
      source: `${AGREE}: 66, uncontrolled hypertension, stroke, prior bleeding → 4`,
      input: { ...none, age: 66, hypertensionUncontrolled: true, strokeHistory: true, bleedingHistory: true },
      value: 4,
      category: 'high',
    },
    {
      source: `${AGREE}: every item present, renal and liver and drugs and alcohol counted separately → 9`,
      input: {
        age: 70,
        hypertensionUncontrolled: true,
        abnormalRenalFunction: true,
        abnormalLiverFunction: true,
        strokeHistory: true,
        bleedingHistory: true,
        labileINR: true,
        antiplateletOrNsaid: true,
        alcoholExcess: true,
      },
      value: 9,
      category: 'high',
    },
    {
      source: `${AGREE}: 65 (not elderly), NSAID and alcohol ≥8/week → 2`,
      input: { ...none, age: 65, antiplateletOrNsaid: true, alcoholExcess: true },
      value: 2,
      category: 'not-high',
    },
    {
      source: `${AGREE}: 72 (elderly) with labile INR → 2`,
      input: { ...none, age: 72, labileINR: true },
      value: 2,
      category: 'not-high',
    },
  ])('$source', ({ input, value, category }) => {
    const r = runScore(hasBled, input);
    expect(r.applicable && r.value).toBe(value);
    expect(r.applicable && r.category).toBe(category);
  });

  // Pisters 2010: high risk at ≥3.
  it.each([
    { input: { ...none, age: 66, labileINR: true }, category: 'not-high' },
    { input: { ...none, age: 66, labileINR: true, strokeHistory: true }, category: 'high' },
  ])('category boundary → $category', ({ input, category }) => {
    const r = runScore(hasBled, input);
    expect(r.applicable && r.category).toBe(category);
  });

  it('is not applicable below 18 years', () => {
    expect(runScore(hasBled, { ...none, age: 12 }).applicable).toBe(false);
  });

  it.each([
    { input: { ...none, age: -1 }, bad: 'age' },
    { input: { ...none, age: 60, labileINR: 1 }, bad: 'labileINR' },
    { input: { ...none, age: 60, warfarin: true }, bad: 'warfarin' },
  ])('rejects $bad', ({ input, bad }) => {
    expect(() => runScore(hasBled, input)).toThrow(ScoreInputError);
    expect(() => runScore(hasBled, input)).toThrow(new RegExp(`${bad}:`));
  });
});
