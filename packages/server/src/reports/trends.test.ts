import { describe, expect, it } from 'vitest';
import { buildTrends } from './trends';
import { bp, checkupHistory, obs } from './test-fixtures';

describe('buildTrends', () => {
  const { current, past } = checkupHistory();

  it('draws a chart only for measures taken at two checkups or more', () => {
    expect(buildTrends(current, 'en')).toEqual([]);
    const charts = buildTrends([...past, ...current], 'en').map((c) => c.id);
    expect(charts).toEqual(['blood-pressure', 'fasting-glucose', 'hba1c', 'cholesterol']);
  });

  it('orders points by date and reads BP from panel components', () => {
    const [chart] = buildTrends([bp('b2', '2023-01-01', 130, 85), bp('b1', '2021-01-01', 120, 80)], 'zh-CN');
    expect(chart?.title).toBe('血压');
    expect(chart?.series.map((s) => s.points.map((p) => [p.date, p.value]))).toEqual([
      [
        ['2021-01-01', 120],
        ['2023-01-01', 130],
      ],
      [
        ['2021-01-01', 80],
        ['2023-01-01', 85],
      ],
    ]);
  });

  // Conversion cases: mg/dL × factor = mmol/L. Glucose 0.0555 and cholesterol 0.02586 are the customary factors
  // (molar masses 180.16 and 386.65 g/mol; NCEP ATP III gives 0.02586 for cholesterol).
  it.each([
    { loinc: '1558-6', value: 126, unit: 'mg/dL', chart: 'fasting-glucose', mmol: 6.99 },
    { loinc: '2089-1', value: 100, unit: 'mg/dL', chart: 'cholesterol', mmol: 2.59 },
    { loinc: '14771-0', value: 5.6, unit: 'mmol/L', chart: 'fasting-glucose', mmol: 5.6 },
  ])('converts $value $unit ($loinc) to $mmol mmol/L', ({ loinc, value, unit, chart, mmol }) => {
    const points = [
      obs({ id: 'a', date: '2022-01-01', loinc, name: 'x', value, unit }),
      obs({ id: 'b', date: '2023-01-01', loinc, name: 'x', value, unit }),
    ];
    const found = buildTrends(points, 'en').find((c) => c.id === chart);
    expect(found?.series[0]?.points[0]?.value).toBeCloseTo(mmol, 2);
  });

  it("shades the lab's own range when the latest result has one, else CareLoop's default with its source", () => {
    const withLab = buildTrends([...past, ...current], 'en').find((c) => c.id === 'fasting-glucose');
    expect(withLab?.series[0]).toMatchObject({ band: { low: 3.9, high: 6.1 }, labBand: true });
    const hba1c = buildTrends([...past, ...current], 'en').find((c) => c.id === 'hba1c');
    expect(hba1c?.series[0]).toMatchObject({ band: { high: 5.7 }, labBand: false });
    expect(hba1c?.series[0]?.bandSource).toContain('Standards of Care in Diabetes');
  });

  it('ignores results entered in error', () => {
    const wrong = {
      ...obs({ id: 'w', date: '2020-01-01', loinc: '4548-4', name: 'x', value: 9, unit: '%' }),
      status: 'entered-in-error' as const,
    };
    const chart = buildTrends([...past, ...current, wrong], 'en').find((c) => c.id === 'hba1c');
    expect(chart?.series[0]?.points.map((p) => p.value)).toEqual([5.8, 6]);
  });
});
