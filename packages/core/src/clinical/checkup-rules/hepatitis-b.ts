import { RULE_SOURCES } from './sources';
import type { CheckupRule } from './types';

/** HBsAg positive: hepatitis B assessment and liver-cancer surveillance every 6 months. */
export const hepatitisBRule: CheckupRule = {
  id: 'checkup.hbsag',
  version: '2022.1',
  name: { 'zh-CN': '乙肝表面抗原', en: 'Hepatitis B surface antigen' },
  source: [RULE_SOURCES.liverCancer2022, RULE_SOURCES.hbv2022],
  findings: [
    {
      id: 'hbsag-positive',
      severity: 'high',
      when: [[{ fact: 'hbsag', in: ['positive'] }]],
      title: {
        'zh-CN': '乙肝表面抗原阳性：需肝病评估和肝癌筛查',
        en: 'HBsAg positive: hepatitis B assessment and liver-cancer surveillance',
      },
      reason: {
        'zh-CN': '乙肝表面抗原 {hbsag}；乙肝病毒感染者属肝癌高危人群',
        en: 'HBsAg {hbsag}; people with hepatitis B infection are at high risk of liver cancer',
      },
      recommendations: [
        {
          kind: 'refer',
          text: {
            'zh-CN': '肝病科或感染科就诊，检测 HBV DNA、肝功能并评估肝纤维化',
            en: 'See hepatology or infectious diseases: HBV DNA, liver tests and fibrosis assessment',
          },
          specialty: 'hepatology',
          withinDays: 30,
        },
        {
          kind: 'repeat',
          text: {
            'zh-CN': '每 6 个月做一次肝脏超声和血清甲胎蛋白（AFP）检测',
            en: 'Liver ultrasound and serum alpha-fetoprotein (AFP) every 6 months',
          },
          withinDays: 180,
        },
      ],
    },
  ],
};
