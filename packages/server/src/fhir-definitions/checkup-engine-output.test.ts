import { interpretCheckup } from '@careloop/core/engines/checkup/index';
import { checkupInput, diabetesCondition, lab, qual } from '@careloop/core/engines/checkup/test-fixtures';
import { describe, expect, it } from 'vitest';
import { loadR4Validator } from './validator';

/** The checkup engine's output must be valid R4 (core cannot read the definitions, so this lives server-side). */
describe('checkup engine output passes the R4 validator', () => {
  const person = { id: 'v1', gender: 'female', birthDate: '1958-01-15' } as const;
  const results = [
    lab('14771-0', 7.4, 'mmol/L', 3.9, 6.1),
    lab('14682-9', 95, 'umol/L', 41, 81),
    lab('9318-7', 120, 'mg/g', undefined, 30),
    lab('39469-2', 3.3, 'mmol/L', undefined, 3.4),
    lab('2823-3', 6.6, 'mmol/L', 3.5, 5.3),
    lab('1742-6', 70, 'U/L', 7, 40),
    lab('1920-8', 60, 'U/L', 13, 35),
    lab('777-3', 150, '10*9/L', 125, 350),
    lab('39156-5', 29, 'kg/m2'),
    lab('8280-0', 92, 'cm'),
    qual('5196-1', 'positive'),
  ];
  const CASES = [
    { name: 'many findings, zh-CN', locale: 'zh-CN', results, earlier: [{ date: '2023-06-01', results }] },
    { name: 'many findings, en', locale: 'en', results, earlier: [] },
    { name: 'no findings', locale: 'zh-CN', results: [lab('2823-3', 4.0, 'mmol/L', 3.5, 5.3)], earlier: [] },
  ] as const;
  it.each(CASES)('$name', ({ locale, results: r, earlier }) => {
    const input = checkupInput(person, { date: '2024-06-01', results: r, bp: [165, 102] }, earlier, [
      diabetesCondition('v1'),
    ]);
    const out = interpretCheckup({ ...input, locale });
    const { report, detectedIssues, riskAssessments, composition, provenance } = out.resources;
    const all = [report, ...detectedIssues, ...riskAssessments, composition, provenance];
    const validator = loadR4Validator();
    for (const resource of all) {
      expect({ type: resource.resourceType, problems: validator.validate(resource) }).toEqual({
        type: resource.resourceType,
        problems: [],
      });
    }
    if (r.length > 1) expect(detectedIssues.length).toBeGreaterThan(5);
  });
});
