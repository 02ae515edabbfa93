import type { CodeableConcept, MedicationRequest, MedicationStatement } from '@medplum/fhirtypes';
import { instantOf } from './context';
import type { RecordContext } from './context';
import { ATC_SYSTEM, MEDICATION_CLASSES, RXNORM_SYSTEM } from './medication-codes';
import type { MedicationClass, MedicationClassName } from './medication-codes';

type MedicationUse = MedicationRequest | MedicationStatement;

function namesIngredient(text: string | undefined, cls: MedicationClass): boolean {
  if (!text) return false;
  const lower = text.toLowerCase();
  return Object.values(cls.rxnormIngredients).some((name) => new RegExp(`\\b${name}\\b`).test(lower));
}

/** Whether a medication concept belongs to the class (ATC prefix, RxNorm ingredient, or an RxNorm name). */
export function inClass(concept: CodeableConcept | undefined, cls: MedicationClass): boolean {
  if (!concept) return false;
  const byCoding = (concept.coding ?? []).some((c) => {
    if (!c.code) return false;
    if (c.system === ATC_SYSTEM) return cls.atcPrefixes.some((p) => c.code?.startsWith(p));
    if (c.system === RXNORM_SYSTEM) return c.code in cls.rxnormIngredients || namesIngredient(c.display, cls);
    return false;
  });
  return byCoding || namesIngredient(concept.text, cls);
}

function conceptOf(use: MedicationUse, ctx: RecordContext): CodeableConcept | undefined {
  if (use.medicationCodeableConcept) return use.medicationCodeableConcept;
  const ref = use.medicationReference?.reference;
  return ref ? ctx.medications.get(ref)?.code : undefined;
}

/** Current at `asOf`: an active order or statement, started by then and (for a statement) not yet ended. */
function current(use: MedicationUse, ctx: RecordContext): boolean {
  if (use.status !== 'active') return false;
  if (use.resourceType === 'MedicationRequest') {
    const authored = instantOf(use.authoredOn);
    return authored === undefined || authored <= ctx.asOfEnd;
  }
  const start = instantOf(use.effectiveDateTime ?? use.effectivePeriod?.start);
  const end = instantOf(use.effectivePeriod?.end);
  return (start === undefined || start <= ctx.asOfEnd) && (end === undefined || end >= ctx.asOfStart);
}

/** The MedicationRequests/MedicationStatements in the record for a drug of the class, current at `asOf`. */
export function medicationsOf(ctx: RecordContext, name: MedicationClassName): MedicationUse[] {
  const cls: MedicationClass = MEDICATION_CLASSES[name];
  return ctx.medicationUses.filter((u) => current(u, ctx) && inClass(conceptOf(u, ctx), cls));
}
