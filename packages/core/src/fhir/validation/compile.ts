import type { ElementDefinition, ElementDefinitionType, StructureDefinition } from '@medplum/fhirtypes';
import { withBinding } from './bindings';
import { choiceKeys, extensionHook, referenceHook } from './hooks';
import { primitiveChecker } from './primitives';
import { resourceChecker } from './resources';
import type { Expander } from './terminology';
import type { ElementRule, ObjectRule, ValueChecker } from './types';
import { checkObject } from './walk';

const FHIR_TYPE_EXT = 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type';
const FHIRPATH_TYPE = 'http://hl7.org/fhirpath/System.';

/** The compiled rules: complex datatypes by name and concrete resource types by name. */
export interface CompiledTypes {
  readonly types: ReadonlyMap<string, ObjectRule>;
  readonly resources: ReadonlyMap<string, ObjectRule>;
}

interface Env {
  readonly types: ReadonlyMap<string, ObjectRule>;
  readonly resources: ReadonlyMap<string, ObjectRule>;
  readonly expand: Expander;
  readonly nestedResource: ValueChecker;
  readonly containedResource: ValueChecker;
  readonly elementCheck: ValueChecker;
}

interface ResolvedType {
  readonly code: string;
  readonly check: ValueChecker;
  readonly primitive: boolean;
}

/**
 * Compiles base StructureDefinitions (kind complex-type or resource, not constraints) into object rules: one per
 * datatype, resource and BackboneElement path, each a table from JSON key to checker. Built once; rules refer to each
 * other directly, so recursive types (Extension, Questionnaire.item) need no lookups at validation time.
 * @see https://hl7.org/fhir/R4/json.html
 */
export function compileTypes(sds: readonly StructureDefinition[], expand: Expander): CompiledTypes {
  const base = sds.filter((sd) => isBaseDefinition(sd));
  const types = new Map<string, ObjectRule>();
  const resources = new Map<string, ObjectRule>();
  for (const sd of base) {
    if (sd.kind === 'resource' && sd.abstract) continue;
    const target = sd.kind === 'resource' ? resources : types;
    if (!target.has(sd.type)) target.set(sd.type, newRule(sd.type, sd.kind === 'resource'));
  }
  const element = types.get('Element');
  if (element === undefined) throw new Error('StructureDefinition for Element is missing');
  const env: Env = {
    types,
    resources,
    expand,
    nestedResource: resourceChecker(resources, 'nested'),
    containedResource: resourceChecker(resources, 'contained'),
    elementCheck: (value, ctx) => {
      checkObject(value, element, ctx);
    },
  };
  for (const sd of base) {
    const rule = (sd.kind === 'resource' ? resources : types).get(sd.type);
    if (rule !== undefined && rule.props.size === 0) compileDefinition(sd, rule, env);
  }
  attachHooks(types, new Set(resources.keys()));
  return { types, resources };
}

function isBaseDefinition(sd: StructureDefinition): boolean {
  return (
    sd.resourceType === 'StructureDefinition' &&
    (sd.kind === 'complex-type' || sd.kind === 'resource') &&
    sd.derivation !== 'constraint' &&
    sd.snapshot?.element !== undefined
  );
}

function newRule(typeName: string, isResource: boolean): ObjectRule {
  return { typeName, isResource, props: new Map(), required: [], hooks: [] };
}

function compileDefinition(sd: StructureDefinition, rootRule: ObjectRule, env: Env): void {
  const elements = sd.snapshot?.element ?? [];
  const root = elements[0]?.path ?? sd.type;
  const rules = new Map<string, ObjectRule>([[root, rootRule]]);
  const byParent = new Map<string, ElementDefinition[]>();
  for (const e of elements.slice(1)) {
    if (e.max === '0' || e.sliceName !== undefined) continue;
    const parent = e.path.slice(0, e.path.lastIndexOf('.'));
    const siblings = byParent.get(parent);
    if (siblings === undefined) byParent.set(parent, [e]);
    else siblings.push(e);
  }
  for (const parent of byParent.keys()) if (!rules.has(parent)) rules.set(parent, newRule(parent, false));
  for (const [parent, children] of byParent) {
    const rule = rules.get(parent);
    if (rule !== undefined) for (const e of children) addElement(rule, e, parent, rules, env);
  }
}

function addElement(
  rule: ObjectRule,
  e: ElementDefinition,
  parent: string,
  rules: ReadonlyMap<string, ObjectRule>,
  env: Env,
): void {
  const name = e.path.slice(parent.length + 1);
  const isChoice = name.endsWith('[x]');
  const baseName = isChoice ? name.slice(0, -3) : name;
  const element: ElementRule = {
    name: baseName,
    min: e.min ?? 0,
    max: e.max === undefined || e.max === '*' ? Infinity : Number(e.max),
    isArray: (e.base?.max ?? e.max ?? '1') !== '1',
    isChoice,
    keys: [],
  };
  if (e.contentReference !== undefined) {
    const target = rules.get(e.contentReference.slice(e.contentReference.indexOf('#') + 1));
    if (target === undefined) throw new Error(`Unresolved contentReference ${e.contentReference} at ${e.path}`);
    addKey(rule, element, baseName, { code: 'BackboneElement', check: objectChecker(target), primitive: false }, env);
  } else {
    for (const t of e.type ?? []) {
      const resolved = resolveType(t, e, rules, env);
      const key = isChoice ? baseName + resolved.code.charAt(0).toUpperCase() + resolved.code.slice(1) : baseName;
      const check = withBinding(resolved.check, resolved.code, e.binding, env.expand);
      addKey(rule, element, key, { ...resolved, check }, env);
    }
  }
  if (element.min > 0) rule.required.push(element);
}

function addKey(rule: ObjectRule, element: ElementRule, key: string, type: ResolvedType, env: Env): void {
  const { check, primitive } = type;
  rule.props.set(key, { element, check, primitive, isExtension: false, segment: key, twinKey: `_${key}` });
  element.keys.push(key);
  if (!primitive) return;
  const twin = `_${key}`;
  rule.props.set(twin, { element, check: env.elementCheck, primitive, isExtension: true, segment: key, twinKey: key });
  element.keys.push(twin);
}

function resolveType(
  t: ElementDefinitionType,
  e: ElementDefinition,
  rules: ReadonlyMap<string, ObjectRule>,
  env: Env,
): ResolvedType {
  const code = primitiveCode(t, e);
  const primitive = primitiveChecker(code);
  if (primitive !== undefined) return { code, check: primitive, primitive: true };
  if (code === 'Resource') {
    const contained = e.base?.path === 'DomainResource.contained';
    return { code, check: contained ? env.containedResource : env.nestedResource, primitive: false };
  }
  const typed = env.resources.get(code);
  if (typed !== undefined)
    return { code, check: resourceChecker(new Map([[code, typed]]), 'nested'), primitive: false };
  const inline = code === 'BackboneElement' || code === 'Element' ? rules.get(e.path) : undefined;
  const rule = inline ?? env.types.get(code);
  if (rule === undefined) throw new Error(`Unknown type ${code} at ${e.path}`);
  return { code, check: objectChecker(rule), primitive: false };
}

/** FHIRPath system types (Element.id, Extension.url, Resource.id) carry their FHIR type in an extension. */
function primitiveCode(t: ElementDefinitionType, e: ElementDefinition): string {
  if (!t.code.startsWith(FHIRPATH_TYPE)) return t.code;
  // R4 declares Resource.id as `id` in prose and datatypes; the snapshot's fhir-type extension says string.
  if (e.base?.path === 'Resource.id') return 'id';
  const ext = t.extension?.find((x) => x.url === FHIR_TYPE_EXT);
  return ext?.valueUrl ?? ext?.valueString ?? 'string';
}

function objectChecker(rule: ObjectRule): ValueChecker {
  return (value, ctx) => {
    checkObject(value, rule, ctx);
  };
}

function attachHooks(types: ReadonlyMap<string, ObjectRule>, resourceTypes: ReadonlySet<string>): void {
  const extension = types.get('Extension');
  if (extension !== undefined) extension.hooks.push(extensionHook(choiceKeys(extension, 'value')));
  types.get('Reference')?.hooks.push(referenceHook(resourceTypes));
}
