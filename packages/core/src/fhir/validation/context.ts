import type { IssueCode, Problem } from '../outcomes';
import type { ValidateOptions } from './types';

const DEFAULT_MAX_DEPTH = 128;

/**
 * The state of one `validate` call: the problems found and the path of the element being checked.
 * The path is a stack of segments joined only when a problem is reported, so valid input builds no strings.
 * Expressions use the JSON names of choice elements (`Observation.valueQuantity.value`, FHIRPath as fhirpath.js
 * accepts it) and report `_x` primitive extensions under `x` (`Patient.birthDate.extension[0]`).
 */
export class ValidationContext {
  readonly problems: Problem[] = [];
  /** Conditional references accepted: from the options, and inside the entries of a transaction Bundle. */
  allowConditionalReferences: boolean;
  readonly maxDepth: number;
  depth = 0;
  /** The resource whose `contained` list local `#id` references resolve against (ref-1). */
  rootResource: Readonly<Record<string, unknown>> | undefined;
  private readonly segments: (string | number)[] = [];

  constructor(options: ValidateOptions | undefined) {
    this.allowConditionalReferences = options?.allowConditionalReferences === true;
    this.maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  }

  /** Descends into a property name or an array index. */
  enter(segment: string | number): void {
    this.segments.push(segment);
  }

  leave(): void {
    this.segments.pop();
  }

  /** The FHIRPath of the current element, e.g. `Patient.name[0].given[1]`. */
  path(): string {
    let out = '';
    for (const s of this.segments) {
      out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
    }
    return out;
  }

  /** Records a problem at the current path, or at its child `child`. */
  report(message: string, code: IssueCode, child?: string): void {
    const here = this.path();
    const expression = child === undefined ? here : here === '' ? child : `${here}.${child}`;
    this.problems.push({ message, expression, code, severity: 'error' });
  }
}
