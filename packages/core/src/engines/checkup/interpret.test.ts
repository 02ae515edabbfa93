import { describe, expect, it } from 'vitest';
import { CHECKUP_ENGINE, EXT, interpretCheckup } from './index';
import { checkupInput, lab } from './test-fixtures';

const person = { id: 'p1', gender: 'male', birthDate: '1970-01-01' } as const;
const on = (results: ReturnType<typeof lab>[]) => checkupInput(person, { date: '2024-06-01', results });

describe('lab range first, else CareLoop range', () => {
  // WS/T 404.3-2012: potassium 3.5–5.3 mmol/L; a lab may report its own wider interval.
  const CASES = [
    { name: 'lab range 3.5–5.6 says 5.5 is normal', k: lab('2823-3', 5.5, 'mmol/L', 3.5, 5.6), expected: [] },
    {
      name: 'no lab range: WS/T 404.3 3.5–5.3 says 5.5 is high',
      k: lab('2823-3', 5.5, 'mmol/L'),
      expected: ['range-potassium-high'],
    },
    {
      name: 'lab range 3.5–5.3 says 5.5 is high',
      k: lab('2823-3', 5.5, 'mmol/L', 3.5, 5.3),
      expected: ['range-potassium-high'],
    },
  ];
  it.each(CASES)('$name', ({ k, expected }) => {
    const out = interpretCheckup(on([k]));
    expect(out.findings.map((f) => f.id)).toEqual(expected);
    const r = out.results.find((x) => x.analyte === 'potassium');
    expect(r?.range?.origin).toBe(k.high !== undefined ? 'lab' : 'careloop');
  });

  it('cites WS/T 404.3 when CareLoop range decided, the lab when the lab range decided', () => {
    const own = interpretCheckup(on([lab('2823-3', 5.5, 'mmol/L')])).findings[0];
    expect(own?.rule.source.map((s) => s.citation).join(' ')).toContain('WS/T 404.3');
    const labs = interpretCheckup(on([lab('2823-3', 5.5, 'mmol/L', 3.5, 5.3)])).findings[0];
    expect(labs?.rule.source.map((s) => s.citation).join(' ')).toContain('laboratory');
  });

  it('a critical limit applies whatever the lab range (Kost 1990: K <2.8 mmol/L)', () => {
    const out = interpretCheckup(on([lab('2823-3', 2.5, 'mmol/L', 2.0, 5.3)]));
    expect(out.findings.map((f) => [f.id, f.urgent, f.severity])).toEqual([
      ['critical-potassium-low', true, 'critical'],
    ]);
  });
});

describe('FHIR output', () => {
  const input = on([lab('14771-0', 6.5, 'mmol/L', 3.9, 6.1), lab('2823-3', 4.0, 'mmol/L')]);
  const out = interpretCheckup(input);
  const { report, detectedIssues, composition, provenance } = out.resources;

  it('is preliminary, with deterministic ids', () => {
    expect(report.status).toBe('preliminary');
    expect(composition.status).toBe('preliminary');
    expect(detectedIssues.every((d) => d.status === 'preliminary')).toBe(true);
    const again = interpretCheckup(input).resources;
    expect(again.report.id).toBe(report.id);
    expect(again.detectedIssues.map((d) => d.id)).toEqual(detectedIssues.map((d) => d.id));
    expect(report.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const other = interpretCheckup(checkupInput(person, { date: '2024-06-02', results: [] })).resources.report.id;
    expect(other).not.toBe(report.id);
  });

  it('links the report to its results and findings', () => {
    expect(report.result?.map((r) => r.reference)).toEqual(input.observations.map((o) => `Observation/${o.id ?? ''}`));
    const linked = report.extension?.filter((e) => e.url === EXT.reportFinding).map((e) => e.valueReference?.reference);
    expect(linked).toEqual(detectedIssues.map((d) => `DetectedIssue/${d.id ?? ''}`));
  });

  it('writes each DetectedIssue with code, evidence, detail in both languages and an active status', () => {
    const d = detectedIssues[0];
    expect(d?.code?.coding?.[0]?.code).toBe('glucose-ifg');
    expect(d?.evidence?.[0]?.detail?.[0]?.reference).toBe(`Observation/${input.observations[0]?.id ?? ''}`);
    expect(d?.extension?.find((e) => e.url === EXT.findingStatus)?.valueCode).toBe('active');
    expect(d?.detail).toContain('空腹血糖');
    expect(JSON.stringify(d)).toContain('Fasting glucose 6.5 mmol/L');
    expect(d?.mitigation?.length).toBeGreaterThan(0);
  });

  it('writes physician and person sections, each in zh-CN and en', () => {
    const sections = composition.section ?? [];
    expect(sections.map((s) => s.code?.coding?.[0]?.code)).toEqual(['physician', 'person']);
    for (const s of sections) {
      expect(s.section?.map((x) => x.code?.coding?.[0]?.code)).toEqual(['zh-CN', 'en']);
    }
    const person = sections[1]?.section ?? [];
    expect(person[0]?.text?.div).toContain('空腹血糖受损');
    expect(person[1]?.text?.div).toContain('Impaired fasting glucose');
    expect(person[1]?.text?.div).not.toContain('checkup.glucose');
    expect(sections[0]?.section?.[1]?.text?.div).toContain('checkup.glucose');
  });

  it('names the engine and version in Provenance and targets every output', () => {
    expect(JSON.stringify(provenance.contained)).toContain(CHECKUP_ENGINE.version);
    expect(provenance.agent[0]?.who?.reference).toBe('#engine');
    expect(provenance.target.length).toBe(2 + detectedIssues.length + out.resources.riskAssessments.length);
    expect(provenance.entity?.some((e) => e.what.display?.includes('2型糖尿病防治指南'))).toBe(true);
  });

  it('writes single-language fields in the requested locale', () => {
    const en = interpretCheckup({ ...input, locale: 'en' }).resources.detectedIssues[0];
    expect(en?.detail).toContain('Fasting glucose');
  });
});
