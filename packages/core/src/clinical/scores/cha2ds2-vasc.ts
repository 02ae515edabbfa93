import type { LocalizedText } from '../../i18n';
import { ageInput, diabeticInput, sexInput } from './common-inputs';
import type { PointBand } from './point-bands';
import { flagPoints, pointsFor } from './point-bands';
import { defineScore } from './types';

/** Lip 2010, Table: A2 (age ≥75) 2 points, A (65–74) 1 point. */
const AGE_POINTS: readonly PointBand[] = [{ below: 65, points: 0 }, { below: 75, points: 1 }, { points: 2 }];
const FLAG_POINTS = {
  congestiveHeartFailure: 1,
  hypertension: 1,
  diabetic: 1,
  strokeTiaThromboembolism: 2,
  vascularDisease: 1,
} as const;
/** Sc: sex category, female 1 point. */
const FEMALE_POINTS = 1;
const MIN_AGE = 18;

const flag = (zh: string, en: string) => ({ kind: 'boolean', label: { 'zh-CN': zh, en } }) as const;

/** CHA₂DS₂-VASc stroke risk score in atrial fibrillation (0–9 points). */
export const cha2ds2Vasc = defineScore({
  id: 'cha2ds2-vasc',
  version: 'lip-2010',
  name: { 'zh-CN': 'CHA₂DS₂-VASc 房颤卒中风险评分', en: 'CHA₂DS₂-VASc score for stroke risk in atrial fibrillation' },
  source: [
    {
      citation:
        'Lip GYH, Nieuwlaat R, Pisters R, Lane DA, Crijns HJGM. Refining clinical risk stratification for predicting stroke and thromboembolism in atrial fibrillation using a novel risk factor-based approach: the Euro Heart Survey on Atrial Fibrillation. Chest. 2010;137(2):263–272.',
      doi: '10.1378/chest.09-1584',
    },
  ],
  unit: '{score}',
  decimals: 0,
  inputs: {
    age: ageInput,
    sex: sexInput,
    congestiveHeartFailure: flag('充血性心力衰竭/左心室功能不全', 'Congestive heart failure / LV dysfunction'),
    hypertension: flag('高血压', 'Hypertension'),
    diabetic: diabeticInput,
    strokeTiaThromboembolism: flag('卒中/短暂性脑缺血发作/血栓栓塞史', 'Prior stroke, TIA or thromboembolism'),
    vascularDisease: flag(
      '血管疾病（心肌梗死、外周动脉疾病、主动脉斑块）',
      'Vascular disease (prior MI, peripheral artery disease, aortic plaque)',
    ),
  },
  notApplicable: (x): LocalizedText | undefined =>
    x.age < MIN_AGE
      ? {
          'zh-CN': `CHA₂DS₂-VASc 仅适用于成年房颤患者（当前 ${x.age} 岁）`,
          en: `CHA₂DS₂-VASc applies to adults with atrial fibrillation only (age ${x.age})`,
        }
      : undefined,
  compute: (x) => {
    const age = pointsFor(AGE_POINTS, x.age);
    const sex = x.sex === 'female' ? FEMALE_POINTS : 0;
    const conditions = flagPoints(FLAG_POINTS, x);
    return { value: age + sex + conditions, details: { age, sex, conditions } };
  },
  notes:
    'Points: C 1, H 1, A2 (≥75 y) 2, D 1, S2 (stroke/TIA/thromboembolism) 2, V 1, A (65–74 y) 1, Sc (female) 1; maximum 9. ' +
    'Derived in the Euro Heart Survey on AF (adults with non-valvular AF); not for children, mechanical valves or moderate–severe mitral stenosis. ' +
    'No category: the anticoagulation threshold differs by sex and guideline, so the points are returned as they are.',
});
