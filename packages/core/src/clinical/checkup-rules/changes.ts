import type { AnalyteKey } from '../ranges/analytes';
import { ANALYTE_KEYS, CHECKUP_ANALYTES } from '../ranges/analytes';
import { RULE_SOURCES } from './sources';
import type { CheckupRule, FindingSpec } from './types';

const QUANTITATIVE: readonly AnalyteKey[] = ANALYTE_KEYS.filter((k) => CHECKUP_ANALYTES[k].unit !== undefined);

/** Thresholds of "worsening beyond a stated amount" since the previous checkup, each with its source. */
export const WORSENING_THRESHOLDS = {
  /** KDIGO 2012 1.4.4.2: a drop in GFR category with a ≥25% decline from baseline is a certain drift. */
  egfrDeclinePercent: 25,
} as const;

function newAbnormal(analyte: AnalyteKey, side: 'high' | 'low'): FindingSpec {
  const name = CHECKUP_ANALYTES[analyte].name;
  return {
    id: `change-new-${analyte}-${side}`,
    severity: 'low',
    when: [[{ fact: `${analyte}.change`, in: [`new-${side}`] }]],
    title: {
      'zh-CN': `新出现：${name['zh-CN']}${side === 'high' ? '偏高' : '偏低'}`,
      en: `New since last checkup: ${name.en} ${side === 'high' ? 'high' : 'low'}`,
    },
    reason: {
      'zh-CN': `${name['zh-CN']} 上次 {${analyte}.previous}（正常），本次 {${analyte}}`,
      en: `${name.en} was {${analyte}.previous} (in range) last time, now {${analyte}}`,
    },
    recommendations: [
      {
        kind: 'repeat',
        text: { 'zh-CN': '复查以确认变化', en: 'Repeat to confirm the change' },
        withinDays: 90,
      },
    ],
  };
}

/** New abnormalities since the previous checkup, one rule per analyte. */
export const NEW_ABNORMALITY_RULES: readonly CheckupRule[] = QUANTITATIVE.map((analyte) => ({
  id: `checkup.change-${analyte}`,
  version: '1',
  name: {
    'zh-CN': `${CHECKUP_ANALYTES[analyte].name['zh-CN']}变化`,
    en: `${CHECKUP_ANALYTES[analyte].name.en} change`,
  },
  source: [RULE_SOURCES.careloop],
  findings: [newAbnormal(analyte, 'high'), newAbnormal(analyte, 'low')],
}));

/** eGFR decline since the previous checkup (KDIGO certain drift). */
export const egfrDeclineRule: CheckupRule = {
  id: 'checkup.change-egfr-decline',
  version: '2012.1',
  name: { 'zh-CN': 'eGFR 下降趋势', en: 'eGFR decline' },
  source: [RULE_SOURCES.kdigo2012],
  findings: [
    {
      id: 'change-egfr-decline',
      severity: 'moderate',
      when: [
        [
          { fact: 'egfr.declinePercent', min: WORSENING_THRESHOLDS.egfrDeclinePercent },
          { fact: 'egfr.categoryDropped', in: [true] },
        ],
      ],
      title: { 'zh-CN': 'eGFR 较上次明显下降', en: 'eGFR has fallen since the last checkup' },
      reason: {
        'zh-CN': 'eGFR 由 {egfr.previous} 降至 {egfr}（下降 {egfr.declinePercent}，且分期下降）',
        en: 'eGFR fell from {egfr.previous} to {egfr} (down {egfr.declinePercent}, into a lower category)',
      },
      recommendations: [
        {
          kind: 'refer',
          text: { 'zh-CN': '肾内科评估肾功能下降原因', en: 'See nephrology about the decline' },
          specialty: 'nephrology',
          withinDays: 30,
        },
      ],
    },
  ],
};
