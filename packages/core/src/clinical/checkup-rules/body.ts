import { chinaBmiCategory } from '../scores/china-bmi-category';
import { REC } from './recommendations';
import { RULE_SOURCES } from './sources';
import type { CheckupRule } from './types';

/** Weight status from the `china-bmi-category` score (WS/T 428-2013). */
export const bmiRule: CheckupRule = {
  id: 'checkup.bmi',
  version: 'WS/T 428-2013.1',
  name: { 'zh-CN': '体重状况', en: 'Weight status' },
  source: [...chinaBmiCategory.source],
  findings: [
    {
      id: 'bmi-obese',
      severity: 'moderate',
      when: [[{ fact: 'bmiCategory', in: ['obese'] }]],
      title: { 'zh-CN': '肥胖', en: 'Obesity' },
      reason: { 'zh-CN': 'BMI {bmi}，≥28.0 kg/m²', en: 'BMI {bmi}, ≥28.0 kg/m²' },
      recommendations: [
        REC.weight,
        REC.diet,
        REC.exercise,
        {
          kind: 'refer',
          text: { 'zh-CN': '营养科或体重管理门诊', en: 'Nutrition or weight-management clinic' },
          specialty: 'nutrition',
          withinDays: 90,
        },
      ],
    },
    {
      id: 'bmi-overweight',
      severity: 'low',
      when: [[{ fact: 'bmiCategory', in: ['overweight'] }]],
      title: { 'zh-CN': '超重', en: 'Overweight' },
      reason: { 'zh-CN': 'BMI {bmi}，在 24.0–<28.0 kg/m² 之间', en: 'BMI {bmi}, between 24.0 and <28.0 kg/m²' },
      recommendations: [REC.weight, REC.diet, REC.exercise],
    },
    {
      id: 'bmi-underweight',
      severity: 'low',
      when: [[{ fact: 'bmiCategory', in: ['underweight'] }]],
      title: { 'zh-CN': '体重过低', en: 'Underweight' },
      reason: { 'zh-CN': 'BMI {bmi}，<18.5 kg/m²', en: 'BMI {bmi}, <18.5 kg/m²' },
      recommendations: [
        {
          kind: 'lifestyle',
          text: { 'zh-CN': '保证足够能量和蛋白质摄入', en: 'Eat enough energy and protein' },
        },
      ],
    },
  ],
};

/** Central obesity from waist circumference (WS/T 428-2013). */
export const waistRule: CheckupRule = {
  id: 'checkup.waist',
  version: 'WS/T 428-2013.1',
  name: { 'zh-CN': '腰围', en: 'Waist circumference' },
  source: [RULE_SOURCES.wst428],
  findings: [
    {
      id: 'waist-central-obesity',
      severity: 'moderate',
      when: [
        [
          { fact: 'sex', in: ['male'] },
          { fact: 'waist', min: 90 },
        ],
        [
          { fact: 'sex', in: ['female'] },
          { fact: 'waist', min: 85 },
        ],
      ],
      title: { 'zh-CN': '中心型肥胖', en: 'Central obesity' },
      reason: {
        'zh-CN': '腰围 {waist}（男 ≥90 cm，女 ≥85 cm）',
        en: 'Waist {waist} (men ≥90 cm, women ≥85 cm)',
      },
      recommendations: [REC.weight, REC.diet, REC.exercise],
    },
    {
      id: 'waist-central-pre-obesity',
      severity: 'low',
      when: [
        [
          { fact: 'sex', in: ['male'] },
          { fact: 'waist', min: 85, max: 90 },
        ],
        [
          { fact: 'sex', in: ['female'] },
          { fact: 'waist', min: 80, max: 85 },
        ],
      ],
      title: { 'zh-CN': '中心型肥胖前期', en: 'Central pre-obesity' },
      reason: {
        'zh-CN': '腰围 {waist}（男 85–<90 cm，女 80–<85 cm）',
        en: 'Waist {waist} (men 85–<90 cm, women 80–<85 cm)',
      },
      recommendations: [REC.exercise, REC.diet],
    },
  ],
};
