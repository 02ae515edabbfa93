import { describe, expect, it } from 'vitest';
import { getScore, scoreRegistry } from './registry';
import type { InputSchema } from './types';

describe('score registry', () => {
  it('has one definition per id, each with a cited source and both languages', () => {
    for (const [id, def] of scoreRegistry) {
      expect(def.id).toBe(id);
      expect(def.source[0].citation.length).toBeGreaterThan(20);
      expect(def.name['zh-CN'] && def.name.en).toBeTruthy();
      for (const spec of Object.values(def.inputs as InputSchema))
        expect(spec.label['zh-CN'] && spec.label.en).toBeTruthy();
      for (const c of def.categories ?? []) expect(c.interpretation['zh-CN'] && c.interpretation.en).toBeTruthy();
    }
  });

  it.each([
    'pce-ascvd-10y',
    'china-par-ascvd-10y',
    'framingham-2008-cvd-10y',
    'ckd-epi-2021-egfr',
    'ckd-epi-2009-egfr',
    'kdigo-ckd-heatmap',
    'china-bmi-category',
    'china-hypertension-grade',
  ])('lists %s', (id) => {
    expect(getScore(id)?.id).toBe(id);
  });

  it('answers undefined for an unknown id', () => {
    expect(getScore('no-such-score')).toBeUndefined();
  });
});
