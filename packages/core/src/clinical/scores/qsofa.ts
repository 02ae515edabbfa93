import { defineScore } from './types';

/** Sepsis-3 qSOFA criteria, one point each: RR ≥22/min, systolic ≤100 mmHg, altered mentation. */
const CRITERIA = { respiratoryRateAtLeast: 22, systolicAtMost: 100 } as const;
const POSITIVE_AT = 2;

/** quick SOFA (Sepsis-3): bedside prompt for poor outcome in adults with suspected infection outside the ICU. */
export const qsofa = defineScore({
  id: 'qsofa',
  version: 'sepsis-3-2016',
  name: { 'zh-CN': '快速序贯器官衰竭评分（qSOFA）', en: 'quick SOFA (qSOFA)' },
  source: [
    {
      citation:
        'Seymour CW, Liu VX, Iwashyna TJ, et al. Assessment of Clinical Criteria for Sepsis: For the Third International Consensus Definitions for Sepsis and Septic Shock (Sepsis-3). JAMA. 2016;315(8):762–774.',
      doi: '10.1001/jama.2016.0288',
    },
    {
      citation:
        'Singer M, Deutschman CS, Seymour CW, et al. The Third International Consensus Definitions for Sepsis and Septic Shock (Sepsis-3). JAMA. 2016;315(8):801–810.',
      doi: '10.1001/jama.2016.0287',
    },
  ],
  unit: '{score}',
  decimals: 0,
  inputs: {
    respiratoryRate: {
      kind: 'number',
      unit: '/min',
      min: 1,
      max: 80,
      label: { 'zh-CN': '呼吸频率', en: 'Respiratory rate' },
    },
    systolicBP: {
      kind: 'number',
      unit: 'mm[Hg]',
      min: 40,
      max: 300,
      label: { 'zh-CN': '收缩压', en: 'Systolic blood pressure' },
    },
    alteredMentation: {
      kind: 'boolean',
      label: { 'zh-CN': '意识改变（GCS <15）', en: 'Altered mentation (GCS <15)' },
    },
  },
  compute: (x) => {
    const points = {
      respiratoryRate: x.respiratoryRate >= CRITERIA.respiratoryRateAtLeast ? 1 : 0,
      systolicBP: x.systolicBP <= CRITERIA.systolicAtMost ? 1 : 0,
      alteredMentation: x.alteredMentation ? 1 : 0,
    };
    return { value: points.respiratoryRate + points.systolicBP + points.alteredMentation, details: points };
  },
  categories: [
    {
      code: 'negative',
      max: POSITIVE_AT,
      interpretation: {
        'zh-CN': 'qSOFA 阴性（<2）：不能排除脓毒症，继续监测',
        en: 'qSOFA negative (<2): does not rule out sepsis; keep monitoring',
      },
    },
    {
      code: 'positive',
      min: POSITIVE_AT,
      interpretation: {
        'zh-CN': 'qSOFA 阳性（≥2）：不良结局风险增加，评估器官功能障碍（SOFA）并考虑升级治疗',
        en: 'qSOFA positive (≥2): higher risk of poor outcome; assess organ dysfunction (SOFA) and consider escalation',
      },
    },
  ],
  notes:
    'Criteria as in Sepsis-3 (Singer 2016): respiratory rate ≥22/min, systolic ≤100 mmHg, altered mentation; positive at ≥2. ' +
    'Seymour 2016 derived it with GCS ≤13 but validated "any altered mentation"; Sepsis-3 and qsofa.org use GCS <15, which is what the flag means here. ' +
    'Population: adults with suspected infection outside the ICU; the inputs carry no age or infection status, so the caller must restrict it to that population.',
});
