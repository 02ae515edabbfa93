import type { Resource } from '@medplum/fhirtypes';
import { convertUnit } from '../../../fhir/units';
import { analyteForLoinc } from '../../analytes';
import { SMOKING_ANSWERS } from './answer-codes';
import { CONDITION_GROUPS } from './condition-codes';
import type { ConditionGroupName } from './condition-codes';
import { conditionsOf } from './conditions';
import { isoDate, label } from './context';
import type { RecordContext } from './context';
import type { FindingName } from './loinc';
import { MEDICATION_CLASSES } from './medication-codes';
import type { MedicationClassName } from './medication-codes';
import { medicationsOf } from './medications';
import { conceptValue, describeReading, latestReading, quantityValue } from './observations';
import type { Reading } from './observations';
import type { QuantityInput } from '../run';
import type { Gatherer, Gathered } from './types';

const labels = (rs: readonly Resource[]): string => rs.map(label).join(', ');

/** A flag that is true when the record holds a Condition of the group, else false for want of one. */
export function conditionFlag(group: ConditionGroupName): Gatherer {
  return (ctx) => {
    const found = conditionsOf(ctx, group);
    const what = CONDITION_GROUPS[group].label;
    if (found.length > 0) return { value: true, basis: found, how: `Condition coded as ${what}: ${labels(found)}` };
    return { value: false, basis: [], how: `no Condition coded as ${what} in the record`, assumedAbsent: true };
  };
}

/** A flag that is true when a current MedicationRequest/MedicationStatement is for a drug of the class. */
export function medicationFlag(cls: MedicationClassName): Gatherer {
  return (ctx) => {
    const found = medicationsOf(ctx, cls);
    const what = MEDICATION_CLASSES[cls].label;
    if (found.length > 0) return { value: true, basis: found, how: `active ${what} medication: ${labels(found)}` };
    return { value: false, basis: [], how: `no active ${what} medication in the record`, assumedAbsent: true };
  };
}

/**
 * ADA diagnostic thresholds usable from a record: HbA1c ≥ 6.5% (48 mmol/mol) or fasting plasma glucose ≥ 7.0 mmol/L
 * (126 mg/dL). American Diabetes Association Professional Practice Committee. 2. Diagnosis and Classification of
 * Diabetes: Standards of Care in Diabetes—2024. Diabetes Care 2024;47(Suppl 1):S20–S42, doi:10.2337/dc24-S002.
 */
const DIABETES_THRESHOLDS: readonly { finding: FindingName; unit: string; threshold: number }[] = [
  { finding: 'hba1c', unit: '%', threshold: 6.5 },
  { finding: 'hba1cIfcc', unit: 'mmol/mol', threshold: 48 },
  { finding: 'fastingGlucose', unit: 'mmol/L', threshold: 7.0 },
];

interface LabVerdict {
  readonly reading: Reading<QuantityInput>;
  readonly diagnostic: boolean;
  readonly text: string;
}

function labVerdicts(ctx: RecordContext): LabVerdict[] {
  const out: LabVerdict[] = [];
  for (const t of DIABETES_THRESHOLDS) {
    const latest = latestReading(ctx, t.finding, quantityValue);
    if (!('reading' in latest)) continue;
    const r = latest.reading;
    const c = convertUnit(r.value.value, r.value.unit, t.unit, analyteForLoinc(r.code)?.molarMass);
    if (!c.ok) continue;
    const diagnostic = c.value >= t.threshold;
    out.push({
      reading: r,
      diagnostic,
      text: `${describeReading(r)} ${diagnostic ? '≥' : '<'} ${t.threshold} ${t.unit}`,
    });
  }
  return out;
}

/** Diabetes: an active diabetes Condition, or a latest HbA1c / fasting glucose at the ADA threshold. */
export const diabetic: Gatherer = (ctx) => {
  const conditions = conditionsOf(ctx, 'diabetes');
  if (conditions.length > 0) {
    return { value: true, basis: conditions, how: `active Condition coded as diabetes: ${labels(conditions)}` };
  }
  const labs = labVerdicts(ctx);
  const positive = labs.filter((l) => l.diagnostic);
  const deciding = positive.length > 0 ? positive : labs;
  if (deciding.length > 0) {
    return {
      value: positive.length > 0,
      basis: deciding.map((l) => l.reading.observation),
      how: `no diabetes Condition; ${deciding.map((l) => l.text).join('; ')} (ADA 2024)`,
    };
  }
  return {
    value: false,
    basis: [],
    how: 'no diabetes Condition and no HbA1c or fasting glucose within the look-back',
    assumedAbsent: true,
  };
};

/** Current smoker, from the most recent tobacco smoking status Observation (LOINC 72166-2). */
export const smoker: Gatherer = (ctx) => {
  const latest = latestReading(ctx, 'smokingStatus', conceptValue);
  if (!('reading' in latest)) return latest;
  const r = latest.reading;
  const code = r.value.coding?.map((c) => c.code).find((c) => c !== undefined && c in SMOKING_ANSWERS);
  const answer = code ? SMOKING_ANSWERS[code] : undefined;
  const where = `${label(r.observation)} (LOINC 72166-2, ${isoDate(r.at)})`;
  if (!code || !answer) return { missing: `${where} has no recognised smoking status answer` };
  if (answer.current === undefined) return { missing: `${where} records "${answer.display}"` };
  return { value: answer.current, basis: [r.observation], how: `${where}: ${code} ${answer.display}` };
};

/** HAS-BLED "H": uncontrolled hypertension, systolic > 160 mmHg (Pisters 2010), from the latest systolic reading. */
export const hypertensionUncontrolled: Gatherer = (ctx): Gathered => {
  const latest = latestReading(ctx, 'systolicBP', quantityValue);
  if (!('reading' in latest)) return latest;
  const r = latest.reading;
  const c = convertUnit(r.value.value, r.value.unit, 'mm[Hg]');
  if (!c.ok) return { missing: `${describeReading(r)}: ${c.message}` };
  return {
    value: c.value > 160,
    basis: [r.observation],
    how: `${describeReading(r)} ${c.value > 160 ? '>' : '≤'} 160 mmHg`,
  };
};
