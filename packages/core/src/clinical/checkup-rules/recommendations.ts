import type { Recommendation } from './types';

/** Recommendations several rules share, so the same advice reads the same everywhere. */
export const REC = {
  returnInYear: {
    kind: 'return',
    text: { 'zh-CN': '一年后再次体检复查', en: 'Come back for your next checkup in a year' },
    withinDays: 365,
  },
  diet: {
    kind: 'lifestyle',
    text: {
      'zh-CN': '控制总热量，减少精制碳水、油脂和含糖饮料，多吃蔬菜和全谷物',
      en: 'Limit total calories, refined carbohydrates, fats and sugary drinks; eat more vegetables and whole grains',
    },
  },
  exercise: {
    kind: 'lifestyle',
    text: {
      'zh-CN': '每周至少 150 分钟中等强度运动',
      en: 'At least 150 minutes of moderate exercise a week',
    },
  },
  salt: {
    kind: 'lifestyle',
    text: { 'zh-CN': '每日食盐 <5 g，限酒，戒烟', en: 'Less than 5 g salt a day, limit alcohol, stop smoking' },
  },
  weight: {
    kind: 'lifestyle',
    text: { 'zh-CN': '减重并保持健康体重（BMI 18.5–23.9）', en: 'Lose weight towards a healthy BMI of 18.5–23.9' },
  },
} as const satisfies Readonly<Record<string, Recommendation>>;
