import { describe, expect, it } from 'vitest';
import { runScore, ScoreInputError } from './run';
import { cha2ds2Vasc } from './cha2ds2-vasc';

const AGREE = 'ncbi-nlp/MedCalc-Bench cha2ds2_vasc_score.py and IMI-HD/acribis_scores_python chads_vasc.py agree';
const none = {
  congestiveHeartFailure: false,
  hypertension: false,
  diabetic: false,
  strokeTiaThromboembolism: false,
  vascularDisease: false,
};

describe('cha2ds2-vasc', () => {
  it.each([
    {
      source: 'MedCalc-Bench one-shot worked example, calculator 4: 62-year-old man, prior stroke → 2',
      input: { ...none, age: 62, sex: 'male', strokeTiaThromboembolism: true },
      value: 2,
    },
    {
      source: `rhavekost/clinical-toolkit cha2ds2-vasc.md "Example Calculation" (woman 70, hypertension, diabetes) → 4; ${AGREE}`,
      input: { ...none, age: 70, sex: 'female', hypertension: true, diabetic: true },
      value: 4,
    },
    {
      source: `${AGREE}: every item present, maximum 9`,
      input: {
        age: 80,
        sex: 'female',
        congestiveHeartFailure: true,
        hypertension: true,
        diabetic: true,
        strokeTiaThromboembolism: true,
        vascularDisease: true,
      },
      value: 9,
    },
    {
      source: `${AGREE}: woman 74 with heart failure and vascular disease → 4`,
      input: { ...none, age: 74, sex: 'female', congestiveHeartFailure: true, vascularDisease: true },
      value: 4,
    },
  ])('$source', ({ input, value }) => {
    const r = runScore(cha2ds2Vasc, input);
    expect(r.applicable && r.value).toBe(value);
  });

  // Lip 2010: age 65–74 scores 1, ≥75 scores 2 (MedCalc-Bench and acribis agree on 64 → 0, 65 → 1, 75 → 2).
  it.each([
    { age: 64, value: 0 },
    { age: 65, value: 1 },
    { age: 74.9, value: 1 },
    { age: 75, value: 2 },
  ])('age boundary $age → $value', ({ age, value }) => {
    const r = runScore(cha2ds2Vasc, { ...none, age, sex: 'male' });
    expect(r.applicable && r.value).toBe(value);
  });

  it('is not applicable below 18 years', () => {
    const r = runScore(cha2ds2Vasc, { ...none, age: 16, sex: 'female' });
    expect(r.applicable).toBe(false);
  });

  it.each([
    { input: { ...none, age: 150, sex: 'male' }, bad: 'age' },
    { input: { ...none, age: 70, sex: 'unknown' }, bad: 'sex' },
    { input: { ...none, age: 70, sex: 'male', hypertension: 'yes' }, bad: 'hypertension' },
  ])('rejects $bad', ({ input, bad }) => {
    expect(() => runScore(cha2ds2Vasc, input)).toThrow(ScoreInputError);
    expect(() => runScore(cha2ds2Vasc, input)).toThrow(new RegExp(`${bad}:`));
  });
});
