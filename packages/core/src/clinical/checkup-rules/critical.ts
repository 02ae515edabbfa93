import { CHECKUP_ANALYTES } from '../ranges/analytes';
import { CRITICAL_LIMITS } from '../ranges/critical-limits';
import type { CriticalLimit } from '../ranges/critical-limits';
import { RULE_SOURCES } from './sources';
import type { CheckupRule, FindingSpec } from './types';

function spec(limit: CriticalLimit, side: 'high' | 'low'): FindingSpec {
  const name = CHECKUP_ANALYTES[limit.analyte].name;
  const bound = side === 'high' ? `>${String(limit.high)}` : `<${String(limit.low)}`;
  const unit = CHECKUP_ANALYTES[limit.analyte].unit;
  return {
    id: `critical-${limit.analyte}-${side}`,
    severity: 'critical',
    urgent: true,
    when: [[{ fact: `${limit.analyte}.flag`, in: [`critical-${side}`] }]],
    title: {
      'zh-CN': `危急值：${name['zh-CN']}${side === 'high' ? '过高' : '过低'}`,
      en: `Critical value: ${name.en} ${side === 'high' ? 'very high' : 'very low'}`,
    },
    reason: {
      'zh-CN': `${name['zh-CN']} {${limit.analyte}}，危急界限 ${bound} ${unit}`,
      en: `${name.en} {${limit.analyte}}, critical limit ${bound} ${unit}`,
    },
    recommendations: [
      {
        kind: 'refer',
        text: {
          'zh-CN': '立即通知医生，当日急诊处理',
          en: 'Tell a physician at once; emergency care today',
        },
        specialty: 'emergency medicine',
        withinDays: 0,
      },
      {
        kind: 'repeat',
        text: {
          'zh-CN': '立即复查以排除标本问题（如溶血）',
          en: 'Repeat at once to rule out a sample problem (e.g. haemolysis)',
        },
        withinDays: 0,
      },
    ],
  };
}

/** One rule per analyte with a critical limit: urgent, whatever range the laboratory sent. */
export const CRITICAL_RULES: readonly CheckupRule[] = CRITICAL_LIMITS.map((limit) => ({
  id: `checkup.critical-${limit.analyte}`,
  version: '1990.1',
  name: {
    'zh-CN': `${CHECKUP_ANALYTES[limit.analyte].name['zh-CN']}危急值`,
    en: `Critical ${CHECKUP_ANALYTES[limit.analyte].name.en}`,
  },
  source: [RULE_SOURCES.kost1990],
  findings: [
    ...(limit.high !== undefined ? [spec(limit, 'high')] : []),
    ...(limit.low !== undefined ? [spec(limit, 'low')] : []),
  ],
}));
