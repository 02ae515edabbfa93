import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

/**
 * The canonical outcomes CareLoop uses everywhere an operation can fail, and their HTTP status.
 * @see https://hl7.org/fhir/R4/operationoutcome.html
 */
export type IssueSeverity = OperationOutcomeIssue['severity'];
export type IssueCode = OperationOutcomeIssue['code'];

/** One problem: what went wrong and, where known, the FHIRPath of the element at fault. */
export interface Problem {
  readonly message: string;
  readonly expression?: string;
  readonly code?: IssueCode;
  readonly severity?: IssueSeverity;
}

/** Builds an OperationOutcome from problems; `code` is the default issue code. */
export function outcome(code: IssueCode, problems: readonly Problem[], id?: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    ...(id ? { id } : {}),
    issue: problems.map((p) => ({
      severity: p.severity ?? 'error',
      code: p.code ?? code,
      details: { text: p.message },
      ...(p.expression ? { expression: [p.expression] } : {}),
    })),
  };
}

export const allOk = (message = 'All OK'): OperationOutcome => ({
  resourceType: 'OperationOutcome',
  id: 'allok',
  issue: [{ severity: 'information', code: 'informational', details: { text: message } }],
});
export const created = (message = 'Created'): OperationOutcome => ({
  resourceType: 'OperationOutcome',
  id: 'created',
  issue: [{ severity: 'information', code: 'informational', details: { text: message } }],
});
export const notFound = (what = 'Resource'): OperationOutcome =>
  outcome('not-found', [{ message: `${what} not found` }], 'not-found');
export const gone = (what = 'Resource'): OperationOutcome =>
  outcome('deleted', [{ message: `${what} has been deleted` }], 'gone');
export const badRequest = (message: string, expression?: string): OperationOutcome =>
  outcome('invalid', [{ message, ...(expression ? { expression } : {}) }], 'bad-request');
export const invalid = (problems: readonly Problem[]): OperationOutcome => outcome('invalid', problems, 'invalid');
export const unprocessable = (message: string, expression?: string): OperationOutcome =>
  outcome('processing', [{ message, ...(expression ? { expression } : {}) }], 'unprocessable');
export const conflict = (message: string): OperationOutcome => outcome('conflict', [{ message }], 'conflict');
export const preconditionFailed = (message: string): OperationOutcome =>
  outcome('conflict', [{ message }], 'precondition-failed');
export const forbidden = (message = 'Forbidden'): OperationOutcome => outcome('forbidden', [{ message }], 'forbidden');
export const unauthorized = (message = 'Unauthorized'): OperationOutcome =>
  outcome('login', [{ message }], 'unauthorized');
export const tooLarge = (message: string): OperationOutcome => outcome('too-costly', [{ message }], 'too-large');
export const notSupported = (message: string): OperationOutcome =>
  outcome('not-supported', [{ message }], 'not-supported');
export const serverError = (): OperationOutcome =>
  outcome('exception', [{ message: 'Internal server error' }], 'server-error');

const STATUS_BY_ID: Readonly<Record<string, number>> = {
  allok: 200,
  created: 201,
  'bad-request': 400,
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'not-supported': 405,
  conflict: 409,
  gone: 410,
  'precondition-failed': 412,
  'too-large': 413,
  unprocessable: 422,
  'server-error': 500,
};

/** The HTTP status an outcome maps to: by its id, else by its first issue's code. */
export function outcomeStatus(o: OperationOutcome): number {
  const byId = o.id ? STATUS_BY_ID[o.id] : undefined;
  if (byId) return byId;
  const code = o.issue?.[0]?.code;
  if (code === 'not-found') return 404;
  if (code === 'deleted') return 410;
  if (code === 'conflict') return 409;
  if (code === 'forbidden' || code === 'security') return 403;
  if (code === 'exception') return 500;
  if (o.issue?.every((i) => i.severity === 'information' || i.severity === 'warning')) return 200;
  return 400;
}

/** The one error class: carries an OperationOutcome; the HTTP layer turns it into a response. */
export class OperationOutcomeError extends Error {
  readonly outcome: OperationOutcome;
  constructor(o: OperationOutcome) {
    super(o.issue?.map((i) => i.details?.text ?? i.diagnostics ?? i.code).join('; ') ?? 'Error');
    this.name = 'OperationOutcomeError';
    this.outcome = o;
  }
  get status(): number {
    return outcomeStatus(this.outcome);
  }
}

export function isOk(o: OperationOutcome): boolean {
  return outcomeStatus(o) < 400;
}
