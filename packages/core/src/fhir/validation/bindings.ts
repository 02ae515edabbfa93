import type { ElementDefinitionBinding } from '@medplum/fhirtypes';
import type { ValidationContext } from './context';
import type { CodeSet, Expander } from './terminology';
import type { ValueChecker } from './types';
import { isJsonObject } from './walk';

/**
 * Adds the required-binding check to the checker of a `code`, `Coding` or `CodeableConcept` element: a code must be
 * in the expansion, a Coding's system|code must be, a CodeableConcept needs at least one such Coding. Bindings that
 * are not `required`, bind other types, or whose value set cannot be expanded (see terminology.ts) are not checked.
 * @see https://hl7.org/fhir/R4/terminologies.html#required
 */
export function withBinding(
  check: ValueChecker,
  typeCode: string,
  binding: ElementDefinitionBinding | undefined,
  expand: Expander,
): ValueChecker {
  if (binding?.strength !== 'required' || binding.valueSet === undefined) return check;
  const test = codeTest(typeCode);
  if (test === undefined) return check;
  const set = expand(binding.valueSet);
  if (set === undefined) return check;
  return (value: unknown, ctx: ValidationContext): void => {
    const before = ctx.problems.length;
    check(value, ctx);
    if (ctx.problems.length === before && !test(value, set)) {
      ctx.report(`${describeCode(value)} in the required value set ${set.url}`, 'code-invalid');
    }
  };
}

type CodeTest = (value: unknown, set: CodeSet) => boolean;

function codeTest(typeCode: string): CodeTest | undefined {
  if (typeCode === 'code') return (v, set) => typeof v === 'string' && set.codes.has(v);
  if (typeCode === 'Coding') return codingIn;
  if (typeCode === 'CodeableConcept') {
    return (v, set) => isJsonObject(v) && Array.isArray(v.coding) && v.coding.some((c) => codingIn(c, set));
  }
  return undefined;
}

function codingIn(value: unknown, set: CodeSet): boolean {
  return (
    isJsonObject(value) && typeof value.code === 'string' && set.pairs.has(`${String(value.system)}|${value.code}`)
  );
}

function describeCode(value: unknown): string {
  if (typeof value === 'string') return `Code "${value}" is not`;
  if (isJsonObject(value) && Array.isArray(value.coding)) {
    const codes = value.coding.map((c: unknown) => (isJsonObject(c) ? `${text(c.system)}|${text(c.code)}` : '?'));
    return `None of the codings (${codes.join(', ')}) is`;
  }
  if (isJsonObject(value) && value.coding === undefined && value.system !== undefined) {
    return `Coding ${text(value.system)}|${text(value.code)} is not`;
  }
  return 'No coding is';
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '?';
}
