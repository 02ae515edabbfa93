import { REC } from './recommendations';
import { RULE_SOURCES } from './sources';
import type { CheckupRule } from './types';

/** Hyperuricaemia: fasting serum uric acid above 420 µmol/L (both sexes; Chinese guideline 2019). */
export const uricAcidRule: CheckupRule = {
  id: 'checkup.uric-acid',
  version: '2019.1',
  name: { 'zh-CN': '血尿酸', en: 'Uric acid' },
  source: [RULE_SOURCES.hua2019],
  findings: [
    {
      id: 'hyperuricaemia',
      severity: 'moderate',
      when: [[{ fact: 'urate', gt: 420 }]],
      title: { 'zh-CN': '高尿酸血症（待确认）', en: 'Hyperuricaemia (to be confirmed)' },
      reason: { 'zh-CN': '血尿酸 {urate}，>420 μmol/L', en: 'Uric acid {urate}, above 420 µmol/L' },
      recommendations: [
        {
          kind: 'confirm',
          text: { 'zh-CN': '非同日复查空腹血尿酸', en: 'Repeat fasting uric acid on another day' },
          withinDays: 30,
        },
        {
          kind: 'lifestyle',
          text: {
            'zh-CN': '低嘌呤饮食，限酒（尤其啤酒）和含果糖饮料，多饮水',
            en: 'Low-purine diet, limit alcohol (especially beer) and fructose drinks, drink plenty of water',
          },
        },
        REC.weight,
      ],
    },
  ],
};
