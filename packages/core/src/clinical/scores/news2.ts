import type { PointBand } from './point-bands';
import { pointsFor } from './point-bands';
import { defineScore } from './types';

/**
 * RCP NEWS2 Chart 1 ("The NEWS scoring system"), row by row. Bounds are the printed ones, inclusive ("≤8",
 * "9–11" → upTo 11 …), applied to values rounded to the chart's precision.
 */
const TABLE = {
  respiratoryRate: [
    { upTo: 8, points: 3 },
    { upTo: 11, points: 1 },
    { upTo: 20, points: 0 },
    { upTo: 24, points: 2 },
    { points: 3 },
  ],
  spo2Scale1: [{ upTo: 91, points: 3 }, { upTo: 93, points: 2 }, { upTo: 95, points: 1 }, { points: 0 }],
  /** Scale 2 up to its target range 88–92 %; above it, see the next two rows. */
  spo2Scale2: [
    { upTo: 83, points: 3 },
    { upTo: 85, points: 2 },
    { upTo: 87, points: 1 },
    { upTo: 92, points: 0 },
  ],
  /** Scale 2 at ≥93 % on oxygen: 93–94 → 1, 95–96 → 2, ≥97 → 3. (≥93 % on air scores 0.) */
  spo2Scale2AboveTargetOnOxygen: [{ upTo: 94, points: 1 }, { upTo: 96, points: 2 }, { points: 3 }],
  systolicBP: [
    { upTo: 90, points: 3 },
    { upTo: 100, points: 2 },
    { upTo: 110, points: 1 },
    { upTo: 219, points: 0 },
    { points: 3 },
  ],
  heartRate: [
    { upTo: 40, points: 3 },
    { upTo: 50, points: 1 },
    { upTo: 90, points: 0 },
    { upTo: 110, points: 1 },
    { upTo: 130, points: 2 },
    { points: 3 },
  ],
  temperature: [
    { upTo: 35.0, points: 3 },
    { upTo: 36.0, points: 1 },
    { upTo: 38.0, points: 0 },
    { upTo: 39.0, points: 1 },
    { points: 2 },
  ],
} as const satisfies Readonly<Record<string, readonly PointBand[]>>;

const SCALE2_TARGET_TOP = 92;
const OXYGEN_POINTS = 2;
/** ACVPU: alert scores 0; new confusion, voice, pain or unresponsive score 3. */
const CONSCIOUSNESS_POINTS = { A: 0, C: 3, V: 3, P: 3, U: 3 } as const;

/** Values are scored at the precision the chart records them (whole numbers; temperature to 0.1 °C), so a converted
 * 95 °F (35.000…01 °C) scores like the charted 35.0. */
const charted = (value: number, decimals = 0): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

function spo2Points(spo2: number, scale: '1' | '2', onOxygen: boolean): number {
  if (scale === '1') return pointsFor(TABLE.spo2Scale1, spo2);
  if (spo2 <= SCALE2_TARGET_TOP) return pointsFor(TABLE.spo2Scale2, spo2);
  return onOxygen ? pointsFor(TABLE.spo2Scale2AboveTargetOnOxygen, spo2) : 0;
}

/** National Early Warning Score 2 (Royal College of Physicians, 2017): aggregate 0–20 and clinical risk. */
export const news2 = defineScore({
  id: 'news2',
  version: 'rcp-2017',
  name: { 'zh-CN': '英国国家早期预警评分 2（NEWS2）', en: 'National Early Warning Score 2 (NEWS2)' },
  source: [
    {
      citation:
        'Royal College of Physicians. National Early Warning Score (NEWS) 2: Standardising the assessment of acute-illness severity in the NHS. Updated report of a working party. London: RCP, 2017 (Chart 1: scoring system; Chart 2: thresholds and triggers).',
      url: 'https://www.rcplondon.ac.uk/projects/outputs/national-early-warning-score-news-2',
    },
  ],
  unit: '{score}',
  decimals: 0,
  inputs: {
    respiratoryRate: {
      kind: 'number',
      unit: '/min',
      min: 1,
      max: 80,
      label: { 'zh-CN': '呼吸频率', en: 'Respiratory rate' },
    },
    spo2: { kind: 'number', unit: '%', min: 50, max: 100, label: { 'zh-CN': '血氧饱和度', en: 'SpO2' } },
    spo2Scale: {
      kind: 'enum',
      values: ['1', '2'],
      label: {
        'zh-CN': 'SpO2 评分表（2 仅用于确诊高碳酸血症型呼吸衰竭、目标 88–92%）',
        en: 'SpO2 scale (2 only for confirmed hypercapnic respiratory failure, target 88–92%)',
      },
    },
    onOxygen: { kind: 'boolean', label: { 'zh-CN': '正在吸氧', en: 'On supplemental oxygen' } },
    systolicBP: {
      kind: 'number',
      unit: 'mm[Hg]',
      min: 40,
      max: 300,
      label: { 'zh-CN': '收缩压', en: 'Systolic blood pressure' },
    },
    heartRate: { kind: 'number', unit: '/min', min: 20, max: 300, label: { 'zh-CN': '脉搏', en: 'Pulse' } },
    consciousness: {
      kind: 'enum',
      values: ['A', 'C', 'V', 'P', 'U'],
      label: {
        'zh-CN': '意识（ACVPU：清醒/新发意识混乱/对声音有反应/对疼痛有反应/无反应）',
        en: 'Consciousness (ACVPU: alert / new confusion / voice / pain / unresponsive)',
      },
    },
    temperature: { kind: 'number', unit: 'Cel', min: 25, max: 45, label: { 'zh-CN': '体温', en: 'Temperature' } },
  },
  compute: (x) => {
    const points = {
      respiratoryRate: pointsFor(TABLE.respiratoryRate, charted(x.respiratoryRate)),
      spo2: spo2Points(charted(x.spo2), x.spo2Scale, x.onOxygen),
      airOrOxygen: x.onOxygen ? OXYGEN_POINTS : 0,
      systolicBP: pointsFor(TABLE.systolicBP, charted(x.systolicBP)),
      heartRate: pointsFor(TABLE.heartRate, charted(x.heartRate)),
      consciousness: CONSCIOUSNESS_POINTS[x.consciousness],
      temperature: pointsFor(TABLE.temperature, charted(x.temperature, 1)),
    };
    const parts = Object.values(points);
    const value = parts.reduce((a, b) => a + b, 0);
    // Chart 2: the aggregate decides from 5 upwards; below 5 a single parameter scoring 3 raises the risk.
    const category = value >= 7 ? 'high' : value >= 5 ? 'medium' : parts.some((p) => p === 3) ? 'low-medium' : 'low';
    return { value, category, details: points };
  },
  categories: [
    {
      code: 'low',
      max: 5,
      interpretation: {
        'zh-CN': '低临床风险（0–4 分）：由病房护士评估，决定是否增加监测频率或上报',
        en: 'Low clinical risk (0–4): assessment by a registered nurse, who decides on monitoring frequency or escalation',
      },
    },
    {
      code: 'medium',
      min: 5,
      max: 7,
      interpretation: {
        'zh-CN': '中临床风险（5–6 分）：紧急床旁评估，由具备急症处置能力的医师完成',
        en: 'Medium clinical risk (5–6): urgent ward-based response by a clinician competent in acute illness',
      },
    },
    {
      code: 'high',
      min: 7,
      interpretation: {
        'zh-CN': '高临床风险（≥7 分）：紧急/急救响应，由具备重症处置能力的团队评估，考虑转入监护病房',
        en: 'High clinical risk (≥7): emergency response by a team with critical-care competencies; consider transfer to level 2/3 care',
      },
    },
    {
      // No band: chosen by compute only (total 0–4 with any single parameter scoring 3).
      code: 'low-medium',
      interpretation: {
        'zh-CN': '低-中临床风险（总分 0–4 但单项 3 分）：由医师紧急床旁评估',
        en: 'Low–medium clinical risk (total 0–4 but a single parameter scores 3): urgent ward-based response by a clinician',
      },
    },
  ],
  notes:
    'SpO2 scale 2 applies only to patients with confirmed hypercapnic respiratory failure and a prescribed target of 88–92%; on scale 2, ≥93% on air scores 0. ' +
    'Values are scored as charted: respiratory rate, SpO2, systolic pressure and pulse rounded to whole numbers and temperature to 0.1 °C (so a converted 95 °F scores as 35.0 °C). ' +
    'Consciousness uses ACVPU: new confusion (C) scores 3 like V, P and U. ' +
    'Category: ≥7 high, 5–6 medium; a total of 0–4 with any single parameter scoring 3 is low-medium (RCP "low–medium"), otherwise low. ' +
    'Validated in adults (≥16 years); RCP advises NEWS2 is not for children or pregnant women — these inputs carry no age or pregnancy, so the caller must not apply it there.',
});
