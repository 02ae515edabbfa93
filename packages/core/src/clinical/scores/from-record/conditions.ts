import type { CodeableConcept, Condition } from '@medplum/fhirtypes';
import { CONDITION_GROUPS } from './condition-codes';
import type { ConditionGroup, ConditionGroupName } from './condition-codes';
import { instantOf } from './context';
import type { RecordContext } from './context';

const SNOMED_SYSTEM = 'http://snomed.info/sct';
/** Active at the date: https://hl7.org/fhir/R4/valueset-condition-clinical.html */
const ACTIVE: ReadonlySet<string> = new Set(['active', 'recurrence', 'relapse']);
const NOT_TRUE: ReadonlySet<string> = new Set(['refuted', 'entered-in-error']);

/** ICD-10 family systems: WHO (http://hl7.org/fhir/sid/icd-10), ICD-10-CM, and national editions (e.g. China's). */
function isIcd10(system: string | undefined): boolean {
  return system !== undefined && /icd-?10/i.test(system);
}

/** Whether a code means the group's disease (ICD-10 by prefix, SNOMED CT exactly). */
export function codedAs(concept: CodeableConcept | undefined, group: ConditionGroup): boolean {
  return (concept?.coding ?? []).some((c) => {
    if (!c.code) return false;
    if (c.system === SNOMED_SYSTEM) return c.code in group.snomed;
    if (!isIcd10(c.system)) return false;
    const code = c.code.replace('.', '').toUpperCase();
    return group.icd10.some((p) => code.startsWith(p)) && !(group.icd10Exclude ?? []).some((p) => code.startsWith(p));
  });
}

function statusCode(concept: CodeableConcept | undefined): string | undefined {
  return concept?.coding?.[0]?.code;
}

function counts(c: Condition, mode: ConditionGroup['mode'], ctx: RecordContext): boolean {
  const verification = statusCode(c.verificationStatus);
  if (verification && NOT_TRUE.has(verification)) return false;
  const onset = instantOf(c.onsetDateTime ?? c.onsetPeriod?.start ?? c.recordedDate);
  if (onset !== undefined && onset > ctx.asOfEnd) return false;
  if (mode === 'history') return true;
  const clinical = statusCode(c.clinicalStatus);
  if (clinical !== undefined) return ACTIVE.has(clinical);
  // No clinical status (allowed only when entered in error, so rare): active unless it has abated by the date.
  const abated = instantOf(c.abatementDateTime ?? c.abatementPeriod?.end);
  return abated === undefined || abated > ctx.asOfEnd;
}

/** The Conditions in the record that establish the group's disease at `asOf`. */
export function conditionsOf(ctx: RecordContext, name: ConditionGroupName): Condition[] {
  const group: ConditionGroup = CONDITION_GROUPS[name];
  return ctx.conditions.filter((c) => codedAs(c.code, group) && counts(c, group.mode, ctx));
}
