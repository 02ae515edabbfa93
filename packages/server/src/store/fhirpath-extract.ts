import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';
import choiceTypePaths from 'fhirpath/fhir-context/r4/choiceTypePaths.json' with { type: 'json' };

/**
 * Compiles search-parameter FHIRPath expressions into functions that pull the values out of a resource.
 * Most R4 expressions are plain paths (`Observation.code`, `(Observation.value as Quantity)`,
 * `Observation.subject.where(resolve() is Patient)`); those run through a direct property walk that is
 * ~100× faster than a general FHIRPath evaluation, which matters at import time. Anything else is
 * evaluated by fhirpath.js with the R4 model.
 */
export type Extractor = (resource: object) => unknown[];

const CHOICES = choiceTypePaths as Readonly<Record<string, readonly string[]>>;

interface Step {
  readonly name: string;
  /** Restrict a choice element to one type (`as Quantity`). */
  readonly cast?: string;
}

const SIMPLE = /^([A-Z][A-Za-z]+)((?:\.[a-z][A-Za-z0-9]*)*)(?:\s+as\s+([A-Za-z]+))?((?:\.[a-z][A-Za-z0-9]*)*)$/;
const AS_FN = /\.as\(([A-Za-z]+)\)$/;
const WHERE_RESOLVE = /\.where\(resolve\(\) is ([A-Z][A-Za-z]+)\)$/;

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pushAll(out: unknown[], v: unknown): void {
  if (v === undefined || v === null) return;
  if (Array.isArray(v)) for (const x of v as unknown[]) pushAll(out, x);
  else out.push(v);
}

function compileSimple(expression: string): Extractor | undefined {
  let expr = expression.trim();
  while (expr.startsWith('(') && expr.endsWith(')')) expr = expr.slice(1, -1).trim();
  let refType: string | undefined;
  const where = WHERE_RESOLVE.exec(expr);
  if (where) {
    refType = where[1];
    expr = expr.slice(0, where.index);
  }
  let castFn: string | undefined;
  const asFn = AS_FN.exec(expr);
  if (asFn) {
    castFn = asFn[1];
    expr = expr.slice(0, asFn.index);
  }
  const m = SIMPLE.exec(expr);
  if (!m) return undefined;
  const [, type = '', before = '', cast = castFn, after = ''] = m;
  if (castFn && after) return undefined;
  const names = (s: string): string[] => s.split('.').filter(Boolean);
  const steps: Step[] = names(before).map((name) => ({ name }));
  if (cast) {
    const last = steps.pop();
    if (!last) return undefined;
    steps.push({ name: last.name, cast });
  }
  steps.push(...names(after).map((name) => ({ name })));
  // Resolve each step to the JSON keys it reads: a choice element `value` is `valueQuantity`, `valueString`…
  let path = type;
  const keys: (readonly string[])[] = [];
  for (const step of steps) {
    path = `${path}.${step.name}`;
    const choices = CHOICES[path];
    if (choices) {
      const allowed = step.cast ? choices.filter((c) => c.toLowerCase() === step.cast!.toLowerCase()) : choices;
      keys.push(allowed.map((c) => step.name + capitalize(c)));
    } else if (step.cast) {
      return undefined;
    } else keys.push([step.name]);
  }
  return (resource) => {
    let current: unknown[] = [resource];
    for (const alternatives of keys) {
      const next: unknown[] = [];
      for (const node of current) {
        if (typeof node !== 'object' || node === null) continue;
        for (const k of alternatives) pushAll(next, (node as Record<string, unknown>)[k]);
      }
      if (next.length === 0) return next;
      current = next;
    }
    if (refType) {
      const prefix = `${refType}/`;
      return current.filter((r) => {
        const ref = (r as { reference?: unknown }).reference;
        return typeof ref === 'string' && (ref.startsWith(prefix) || ref.includes(`/${prefix}`));
      });
    }
    return current;
  };
}

function compileGeneral(expression: string): Extractor {
  const fn = fhirpath.compile(expression, r4Model);
  return (resource) => {
    try {
      return fn(resource) as unknown[];
    } catch {
      return [];
    }
  };
}

/** Compiles the parts of one parameter's expression into a single extractor. */
export function compileExtractor(expressions: readonly string[]): Extractor {
  const fns = expressions.map((e) => compileSimple(e) ?? compileGeneral(e));
  if (fns.length === 1) return fns[0]!;
  return (resource) => fns.flatMap((f) => f(resource));
}

/** True when an expression runs on the fast path (exported for tests and the benchmark's profile). */
export function isFastPath(expression: string): boolean {
  return compileSimple(expression) !== undefined;
}
