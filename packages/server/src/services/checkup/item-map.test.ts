import { describe, expect, it } from 'vitest';
import { CHECKUP_ANALYTES } from '@careloop/core/clinical/ranges/index';
import { LOINC_NAMES, OBSERVATION_FINDINGS } from '@careloop/core/clinical/scores/from-record/index';
import { isValidUcum } from '@careloop/core/fhir/units';
import { defaultItemMap } from './item-map';

const map = defaultItemMap();
/** Every LOINC code the checkup engine (ranges, rules) or the score gatherers read. */
const READ = new Set([
  ...Object.values(CHECKUP_ANALYTES).flatMap((a) => a.loinc),
  ...Object.values(OBSERVATION_FINDINGS).flatMap((f) => f.loinc),
]);

describe('checkup-item-map.json', () => {
  it.each(map.file.items.map((i) => [i.key, i] as const))('%s maps to a code the engine reads, in UCUM', (_k, item) => {
    expect(READ.has(item.loinc)).toBe(true);
    if (item.valueType === 'quantity') expect(isValidUcum(item.unit)).toBe(true);
    // where the project already records the LOINC long common name, the display is exactly it
    const known = LOINC_NAMES[item.loinc];
    if (known) expect(item.display).toBe(known);
  });

  it('covers the items the brief lists', () => {
    expect(map.file.items.map((i) => i.key).sort()).toEqual(
      [
        'alt',
        'ast',
        'bmi',
        'creatinine',
        'diastolic-bp',
        'fasting-glucose',
        'haemoglobin',
        'hba1c',
        'hbsag',
        'hdl-cholesterol',
        'heart-rate',
        'height',
        'ldl-cholesterol',
        'platelets',
        'potassium',
        'sodium',
        'systolic-bp',
        'total-cholesterol',
        'triglycerides',
        'uacr',
        'uric-acid',
        'waist',
        'weight',
      ].sort(),
    );
  });

  it('finds items by local code or by Chinese or English name, ignoring case and spaces', () => {
    expect(map.find('glu')?.loinc).toBe('14771-0');
    expect(map.find('', '空腹血糖')?.loinc).toBe('14771-0');
    expect(map.find('X1', 'Fasting Glucose')?.loinc).toBe('14771-0');
    expect(map.find('ZZZ', 'unknown')).toBeUndefined();
    expect(map.ucum('μmol/L')).toBe('umol/L');
    expect(map.ucum('×10^9/L')).toBe('10*9/L');
    expect(map.answer('阳性')?.code).toBe('10828004');
  });

  it('has no local code or name claimed by two items', () => {
    const seen = new Map<string, string>();
    for (const item of map.file.items)
      for (const k of [...item.codes, ...item.names['zh-CN'], ...item.names.en]) {
        const key = k.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
        expect(seen.get(key) ?? item.key, `${k} in ${item.key} and ${seen.get(key) ?? ''}`).toBe(item.key);
        seen.set(key, item.key);
      }
  });
});
