import { REC } from './recommendations';
import { RULE_SOURCES } from './sources';
import type { CheckupRule } from './types';

/** Glucose metabolism from fasting glucose and HbA1c, for a person without known diabetes. */
export const glucoseRule: CheckupRule = {
  id: 'checkup.glucose',
  version: '2020.1',
  name: { 'zh-CN': '糖代谢状态', en: 'Glucose metabolism' },
  source: [RULE_SOURCES.cds2020, RULE_SOURCES.who2006],
  findings: [
    {
      id: 'glucose-diabetes-suspected',
      severity: 'high',
      when: [
        [
          { fact: 'knownDiabetes', in: [false] },
          { fact: 'fastingGlucose', min: 7.0 },
        ],
        [
          { fact: 'knownDiabetes', in: [false] },
          { fact: 'hba1c', min: 6.5 },
        ],
      ],
      title: { 'zh-CN': '疑似糖尿病，需复查确认', en: 'Suspected diabetes, needs confirmation' },
      reason: {
        'zh-CN':
          '空腹血糖 {fastingGlucose}、糖化血红蛋白 {hba1c}，达到糖尿病诊断切点（空腹血糖 ≥7.0 mmol/L 或 HbA1c ≥6.5%）',
        en: 'Fasting glucose {fastingGlucose}, HbA1c {hba1c}: at the diabetes cut-point (FPG ≥7.0 mmol/L or HbA1c ≥6.5%)',
      },
      recommendations: [
        {
          kind: 'confirm',
          text: {
            'zh-CN': '改日复查空腹血糖和糖化血红蛋白，必要时做口服葡萄糖耐量试验',
            en: 'Repeat fasting glucose and HbA1c on another day; an oral glucose tolerance test if needed',
          },
          withinDays: 14,
        },
        {
          kind: 'refer',
          text: { 'zh-CN': '内分泌科就诊', en: 'See an endocrinologist' },
          specialty: 'endocrinology',
          withinDays: 30,
        },
        REC.diet,
        REC.exercise,
      ],
    },
    {
      id: 'glucose-ifg',
      severity: 'moderate',
      when: [
        [
          { fact: 'knownDiabetes', in: [false] },
          { fact: 'fastingGlucose', min: 6.1, max: 7.0 },
        ],
      ],
      title: { 'zh-CN': '空腹血糖受损', en: 'Impaired fasting glucose' },
      reason: {
        'zh-CN': '空腹血糖 {fastingGlucose}，在 6.1–<7.0 mmol/L 之间（糖尿病前期）',
        en: 'Fasting glucose {fastingGlucose}, between 6.1 and <7.0 mmol/L (prediabetes)',
      },
      recommendations: [
        {
          kind: 'confirm',
          text: { 'zh-CN': '做口服葡萄糖耐量试验以排除糖尿病', en: 'Oral glucose tolerance test to rule out diabetes' },
          withinDays: 90,
        },
        REC.diet,
        REC.exercise,
        REC.weight,
        {
          kind: 'return',
          text: { 'zh-CN': '6 个月后复查血糖', en: 'Recheck glucose in 6 months' },
          withinDays: 180,
        },
      ],
    },
  ],
  notes:
    'A person with a diabetes Condition is not "suspected"; their control belongs to chronic-care rules. HbA1c ≥6.5% ' +
    'counts as in the 2020 Chinese guideline (standardised assay). Impaired fasting glucose uses the WHO/Chinese lower ' +
    'cut-point 6.1 mmol/L, not the ADA 5.6.',
};
