import type { ValidationContext } from './context';
import type { ObjectRule, ValueChecker } from './types';
import { checkObject, describe, isJsonObject } from './walk';

/** Where a resource sits: the input itself, `contained` in another, or nested (Bundle.entry.resource, Parameters). */
export type ResourcePlace = 'root' | 'contained' | 'nested';

/**
 * A checker for any resource: dispatches on `resourceType` to the compiled rule. A root resource opens the FHIRPath
 * with its type name; a root or nested resource is the `%rootResource` its `#id` references resolve against.
 * Contained resources also get dom-2, dom-4 and dom-5. Inside a transaction Bundle conditional references
 * (`Type?search`) are accepted, as the transaction resolves them.
 * @see https://hl7.org/fhir/R4/domainresource.html#invs
 */
export function resourceChecker(resources: ReadonlyMap<string, ObjectRule>, place: ResourcePlace): ValueChecker {
  return (value: unknown, ctx: ValidationContext): void => {
    if (!isJsonObject(value)) {
      ctx.report(`Expected a resource (a JSON object), got ${describe(value)}`, 'structure');
      return;
    }
    const type = value.resourceType;
    const rule = typeof type === 'string' ? resources.get(type) : undefined;
    if (rule === undefined) {
      const why = typeof type === 'string' ? `Unknown resourceType "${type}"` : 'Missing resourceType';
      ctx.report(why, 'structure', 'resourceType');
      return;
    }
    if (place === 'root') ctx.enter(rule.typeName);
    const outer = ctx.rootResource;
    const conditional = ctx.allowConditionalReferences;
    if (place !== 'contained') ctx.rootResource = value;
    if (type === 'Bundle' && value.type === 'transaction') ctx.allowConditionalReferences = true;
    checkObject(value, rule, ctx);
    if (place === 'contained') checkContained(value, ctx);
    ctx.rootResource = outer;
    ctx.allowConditionalReferences = conditional;
    if (place === 'root') ctx.leave();
  };
}

function checkContained(value: Readonly<Record<string, unknown>>, ctx: ValidationContext): void {
  if (value.contained !== undefined) {
    ctx.report('A contained resource cannot contain resources (dom-2)', 'invariant', 'contained');
  }
  const meta = value.meta;
  if (!isJsonObject(meta)) return;
  if (meta.versionId !== undefined || meta.lastUpdated !== undefined) {
    ctx.report('A contained resource cannot have meta.versionId or meta.lastUpdated (dom-4)', 'invariant', 'meta');
  }
  if (meta.security !== undefined) {
    ctx.report('A contained resource cannot have security labels (dom-5)', 'invariant', 'meta.security');
  }
}
