import type { LocalizedText } from '../../i18n';
import { ageInput } from './common-inputs';
import type { PointBand } from './point-bands';
import { flagPoints, pointsFor } from './point-bands';
import { defineScore } from './types';

/** E: elderly, age >65 years, 1 point. */
const AGE_POINTS: readonly PointBand[] = [{ upTo: 65, points: 0 }, { points: 1 }];
/** One point each; A (renal, liver) and D (drugs, alcohol) count each element separately (maximum 9). */
const FLAG_POINTS = {
  hypertensionUncontrolled: 1,
  abnormalRenalFunction: 1,
  abnormalLiverFunction: 1,
  strokeHistory: 1,
  bleedingHistory: 1,
  labileINR: 1,
  antiplateletOrNsaid: 1,
  alcoholExcess: 1,
} as const;
const HIGH_AT = 3;
const MIN_AGE = 18;

const flag = (zh: string, en: string) => ({ kind: 'boolean', label: { 'zh-CN': zh, en } }) as const;

/** HAS-BLED one-year major bleeding risk score in anticoagulated atrial fibrillation (0–9 points). */
export const hasBled = defineScore({
  id: 'has-bled',
  version: 'pisters-2010',
  name: { 'zh-CN': 'HAS-BLED 出血风险评分', en: 'HAS-BLED bleeding risk score' },
  source: [
    {
      citation:
        'Pisters R, Lane DA, Nieuwlaat R, de Vos CB, Crijns HJGM, Lip GYH. A novel user-friendly score (HAS-BLED) to assess 1-year risk of major bleeding in patients with atrial fibrillation: the Euro Heart Survey. Chest. 2010;138(5):1093–1100.',
      doi: '10.1378/chest.10-0134',
    },
  ],
  unit: '{score}',
  decimals: 0,
  inputs: {
    age: ageInput,
    hypertensionUncontrolled: flag(
      '未控制的高血压（收缩压 >160 mmHg）',
      'Uncontrolled hypertension (systolic >160 mmHg)',
    ),
    abnormalRenalFunction: flag(
      '肾功能异常（透析、肾移植或血肌酐 ≥200 µmol/L）',
      'Abnormal renal function (dialysis, transplant or creatinine ≥200 µmol/L)',
    ),
    abnormalLiverFunction: flag(
      '肝功能异常（肝硬化，或胆红素 >2 倍正常上限且 AST/ALT/ALP >3 倍正常上限）',
      'Abnormal liver function (cirrhosis, or bilirubin >2× ULN with AST/ALT/ALP >3× ULN)',
    ),
    strokeHistory: flag('卒中史', 'Prior stroke'),
    bleedingHistory: flag('出血史或出血倾向', 'Prior major bleeding or predisposition to bleeding'),
    labileINR: flag('INR 不稳定（TTR <60%）', 'Labile INR (time in therapeutic range <60%)'),
    antiplateletOrNsaid: flag('合用抗血小板药或 NSAIDs', 'Concomitant antiplatelet drug or NSAID'),
    alcoholExcess: flag('饮酒过量（≥8 个饮酒单位/周）', 'Alcohol excess (≥8 drinks per week)'),
  },
  notApplicable: (x): LocalizedText | undefined =>
    x.age < MIN_AGE
      ? {
          'zh-CN': `HAS-BLED 仅适用于成年房颤患者（当前 ${x.age} 岁）`,
          en: `HAS-BLED applies to adults with atrial fibrillation only (age ${x.age})`,
        }
      : undefined,
  compute: (x) => {
    const elderly = pointsFor(AGE_POINTS, x.age);
    const conditions = flagPoints(FLAG_POINTS, x);
    return { value: elderly + conditions, details: { elderly, conditions } };
  },
  categories: [
    {
      code: 'not-high',
      max: HIGH_AT,
      interpretation: {
        'zh-CN': '出血风险非高危（0–2 分）',
        en: 'Bleeding risk not high (0–2)',
      },
    },
    {
      code: 'high',
      min: HIGH_AT,
      interpretation: {
        'zh-CN': '出血高风险（≥3 分）：需谨慎抗凝、定期复查，并纠正可改变的出血危险因素',
        en: 'High bleeding risk (≥3): caution and regular review; correct modifiable bleeding risk factors',
      },
    },
  ],
  notes:
    'Each element scores 1: abnormal renal and abnormal liver function count separately, as do drugs and alcohol (maximum 9). ' +
    'Elderly means age >65 (so 65 scores 0). High risk at ≥3 (Pisters 2010). Derived in adults with AF in the Euro Heart Survey.',
});
