import { REC } from './recommendations';
import { RULE_SOURCES } from './sources';
import type { CheckupRule } from './types';

/** LDL-C against the target for the person's ASCVD risk level (facts from `lipidRiskLevel`). */
export const lipidRule: CheckupRule = {
  id: 'checkup.ldl-target',
  version: '2023.1',
  name: { 'zh-CN': 'LDL-C 达标情况', en: 'LDL cholesterol against target' },
  source: [RULE_SOURCES.lipid2023],
  findings: [
    {
      id: 'ldl-above-target',
      severity: 'moderate',
      when: [[{ fact: 'ldlExcess', min: 0 }]],
      title: { 'zh-CN': 'LDL-C 未达标（{lipidRisk}）', en: 'LDL cholesterol above target ({lipidRisk})' },
      reason: {
        'zh-CN': 'LDL-C {ldl}，{lipidRisk}人群目标 <{ldlTarget}',
        en: 'LDL-C {ldl}; the target for {lipidRisk} is <{ldlTarget}',
      },
      recommendations: [
        REC.diet,
        REC.exercise,
        {
          kind: 'refer',
          text: {
            'zh-CN': '心内科或全科门诊评估是否需要降脂药物',
            en: 'See cardiology or your GP about lipid-lowering treatment',
          },
          specialty: 'cardiology',
          withinDays: 90,
        },
        {
          kind: 'repeat',
          text: { 'zh-CN': '3–6 个月后复查血脂', en: 'Repeat the lipid panel in 3–6 months' },
          withinDays: 180,
        },
      ],
    },
  ],
  notes:
    'Risk level: clinical ASCVD → very high (<1.8); LDL-C ≥4.9 or TC ≥7.2, diabetes at ≥40, or eGFR 15–59 → high ' +
    '(<2.6); otherwise the 10-year table of Figure 1 (hypertension, smoking, HDL-C <1.0, age ≥45 men / ≥55 women). ' +
    'China-PAR needs region, urbanisation and family history, which a record does not hold, so the table is used. ' +
    'The extreme-risk level (<1.4) and the lifetime-risk upgrade of medium-risk people under 55 are not applied. ' +
    'Hypertension: a coded Condition or an antihypertensive drug, not one raised reading.',
};
