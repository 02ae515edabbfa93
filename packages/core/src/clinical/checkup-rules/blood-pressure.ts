import { chinaHypertensionGrade } from '../scores/china-hypertension-grade';
import { REC } from './recommendations';
import type { CheckupRule, FindingSpec } from './types';

const recheck = {
  kind: 'confirm',
  text: {
    'zh-CN': '非同日复测诊室血压 3 次，或做家庭/动态血压监测以确诊',
    en: 'Confirm with office readings on three separate days, or home / ambulatory monitoring',
  },
} as const;

function grade(n: 1 | 2 | 3, severity: FindingSpec['severity'], withinDays: number): FindingSpec {
  return {
    id: `bp-grade-${String(n)}`,
    severity,
    when: [[{ fact: 'bpGrade', in: [`grade-${String(n)}`] }]],
    title: { 'zh-CN': `血压升高：{bpGrade}`, en: `Raised blood pressure: {bpGrade}` },
    reason: {
      'zh-CN': '血压 {systolicBP}/{diastolicBP}，按 2018 中国高血压指南分级为 {bpGrade}',
      en: 'Blood pressure {systolicBP}/{diastolicBP}: {bpGrade} by the 2018 Chinese guideline',
    },
    recommendations: [
      { ...recheck, withinDays },
      {
        kind: 'refer',
        text: { 'zh-CN': '心内科或全科门诊评估', en: 'See cardiology or your GP' },
        specialty: 'cardiology',
        withinDays,
      },
      REC.salt,
      REC.exercise,
    ],
  };
}

/** Blood-pressure level from the `china-hypertension-grade` score of this checkup's reading. */
export const bloodPressureRule: CheckupRule = {
  id: 'checkup.blood-pressure',
  version: '2018.1',
  name: { 'zh-CN': '血压水平', en: 'Blood pressure level' },
  source: [...chinaHypertensionGrade.source],
  findings: [
    grade(3, 'high', 7),
    grade(2, 'high', 28),
    grade(1, 'moderate', 28),
    {
      id: 'bp-high-normal',
      severity: 'low',
      when: [[{ fact: 'bpGrade', in: ['high-normal'] }]],
      title: { 'zh-CN': '血压正常高值', en: 'High-normal blood pressure' },
      reason: {
        'zh-CN': '血压 {systolicBP}/{diastolicBP}，属正常高值（120–139/80–89 mmHg）',
        en: 'Blood pressure {systolicBP}/{diastolicBP}: high-normal (120–139/80–89 mmHg)',
      },
      recommendations: [REC.salt, REC.exercise, REC.returnInYear],
    },
  ],
  notes: 'One checkup reading grades the level; hypertension is diagnosed only after readings on three separate days.',
};
