import type { ValidationContext } from './context';
import { referenceFormatError } from './references';
import type { ObjectHook, ObjectRule } from './types';
import { isJsonObject } from './walk';

/**
 * ext-1 on Extension: "Must have either extensions or value[x], not both".
 * @see https://hl7.org/fhir/R4/extensibility.html#Extension
 * @param valueKeys - the JSON keys of Extension.value[x] (from the compiled rule)
 */
export function extensionHook(valueKeys: readonly string[]): ObjectHook {
  return (value, ctx) => {
    const hasValue = valueKeys.some((k) => value[k] !== undefined);
    if ((value.extension !== undefined) === hasValue) {
      ctx.report('An extension must have either extensions or a value[x], not both (ext-1)', 'invariant');
    }
  };
}

/**
 * Reference.reference: one of the literal forms (see references.ts), and a local `#id` must name a contained
 * resource of the root resource (ref-1).
 * @see https://hl7.org/fhir/R4/references.html#Reference
 */
export function referenceHook(resourceTypes: ReadonlySet<string>): ObjectHook {
  return (value, ctx) => {
    const ref = value.reference;
    if (typeof ref !== 'string' || ref.length === 0) return;
    const rules = { resourceTypes, allowConditional: ctx.allowConditionalReferences };
    const error = referenceFormatError(ref, rules);
    if (error !== undefined) {
      ctx.report(error, 'value', 'reference');
    } else if (ref.startsWith('#') && !containedIds(ctx).includes(ref.slice(1))) {
      ctx.report(`Local reference "${ref}" names no contained resource (ref-1)`, 'invariant', 'reference');
    }
  };
}

function containedIds(ctx: ValidationContext): string[] {
  const contained = ctx.rootResource?.contained;
  if (!Array.isArray(contained)) return [];
  return contained.flatMap((c: unknown) => (isJsonObject(c) && typeof c.id === 'string' ? [c.id] : []));
}

/** The JSON keys of a choice element of a compiled rule, e.g. all `valueX` of Extension.value[x]. */
export function choiceKeys(rule: ObjectRule, name: string): string[] {
  const keys: string[] = [];
  for (const [key, prop] of rule.props) if (prop.element.name === name) keys.push(key);
  return keys;
}
