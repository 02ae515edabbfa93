import { convertUnit } from '../../../fhir/units';
import { ckdEpi2021Egfr } from '../ckd-epi-2021-egfr';
import { runScore, ScoreInputError } from '../run';
import { conditionFlag, diabetic, hypertensionUncontrolled, medicationFlag, smoker } from './flag-inputs';
import type { FindingName } from './loinc';
import { describeReading, latestReading, quantityValue } from './observations';
import { age, race, sex } from './patient-inputs';
import type { Found, Gatherer, Gathered } from './types';

const isFound = (g: Gathered): g is Found => 'value' in g;

/** The latest value of a LOINC-coded finding, passed on with its unit for the score to convert. */
export function observation(finding: FindingName): Gatherer {
  return (ctx) => {
    const latest = latestReading(ctx, finding, quantityValue);
    if (!('reading' in latest)) return latest;
    return { value: latest.reading.value, basis: [latest.reading.observation], how: describeReading(latest.reading) };
  };
}

/** BMI as recorded (LOINC 39156-5), else weight / height² from the latest height and weight in the look-back. */
const bmi: Gatherer = (ctx) => {
  const recorded = observation('bmi')(ctx);
  if (isFound(recorded)) return recorded;
  const h = latestReading(ctx, 'height', quantityValue);
  const w = latestReading(ctx, 'weight', quantityValue);
  if (!('reading' in h) || !('reading' in w)) {
    const why = [h, w].flatMap((x) => ('missing' in x ? [x.missing] : []));
    return { missing: `${recorded.missing}; cannot compute it: ${why.join('; ')}` };
  }
  const m = convertUnit(h.reading.value.value, h.reading.value.unit, 'm');
  const kg = convertUnit(w.reading.value.value, w.reading.value.unit, 'kg');
  if (!m.ok || !kg.ok)
    return { missing: `cannot compute BMI: ${[m, kg].flatMap((c) => (c.ok ? [] : [c.message])).join('; ')}` };
  const value = kg.value / m.value ** 2;
  return {
    value: { value, unit: 'kg/m2' },
    basis: [h.reading.observation, w.reading.observation],
    how: `computed as weight / height²: ${describeReading(w.reading)}; ${describeReading(h.reading)}`,
  };
};

/** eGFR as reported (CKD-EPI, LOINC 98979-8 / 62238-1), else CKD-EPI 2021 from the latest creatinine, age and sex. */
const egfr: Gatherer = (ctx) => {
  const recorded = observation('egfr')(ctx);
  if (isFound(recorded)) return recorded;
  const parts = { age: age(ctx), sex: sex(ctx), creatinine: observation('creatinine')(ctx) };
  const missing = Object.entries(parts).flatMap(([k, g]) => (isFound(g) ? [] : [`${k}: ${g.missing}`]));
  if (missing.length > 0) return { missing: `${recorded.missing}; cannot compute it: ${missing.join('; ')}` };
  const found = [parts.age, parts.sex, parts.creatinine].filter(isFound);
  try {
    const r = runScore(ckdEpi2021Egfr, { age: found[0]?.value, sex: found[1]?.value, creatinine: found[2]?.value });
    if (!r.applicable) return { missing: `cannot compute eGFR: ${r.reason.en}` };
    return {
      value: { value: r.value, unit: r.unit },
      basis: [...new Set(found.flatMap((f) => f.basis))],
      how: `CKD-EPI 2021 from ${found.map((f) => f.how).join('; ')}: ${r.value} ${r.unit}`,
    };
  } catch (err) {
    if (err instanceof ScoreInputError) return { missing: `cannot compute eGFR: ${err.message}` };
    throw err;
  }
};

/**
 * How each score input is read from a record. Inputs absent from this table (region, urban, family history,
 * questionnaire items, NEWS2's oxygen and consciousness…) are not recorded in coded form CareLoop can rely on;
 * they come from the caller's `extraInputs` or are reported missing.
 */
export const GATHERERS: Readonly<Record<string, Gatherer>> = {
  age,
  sex,
  race,
  totalCholesterol: observation('totalCholesterol'),
  hdl: observation('hdl'),
  systolicBP: observation('systolicBP'),
  diastolicBP: observation('diastolicBP'),
  creatinine: observation('creatinine'),
  ast: observation('ast'),
  alt: observation('alt'),
  platelets: observation('platelets'),
  bmi,
  waist: observation('waist'),
  albuminCreatinineRatio: observation('albuminCreatinineRatio'),
  egfr,
  heartRate: observation('heartRate'),
  respiratoryRate: observation('respiratoryRate'),
  spo2: observation('spo2'),
  temperature: observation('temperature'),
  sodiumDischarge: observation('sodiumDischarge'),
  hemoglobinDischarge: observation('hemoglobinDischarge'),
  smoker,
  diabetic,
  bpTreated: medicationFlag('antihypertensive'),
  antihypertensiveMedication: medicationFlag('antihypertensive'),
  antiplateletOrNsaid: medicationFlag('antiplateletOrNsaid'),
  hypertension: conditionFlag('hypertension'),
  congestiveHeartFailure: conditionFlag('heartFailure'),
  strokeTiaThromboembolism: conditionFlag('strokeTiaThromboembolism'),
  strokeHistory: conditionFlag('stroke'),
  vascularDisease: conditionFlag('vascularDisease'),
  hypertensionUncontrolled,
};
