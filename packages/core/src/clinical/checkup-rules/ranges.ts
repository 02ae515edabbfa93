import type { AnalyteKey } from '../ranges/analytes';
import { ANALYTE_KEYS, CHECKUP_ANALYTES } from '../ranges/analytes';
import { RULE_SOURCES } from './sources';
import type { CheckupRule, FindingSpec } from './types';

const QUANTITATIVE: readonly AnalyteKey[] = ANALYTE_KEYS.filter((k) => CHECKUP_ANALYTES[k].unit !== undefined);

function spec(analyte: AnalyteKey, side: 'high' | 'low'): FindingSpec {
  const name = CHECKUP_ANALYTES[analyte].name;
  return {
    id: `range-${analyte}-${side}`,
    severity: 'low',
    when: [[{ fact: `${analyte}.flag`, in: [side] }]],
    title: {
      'zh-CN': `${name['zh-CN']}${side === 'high' ? '偏高' : '偏低'}`,
      en: `${name.en} ${side === 'high' ? 'above' : 'below'} range`,
    },
    reason: {
      'zh-CN': `${name['zh-CN']} {${analyte}}，参考范围 {${analyte}.range}`,
      en: `${name.en} {${analyte}}, reference range {${analyte}.range}`,
    },
    recommendations: [
      {
        kind: 'repeat',
        text: { 'zh-CN': '下次就诊时复查并请医生解读', en: 'Repeat and discuss with your doctor at the next visit' },
        withinDays: 90,
      },
    ],
  };
}

/**
 * One rule per quantitative analyte: a result outside its range (the lab's own, else CareLoop's) with no more
 * specific finding explaining it. The engine drops a range finding whose Observation is evidence of another finding.
 */
export const RANGE_RULES: readonly CheckupRule[] = QUANTITATIVE.map((analyte) => ({
  id: `checkup.range-${analyte}`,
  version: '1',
  name: {
    'zh-CN': `${CHECKUP_ANALYTES[analyte].name['zh-CN']}参考范围`,
    en: `${CHECKUP_ANALYTES[analyte].name.en} range`,
  },
  source: [RULE_SOURCES.careloop],
  findings: [spec(analyte, 'high'), spec(analyte, 'low')],
}));
