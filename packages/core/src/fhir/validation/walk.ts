import type { ValidationContext } from './context';
import type { ObjectRule, PropertyRule } from './types';

type Json = Record<string, unknown>;

/** A JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks an object against a compiled type: every key known, each value by its property rule, at most one key per
 * choice element, required elements present, ele-1 (an element needs children other than `id`), then the hooks.
 */
export function checkObject(value: unknown, rule: ObjectRule, ctx: ValidationContext): void {
  if (!isJsonObject(value)) {
    ctx.report(`Expected an object (${rule.typeName}), got ${describe(value)}`, 'structure');
    return;
  }
  if (ctx.depth >= ctx.maxDepth) {
    ctx.report(`Nesting deeper than ${ctx.maxDepth} levels`, 'too-costly');
    return;
  }
  ctx.depth++;
  let children = 0;
  let choices: PropertyRule[] | undefined;
  for (const key in value) {
    // An own property set to undefined (objects built in code, not parsed JSON) is absent, as in JSON.stringify.
    if (value[key] === undefined) continue;
    const prop = rule.props.get(key);
    if (prop === undefined) {
      if (!(rule.isResource && key === 'resourceType')) ctx.report(`Unknown property "${key}"`, 'structure', key);
      continue;
    }
    if (key !== 'id') children++;
    if (prop.element.isChoice) choices = noteChoice(choices, prop, ctx);
    ctx.enter(prop.segment);
    checkProperty(value, value[key], prop, ctx);
    ctx.leave();
  }
  ctx.depth--;
  if (children === 0 && !rule.isResource) ctx.report('Empty element (ele-1: needs a value or children)', 'structure');
  for (const element of rule.required) {
    if (!element.keys.some((k) => value[k] !== undefined)) {
      ctx.report(`Missing required element ${element.name}`, 'required', element.name);
    }
  }
  for (const hook of rule.hooks) hook(value, ctx);
}

function noteChoice(seen: PropertyRule[] | undefined, prop: PropertyRule, ctx: ValidationContext): PropertyRule[] {
  const list = seen ?? [];
  const other = list.find((p) => p.element === prop.element && p.segment !== prop.segment);
  if (other !== undefined) {
    ctx.report(
      `Only one of ${prop.element.name}[x] allowed: found ${other.segment} and ${prop.segment}`,
      'structure',
      prop.segment,
    );
  }
  list.push(prop);
  return list;
}

function checkProperty(owner: Json, value: unknown, prop: PropertyRule, ctx: ValidationContext): void {
  if (value === null) {
    ctx.report('null is not a valid value', 'structure');
    return;
  }
  const element = prop.element;
  if (!element.isArray) {
    if (Array.isArray(value)) ctx.report('Expected a single value, not an array (max cardinality 1)', 'structure');
    else prop.check(value, ctx);
    return;
  }
  if (!Array.isArray(value)) {
    ctx.report(`Expected an array (max cardinality ${element.max === Infinity ? '*' : element.max})`, 'structure');
    return;
  }
  if (value.length === 0) {
    ctx.report('Empty array (ele-1: an element needs a value or children)', 'structure');
    return;
  }
  const twin = prop.primitive ? owner[prop.twinKey] : undefined;
  if (!prop.isExtension || !Array.isArray(twin)) checkCount(value.length, prop, ctx);
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    ctx.enter(i);
    if (item !== null) prop.check(item, ctx);
    else if (!prop.primitive || !Array.isArray(twin)) ctx.report('null is not a valid value', 'structure');
    else if (!prop.isExtension && (twin[i] === null || twin[i] === undefined)) {
      ctx.report('null value without an extension in the aligned _ array', 'structure');
    }
    ctx.leave();
  }
  if (prop.isExtension && Array.isArray(twin) && twin.length !== value.length) {
    ctx.report(`Arrays ${prop.segment} and _${prop.segment} must have the same length`, 'structure');
  }
}

function checkCount(count: number, prop: PropertyRule, ctx: ValidationContext): void {
  const { min, max } = prop.element;
  if (count < min || count > max) {
    ctx.report(`Expected ${min}..${max === Infinity ? '*' : max} values, found ${count}`, 'structure');
  }
}

/** `null`, `array` or the `typeof` of a JSON value, for messages. */
export function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
