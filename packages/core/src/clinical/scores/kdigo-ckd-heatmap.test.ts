import { describe, expect, it } from 'vitest';
import { kdigoCkdHeatmap } from './kdigo-ckd-heatmap';
import { runScore } from './run';

const FIGURE = 'KDIGO 2012 CKD guideline, Figure 9 (prognosis by GFR and albuminuria category)';

// Every cell of the figure, read off the guideline: green 1, yellow 2, orange 3, red 4.
describe('kdigo-ckd-heatmap: the 18 cells of ' + FIGURE, () => {
  it.each([
    { egfr: 105, acr: 10, cell: 'G1/A1', level: 1 },
    { egfr: 105, acr: 100, cell: 'G1/A2', level: 2 },
    { egfr: 105, acr: 500, cell: 'G1/A3', level: 3 },
    { egfr: 75, acr: 10, cell: 'G2/A1', level: 1 },
    { egfr: 75, acr: 100, cell: 'G2/A2', level: 2 },
    { egfr: 75, acr: 500, cell: 'G2/A3', level: 3 },
    { egfr: 52, acr: 10, cell: 'G3a/A1', level: 2 },
    { egfr: 52, acr: 100, cell: 'G3a/A2', level: 3 },
    { egfr: 52, acr: 500, cell: 'G3a/A3', level: 4 },
    { egfr: 37, acr: 10, cell: 'G3b/A1', level: 3 },
    { egfr: 37, acr: 100, cell: 'G3b/A2', level: 4 },
    { egfr: 37, acr: 500, cell: 'G3b/A3', level: 4 },
    { egfr: 22, acr: 10, cell: 'G4/A1', level: 4 },
    { egfr: 22, acr: 100, cell: 'G4/A2', level: 4 },
    { egfr: 22, acr: 500, cell: 'G4/A3', level: 4 },
    { egfr: 8, acr: 10, cell: 'G5/A1', level: 4 },
    { egfr: 8, acr: 100, cell: 'G5/A2', level: 4 },
    { egfr: 8, acr: 500, cell: 'G5/A3', level: 4 },
  ])('eGFR $egfr, ACR $acr mg/g → $cell level $level', ({ egfr, acr, cell, level }) => {
    const r = runScore(kdigoCkdHeatmap, { egfr, albuminCreatinineRatio: acr });
    expect(r).toMatchObject({ applicable: true, value: level, category: cell });
    expect(r.applicable && r.interpretation?.en).toMatch(['', 'Green', 'Yellow', 'Orange', 'Red'][level] ?? '');
  });
});

describe('kdigo-ckd-heatmap: category boundaries (KDIGO Tables 5–6)', () => {
  it.each([
    { egfr: 90, acr: 29.9, cell: 'G1/A1' },
    { egfr: 89.99, acr: 30, cell: 'G2/A2' },
    { egfr: 60, acr: 300, cell: 'G2/A2' },
    { egfr: 59.99, acr: 300.01, cell: 'G3a/A3' },
    { egfr: 45, acr: 0, cell: 'G3a/A1' },
    { egfr: 44.99, acr: 0, cell: 'G3b/A1' },
    { egfr: 30, acr: 0, cell: 'G3b/A1' },
    { egfr: 29.99, acr: 0, cell: 'G4/A1' },
    { egfr: 15, acr: 0, cell: 'G4/A1' },
    { egfr: 14.99, acr: 0, cell: 'G5/A1' },
  ])('eGFR $egfr, ACR $acr → $cell', ({ egfr, acr, cell }) => {
    const r = runScore(kdigoCkdHeatmap, { egfr, albuminCreatinineRatio: acr });
    expect(r.applicable && r.category).toBe(cell);
  });

  it('converts an ACR given in g/g (UCUM)', () => {
    const r = runScore(kdigoCkdHeatmap, { egfr: 75, albuminCreatinineRatio: { value: 0.1, unit: 'g/g' } });
    expect(r.applicable && r.category).toBe('G2/A2');
  });

  it.each([{ egfr: -1 }, { egfr: 400 }])('implausible eGFR $egfr is an error naming it', ({ egfr }) => {
    expect(() => runScore(kdigoCkdHeatmap, { egfr, albuminCreatinineRatio: 10 })).toThrow(/egfr/);
  });

  it('has an interpretation for each of the 18 cells', () => {
    expect(kdigoCkdHeatmap.categories).toHaveLength(18);
  });
});
