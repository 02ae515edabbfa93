import type { LocalizedText } from '../../i18n';
import { albuminuriaCategory, gfrCategory } from './kdigo-categories';
import type { AlbuminuriaCategory, GfrCategory } from './kdigo-categories';
import type { Category } from './types';
import { defineScore } from './types';

type RiskLevel = 1 | 2 | 3 | 4;

/** KDIGO 2012 Figure 9 ("Prognosis of CKD by GFR and albuminuria category"), row by row: risk level per cell. */
const HEAT_MAP: Readonly<Record<GfrCategory, Readonly<Record<AlbuminuriaCategory, RiskLevel>>>> = {
  G1: { A1: 1, A2: 2, A3: 3 },
  G2: { A1: 1, A2: 2, A3: 3 },
  G3a: { A1: 2, A2: 3, A3: 4 },
  G3b: { A1: 3, A2: 4, A3: 4 },
  G4: { A1: 4, A2: 4, A3: 4 },
  G5: { A1: 4, A2: 4, A3: 4 },
};

const LEVELS: Readonly<Record<RiskLevel, LocalizedText>> = {
  1: {
    'zh-CN': '绿色：低风险（如无其他肾脏损伤标志，则不属于慢性肾脏病）',
    en: 'Green: low risk (if no other markers of kidney disease, no CKD)',
  },
  2: { 'zh-CN': '黄色：中度增加风险', en: 'Yellow: moderately increased risk' },
  3: { 'zh-CN': '橙色：高风险', en: 'Orange: high risk' },
  4: { 'zh-CN': '红色：极高风险', en: 'Red: very high risk' },
};

/** One category per cell (`G3a/A2`…), its interpretation that of the cell's colour. */
const CELLS: readonly Category[] = Object.entries(HEAT_MAP).flatMap(([g, row]) =>
  Object.entries(row).map(([a, level]) => ({ code: `${g}/${a}`, interpretation: LEVELS[level] })),
);

/** KDIGO 2012 CKD prognosis heat map: risk level 1–4 from eGFR and albumin-to-creatinine ratio. */
export const kdigoCkdHeatmap = defineScore({
  id: 'kdigo-ckd-heatmap',
  version: '2012',
  name: { 'zh-CN': 'KDIGO 2012 慢性肾脏病预后风险热图', en: 'KDIGO 2012 CKD prognosis heat map' },
  source: [
    {
      citation:
        'Kidney Disease: Improving Global Outcomes (KDIGO) CKD Work Group. KDIGO 2012 Clinical Practice Guideline for the Evaluation and Management of Chronic Kidney Disease. Kidney Int Suppl. 2013;3:1–150 (Figure 9; Tables 5–6).',
    },
  ],
  unit: '{risk_level}',
  decimals: 0,
  inputs: {
    egfr: {
      kind: 'number',
      unit: 'mL/min/{1.73_m2}',
      min: 0,
      max: 250,
      label: { 'zh-CN': '估算肾小球滤过率', en: 'eGFR' },
    },
    albuminCreatinineRatio: {
      kind: 'number',
      unit: 'mg/g',
      min: 0,
      max: 50000,
      label: { 'zh-CN': '尿白蛋白/肌酐比值', en: 'Urine albumin-to-creatinine ratio' },
    },
  },
  compute: (x) => {
    const g = gfrCategory(x.egfr);
    const a = albuminuriaCategory(x.albuminCreatinineRatio);
    return { value: HEAT_MAP[g][a], category: `${g}/${a}`, details: { gfrCategory: g, albuminuriaCategory: a } };
  },
  categories: CELLS,
  notes:
    'GFR categories G1 ≥90, G2 60–89, G3a 45–59, G3b 30–44, G4 15–29, G5 <15 on the unrounded eGFR; albuminuria ' +
    'A1 <30, A2 30–300, A3 >300 mg/g (so 300 mg/g is A2, as KDIGO Table 6 writes it). Risk level 1 green, 2 yellow, ' +
    '3 orange, 4 red. CKD needs the abnormality to persist >3 months; the map grades one pair of results.',
});
