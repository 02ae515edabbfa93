const ID = '[A-Za-z0-9\\-.]{1,64}';
const LITERAL = new RegExp(`^([A-Za-z]+)/${ID}(/_history/${ID})?$`);
const LOCAL = new RegExp(`^#${ID}$`);
const UUID = /^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const OID = /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/;
const ABSOLUTE = /^https?:\/\/[^\s/?#]+\S*$/;
const CONDITIONAL = /^([A-Za-z]+)\?\S+$/;

/** Which reference forms are acceptable in this call. */
export interface ReferenceRules {
  readonly resourceTypes: ReadonlySet<string>;
  /** `Type?search` (transaction Bundles only). */
  readonly allowConditional: boolean;
}

/**
 * Why `Reference.reference` is malformed, or undefined when it is one of: `Type/id`, `Type/id/_history/vid`
 * (Type a concrete R4 resource type, ids matching the id regex), `#id`, `urn:uuid:<uuid>`, `urn:oid:<oid>`, an
 * absolute http(s) URL, and, when allowed, a conditional `Type?search`.
 * @see https://hl7.org/fhir/R4/references.html#literal
 */
export function referenceFormatError(ref: string, rules: ReferenceRules): string | undefined {
  const literal = LITERAL.exec(ref);
  if (literal !== null) {
    const type = literal[1] ?? '';
    return rules.resourceTypes.has(type)
      ? undefined
      : `Invalid reference "${clip(ref)}": unknown resource type ${type}`;
  }
  if (LOCAL.test(ref) || UUID.test(ref) || OID.test(ref) || ABSOLUTE.test(ref)) return undefined;
  const conditional = CONDITIONAL.exec(ref);
  if (conditional !== null) {
    if (!rules.allowConditional) return `Conditional reference "${clip(ref)}" is only allowed inside a transaction`;
    const type = conditional[1] ?? '';
    return rules.resourceTypes.has(type)
      ? undefined
      : `Invalid reference "${clip(ref)}": unknown resource type ${type}`;
  }
  return `Invalid reference "${clip(ref)}": expected Type/id, Type/id/_history/vid, #id, urn:uuid:, urn:oid: or an absolute URL`;
}

function clip(s: string): string {
  return s.length > 64 ? `${s.slice(0, 61)}...` : s;
}
