import type { Coding, MedicationRequest } from '@medplum/fhirtypes';
import type { ConditionKey } from './condition-codes';
import { conditionId } from './conditions';
import { isoDate } from './dates';
import { SYSTEM, coding, ref } from './fhir';
import { gpOf } from './organizations';
import type { Person } from './person';
import { STREAM } from './person';
import { randomFor } from './random';

/** A drug: RxNorm ingredient, WHO ATC code, and the usual adult dose as text. */
interface Drug {
  readonly name: string;
  readonly zh: string;
  readonly rxnorm: string;
  readonly atc: string;
  readonly dose: string;
}

const d = (name: string, zh: string, rxnorm: string, atc: string, dose: string): Drug => ({
  name,
  zh,
  rxnorm,
  atc,
  dose,
});

const DRUGS = {
  amlodipine: d('amlodipine', '氨氯地平', '17767', 'C08CA01', '5 mg once daily'),
  nifedipine: d('nifedipine', '硝苯地平', '7417', 'C08CA05', '30 mg extended-release once daily'),
  lisinopril: d('lisinopril', '赖诺普利', '29046', 'C09AA03', '10 mg once daily'),
  losartan: d('losartan', '氯沙坦', '52175', 'C09CA01', '50 mg once daily'),
  hydrochlorothiazide: d('hydrochlorothiazide', '氢氯噻嗪', '5487', 'C03AA03', '12.5 mg once daily'),
  metformin: d('metformin', '二甲双胍', '6809', 'A10BA02', '500 mg twice daily'),
  acarbose: d('acarbose', '阿卡波糖', '16681', 'A10BF01', '50 mg three times daily with meals'),
  empagliflozin: d('empagliflozin', '恩格列净', '1545653', 'A10BK03', '10 mg once daily'),
  glargine: d('insulin glargine', '甘精胰岛素', '274783', 'A10AE04', '10 units subcutaneously at bedtime'),
  atorvastatin: d('atorvastatin', '阿托伐他汀', '83367', 'C10AA05', '20 mg once daily'),
  rosuvastatin: d('rosuvastatin', '瑞舒伐他汀', '301542', 'C10AA07', '10 mg once daily'),
  furosemide: d('furosemide', '呋塞米', '4603', 'C03CA01', '40 mg once daily'),
  spironolactone: d('spironolactone', '螺内酯', '9997', 'C03DA01', '25 mg once daily'),
  metoprolol: d('metoprolol', '美托洛尔', '6918', 'C07AB02', '50 mg twice daily'),
  bisoprolol: d('bisoprolol', '比索洛尔', '19484', 'C07AB07', '2.5 mg once daily'),
  apixaban: d('apixaban', '阿哌沙班', '1364430', 'B01AF02', '5 mg twice daily'),
  warfarin: d('warfarin', '华法林', '11289', 'B01AA03', 'dose by INR, once daily'),
  aspirin: d('aspirin', '阿司匹林', '1191', 'B01AC06', '100 mg once daily'),
  clopidogrel: d('clopidogrel', '氯吡格雷', '32968', 'B01AC04', '75 mg once daily'),
  tiotropium: d('tiotropium', '噻托溴铵', '69120', 'R03BB04', '18 µg inhaled once daily'),
  entecavir: d('entecavir', '恩替卡韦', '306266', 'J05AF10', '0.5 mg once daily'),
} as const;
type DrugKey = keyof typeof DRUGS;

/** Regimens by condition and profile: first-line choices per national guideline practice; later items are add-ons. */
const REGIMENS: Readonly<Partial<Record<ConditionKey, { china: DrugKey[][]; us: DrugKey[][] }>>> = {
  hypertension: {
    china: [['amlodipine'], ['nifedipine'], ['amlodipine', 'losartan']],
    us: [['lisinopril'], ['amlodipine'], ['lisinopril', 'hydrochlorothiazide']],
  },
  diabetes: {
    china: [['metformin'], ['metformin', 'acarbose'], ['metformin', 'glargine']],
    us: [['metformin'], ['metformin', 'empagliflozin'], ['metformin', 'glargine']],
  },
  dyslipidaemia: { china: [['atorvastatin'], ['rosuvastatin']], us: [['atorvastatin'], ['rosuvastatin']] },
  ckd: { china: [['losartan']], us: [['losartan']] },
  copd: { china: [['tiotropium']], us: [['tiotropium']] },
  heartFailure: {
    china: [['furosemide', 'bisoprolol', 'spironolactone']],
    us: [['furosemide', 'metoprolol', 'spironolactone']],
  },
  atrialFibrillation: { china: [['warfarin'], ['apixaban']], us: [['apixaban']] },
  stroke: { china: [['aspirin', 'atorvastatin'], ['clopidogrel']], us: [['aspirin', 'atorvastatin'], ['clopidogrel']] },
  hepatitisB: { china: [['entecavir']], us: [['entecavir']] },
};

/** Active MedicationRequests for the treated conditions (a drug already prescribed is not repeated). */
export function medicationResources(person: Person): MedicationRequest[] {
  const rng = randomFor(person.options.seed, person.options.index, STREAM.care);
  const seen = new Set<DrugKey>();
  const out: MedicationRequest[] = [];
  const us = person.profile.key === 'us';
  for (const c of person.conditions) {
    const options = REGIMENS[c.key]?.[person.profile.key];
    if (!options || !c.treated) continue;
    const regimen = rng.pick(options);
    const authored = Math.min(person.today - 1, c.onsetDay + rng.int(0, 60));
    for (const key of regimen) {
      if (seen.has(key)) continue;
      seen.add(key);
      const drug = DRUGS[key];
      const codings: Coding[] = [coding(SYSTEM.atc, drug.atc, drug.name)];
      if (us) codings.unshift(coding(SYSTEM.rxnorm, drug.rxnorm, drug.name));
      out.push({
        resourceType: 'MedicationRequest',
        id: `${person.id}-rx-${key}`,
        status: 'active',
        intent: 'order',
        medicationCodeableConcept: { coding: codings, text: us ? drug.name : `${drug.zh} (${drug.name})` },
        subject: ref('Patient', person.id),
        authoredOn: isoDate(authored),
        requester: ref('Practitioner', gpOf(person)),
        reasonReference: [ref('Condition', conditionId(person, c.key))],
        dosageInstruction: [{ text: drug.dose }],
      });
    }
  }
  return out;
}
