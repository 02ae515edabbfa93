import { describe, expect, it } from 'vitest';
import { evaluateRules } from './evaluate';
import { glucoseRule } from './glucose';
import { lipidRiskLevel } from './lipid-risk';
import type { Fact, FactValue } from './types';

const f = (value: FactValue): Fact => ({ value, display: { 'zh-CN': String(value), en: String(value) }, evidence: [] });
const facts = (x: Readonly<Record<string, FactValue>>) => new Map(Object.entries(x).map(([k, v]) => [k, f(v)]));

describe('glucose rule bands (Chinese T2DM guideline 2020, Tables 3–4)', () => {
  const CASES = [
    { fpg: 6.0, hba1c: 5.5, expected: [] },
    { fpg: 6.1, hba1c: 5.5, expected: ['glucose-ifg'] },
    { fpg: 6.99, hba1c: 5.5, expected: ['glucose-ifg'] },
    { fpg: 7.0, hba1c: 5.5, expected: ['glucose-diabetes-suspected'] },
    { fpg: 6.5, hba1c: 6.5, expected: ['glucose-diabetes-suspected'] },
  ];
  it.each(CASES)('FPG $fpg, HbA1c $hba1c → $expected', ({ fpg, hba1c, expected }) => {
    const m = evaluateRules([glucoseRule], facts({ fastingGlucose: fpg, hba1c, knownDiabetes: false }));
    expect(m.map((x) => x.spec.id)).toEqual(expected);
  });
  it('does not call a known diabetic "suspected"', () => {
    expect(evaluateRules([glucoseRule], facts({ fastingGlucose: 9, knownDiabetes: true }))).toEqual([]);
  });
});

describe('lipid risk level (Chinese lipid guideline 2023, Figure 1)', () => {
  const base = { ascvd: false, diabetes: false, sex: 'male', hypertension: false, smoker: false } as const;
  const CASES = [
    { why: 'ASCVD → very high', x: { ...base, ascvd: true, age: 50, ldl: 2.0 }, level: 'very-high' },
    { why: 'LDL-C ≥4.9 → high', x: { ...base, age: 30, ldl: 5.0 }, level: 'high' },
    { why: 'diabetes at 40 → high', x: { ...base, diabetes: true, age: 40, ldl: 2.0 }, level: 'high' },
    {
      why: 'no HTN, 3 factors, LDL 2.6–3.4 → medium',
      x: { ...base, smoker: true, hdl: 0.9, age: 50, ldl: 3.0 },
      level: 'medium',
    },
    {
      why: 'HTN, 2 factors, LDL 2.6–3.4 → high',
      x: { ...base, hypertension: true, smoker: true, age: 50, ldl: 3.0 },
      level: 'high',
    },
    { why: 'HTN, 1 factor, LDL 1.8–2.6 → low', x: { ...base, hypertension: true, age: 50, ldl: 2.0 }, level: 'low' },
  ] as const;
  it.each(CASES)('$why', ({ x, level }) => {
    expect(lipidRiskLevel(x).level).toBe(level);
  });
});
