import { describe, expect, it } from 'vitest';
import { runScore, ScoreInputError } from './run';
import { news2 } from './news2';

const CHART1 = 'RCP NEWS2 2017 Chart 1 read row by row';
/** R package cliot 1.0.0 (CRAN, 2025-11-30), help page news2_score, "Examples" section. */
const CLIOT = 'cliot 1.0.0 news2_score docs';
/** pacharanero/clincalc (Rust crate clincalc), src/calculators/news2.rs unit tests, commit 46db830. */
const CLINCALC = 'pacharanero/clincalc src/calculators/news2.rs';
/** kscarlett/news2 (Go module github.com/kscarlett/news2 v0.1.0), news2_test.go TestCalculateScore, commit e3140be. */
const KSCARLETT = 'kscarlett/news2 news2_test.go';
/**
 * Two independent implementations run unchanged on each case (2026-11-28): clincalc's NEWS2 band functions
 * (src/calculators/news2.rs, commit 46db830, compiled with rustc) and u9401066/medical-calc-mcp
 * src/domain/services/calculators/news_score.py (commit 45f648d), NewsScoreCalculator.
 */
const AGREE = 'clincalc news2.rs and medical-calc-mcp news_score.py agree';
const normal = {
  respiratoryRate: 16,
  spo2: 98,
  spo2Scale: '1',
  onOxygen: false,
  systolicBP: 120,
  heartRate: 70,
  consciousness: 'A',
  temperature: 37.0,
};

describe('news2', () => {
  it.each([
    {
      source: `${CHART1}: every parameter in its 0 column → 0 (Chart 2: low); ${AGREE} → 0`,
      input: normal,
      value: 0,
      category: 'low',
    },
    {
      source: `${CHART1}: RR 21 → 2, SpO2 93 (scale 1) → 2, air 0, SBP 120 → 0, pulse 95 → 1, alert 0, 37.5 → 0 = 5 (Chart 2: medium); ${AGREE} → 5`,
      input: { ...normal, respiratoryRate: 21, spo2: 93, heartRate: 95, temperature: 37.5 },
      value: 5,
      category: 'medium',
    },
    {
      source: `${CHART1}: RR 26 → 3, all else 0 = 3; Chart 2: a single red score with total ≤4 is low–medium; ${AGREE} → 3`,
      input: { ...normal, respiratoryRate: 26 },
      value: 3,
      category: 'low-medium',
    },
    {
      source: `${CHART1}: RR 28 → 3, SpO2 92 → 2, oxygen 2, SBP 95 → 2, pulse 120 → 2, V → 3, 38.5 → 1 = 15 (Chart 2: high); ${AGREE} → 15`,
      input: {
        respiratoryRate: 28,
        spo2: 92,
        spo2Scale: '1',
        onOxygen: true,
        systolicBP: 95,
        heartRate: 120,
        consciousness: 'V',
        temperature: 38.5,
      },
      value: 15,
      category: 'high',
    },
    {
      source: `${CHART1}: new confusion (C) scores 3 like V, P, U → 3, low–medium; ${AGREE} → 3`,
      input: { ...normal, consciousness: 'C' },
      value: 3,
      category: 'low-medium',
    },
    {
      source: `${CHART1}: scale 2, SpO2 89 on oxygen is within the 88–92 target → 0, oxygen 2 = 2; ${AGREE} → 2`,
      input: { ...normal, spo2: 89, spo2Scale: '2', onOxygen: true },
      value: 2,
      category: 'low',
    },
    {
      source: `${CHART1}: scale 2, SpO2 97 on oxygen → 3, oxygen 2 = 5; ${AGREE} → 5`,
      input: { ...normal, spo2: 97, spo2Scale: '2', onOxygen: true },
      value: 5,
      category: 'medium',
    },
    {
      source: `${CHART1}: scale 2, SpO2 97 on air ("≥93 on air") → 0; clincalc news2.rs agrees → 0 (medical-calc-mcp gives 3 here, against Chart 1)`,
      input: { ...normal, spo2: 97, spo2Scale: '2' },
      value: 0,
      category: 'low',
    },
    {
      source: `${CHART1}: scale 1 at SpO2 88 → 3 where scale 2 would give 0; ${AGREE} → 3`,
      input: { ...normal, spo2: 88 },
      value: 3,
      category: 'low-medium',
    },
    // Worked examples recorded in independent implementations, each re-run in the two implementations above.
    {
      source: `${CLIOT}, Example 1 (COPD, scale 2): RR 22 (+2), SpO2 90 (0 on scale 2), on O2 (+2), SBP 130, HR 80, alert, 37.0 → "Score = 4"; ${AGREE} → 4`,
      input: {
        respiratoryRate: 22,
        spo2: 90,
        spo2Scale: '2',
        onOxygen: true,
        systolicBP: 130,
        heartRate: 80,
        consciousness: 'A',
        temperature: 37.0,
      },
      value: 4,
      category: 'low',
    },
    {
      source: `${CLINCALC}, test worked_multi_parameter_example: RR 24, SpO2 93 (scale 1), on O2, SBP 105, pulse 105, alert, 38.5 → 9, high; medical-calc-mcp agrees → 9`,
      input: {
        respiratoryRate: 24,
        spo2: 93,
        spo2Scale: '1',
        onOxygen: true,
        systolicBP: 105,
        heartRate: 105,
        consciousness: 'A',
        temperature: 38.5,
      },
      value: 9,
      category: 'high',
    },
    {
      source: `${KSCARLETT}, case "Low sats, on oxygen, scale1": RR 18, SpO2 90, on O2, SBP 100, pulse 100, 36.5, V → 11; ${AGREE} → 11`,
      input: {
        respiratoryRate: 18,
        spo2: 90,
        spo2Scale: '1',
        onOxygen: true,
        systolicBP: 100,
        heartRate: 100,
        consciousness: 'V',
        temperature: 36.5,
      },
      value: 11,
      category: 'high',
    },
    {
      source: `${KSCARLETT}, case "Critical values": RR 7, SpO2 80, on O2, SBP 85, pulse 140, 34.5, U → 20; ${AGREE} → 20`,
      input: {
        respiratoryRate: 7,
        spo2: 80,
        spo2Scale: '1',
        onOxygen: true,
        systolicBP: 85,
        heartRate: 140,
        consciousness: 'U',
        temperature: 34.5,
      },
      value: 20,
      category: 'high',
    },
    {
      source: `${KSCARLETT}, case "All normal, scale2, high sats oxygen": SpO2 100 on O2, scale 2 → 3 + 2 = 5; ${AGREE} → 5`,
      input: { ...normal, spo2: 100, spo2Scale: '2', onOxygen: true },
      value: 5,
      category: 'medium',
    },
  ])('$source', ({ input, value, category }) => {
    const r = runScore(news2, input);
    expect(r.applicable && r.value).toBe(value);
    expect(r.applicable && r.category).toBe(category);
  });

  // Chart 1 band edges, one parameter at a time (others normal), expressed as the points that parameter adds.
  it.each([
    ['respiratoryRate', 8, 3],
    ['respiratoryRate', 9, 1],
    ['respiratoryRate', 11, 1],
    ['respiratoryRate', 12, 0],
    ['respiratoryRate', 20, 0],
    ['respiratoryRate', 24, 2],
    ['respiratoryRate', 25, 3],
    ['spo2', 91, 3],
    ['spo2', 94, 1],
    ['spo2', 96, 0],
    ['systolicBP', 90, 3],
    ['systolicBP', 91, 2],
    ['systolicBP', 110, 1],
    ['systolicBP', 111, 0],
    ['systolicBP', 219, 0],
    ['systolicBP', 220, 3],
    ['heartRate', 40, 3],
    ['heartRate', 41, 1],
    ['heartRate', 51, 0],
    ['heartRate', 91, 1],
    ['heartRate', 111, 2],
    ['heartRate', 131, 3],
    ['temperature', 35.0, 3],
    ['temperature', 35.1, 1],
    ['temperature', 36.0, 1],
    ['temperature', 36.1, 0],
    ['temperature', 38.0, 0],
    ['temperature', 38.1, 1],
    ['temperature', 39.0, 1],
    ['temperature', 39.1, 2],
  ] as const)('Chart 1 edge: %s %d → %d', (name, v, points) => {
    const r = runScore(news2, { ...normal, [name]: v });
    expect(r.applicable && r.value).toBe(points);
  });

  it('converts a temperature in °F', () => {
    const r = runScore(news2, { ...normal, temperature: { value: 95, unit: '[degF]' } });
    expect(r.applicable && r.value).toBe(3); // 95 °F = 35.0 °C
  });

  it.each([
    { input: { ...normal, systolicBP: 20 }, bad: 'systolicBP' },
    { input: { ...normal, spo2: 120 }, bad: 'spo2' },
    { input: { ...normal, spo2Scale: '3' }, bad: 'spo2Scale' },
    { input: { ...normal, consciousness: 'X' }, bad: 'consciousness' },
    { input: { ...normal, temperature: { value: 37, unit: 'kg' } }, bad: 'temperature' },
  ])('rejects $bad', ({ input, bad }) => {
    expect(() => runScore(news2, input)).toThrow(ScoreInputError);
    expect(() => runScore(news2, input)).toThrow(new RegExp(`${bad}:`));
  });
});
