import { kdigoCkdHeatmap } from '../scores/kdigo-ckd-heatmap';
import type { AlbuminuriaCategory, GfrCategory } from '../scores/kdigo-categories';
import { RULE_SOURCES } from './sources';
import type { CheckupRule, FindingSpec, Recommendation } from './types';

/** A value inside each category, to read the heat map's risk level from the score itself. */
const G_SAMPLE: Readonly<Record<GfrCategory, number>> = { G1: 95, G2: 75, G3a: 52, G3b: 37, G4: 22, G5: 10 };
const A_SAMPLE: Readonly<Record<AlbuminuriaCategory, number>> = { A1: 10, A2: 100, A3: 500 };
const SEVERITY = { 1: 'low', 2: 'moderate', 3: 'high', 4: 'high' } as const;

const confirm: Recommendation = {
  kind: 'confirm',
  text: {
    'zh-CN': '3 个月后复查血肌酐（eGFR）和尿白蛋白/肌酐比值，确认是否为慢性肾脏病',
    en: 'Repeat creatinine (eGFR) and urine ACR after 3 months to confirm chronic kidney disease',
  },
  withinDays: 90,
};
const nephrology: Recommendation = {
  kind: 'refer',
  text: { 'zh-CN': '肾内科就诊', en: 'See a nephrologist' },
  specialty: 'nephrology',
  withinDays: 30,
};
const testAcr: Recommendation = {
  kind: 'repeat',
  text: { 'zh-CN': '检测尿白蛋白/肌酐比值', en: 'Measure the urine albumin/creatinine ratio' },
  withinDays: 90,
};

function cell(g: GfrCategory, a: AlbuminuriaCategory): FindingSpec | undefined {
  if ((g === 'G1' || g === 'G2') && a === 'A1') return undefined; // no marker of kidney damage: not CKD
  const level = kdigoCkdHeatmap.compute({ egfr: G_SAMPLE[g], albuminCreatinineRatio: A_SAMPLE[a] }).value as
    1 | 2 | 3 | 4;
  const refer = g === 'G4' || g === 'G5' || a === 'A3';
  return {
    id: `ckd-${g.toLowerCase()}-${a.toLowerCase()}`,
    severity: SEVERITY[level],
    when: [[{ fact: 'ckdCell', in: [`${g}/${a}`] }]],
    title: { 'zh-CN': `疑似慢性肾脏病 ${g} ${a}`, en: `Possible chronic kidney disease ${g} ${a}` },
    reason: {
      'zh-CN': 'eGFR {egfr}（{gfrCategory}），尿白蛋白/肌酐比值 {uacr}（{albuminuriaCategory}）；KDIGO 风险：{ckdRisk}',
      en: 'eGFR {egfr} ({gfrCategory}), urine ACR {uacr} ({albuminuriaCategory}); KDIGO risk: {ckdRisk}',
    },
    recommendations: refer ? [confirm, nephrology] : [confirm],
  };
}

function gfrOnly(g: 'G3a' | 'G3b' | 'G4' | 'G5'): FindingSpec {
  return {
    id: `ckd-${g.toLowerCase()}`,
    severity: g === 'G3a' ? 'moderate' : 'high',
    when: [
      [
        { fact: 'gfrCategory', in: [g] },
        { fact: 'uacrMissing', in: [true] },
      ],
    ],
    title: { 'zh-CN': `eGFR 下降（${g}）`, en: `Reduced eGFR (${g})` },
    reason: { 'zh-CN': 'eGFR {egfr}（{gfrCategory}），未测尿白蛋白', en: 'eGFR {egfr} ({gfrCategory}); no urine ACR' },
    recommendations: g === 'G3a' || g === 'G3b' ? [confirm, testAcr] : [confirm, testAcr, nephrology],
  };
}

const G: readonly GfrCategory[] = ['G1', 'G2', 'G3a', 'G3b', 'G4', 'G5'];
const A: readonly AlbuminuriaCategory[] = ['A1', 'A2', 'A3'];

/** CKD stage from eGFR (reported, or CKD-EPI 2021 from creatinine) and albuminuria, on the KDIGO heat map. */
export const kidneyRule: CheckupRule = {
  id: 'checkup.ckd',
  version: '2012.1',
  name: { 'zh-CN': '肾功能（KDIGO 分期）', en: 'Kidney function (KDIGO staging)' },
  source: [RULE_SOURCES.kdigo2012, RULE_SOURCES.ckdEpi2021],
  findings: [
    ...G.flatMap((g) => A.flatMap((a) => cell(g, a) ?? [])),
    ...(['G3a', 'G3b', 'G4', 'G5'] as const).map(gfrOnly),
  ],
  notes:
    'One pair of results stages "possible" CKD: KDIGO requires the abnormality to persist more than 3 months, so ' +
    'each finding asks for confirmation. Severity follows the heat-map colour (yellow moderate, orange/red high); ' +
    'nephrology referral at G4–G5 or A3 (KDIGO 5.1.1).',
};
