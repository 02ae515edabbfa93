import type { DetectedIssue } from '@medplum/fhirtypes';
import { badRequest, conflict, notFound, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import { stableId } from '../import/stable-id';
import type { RequestUser } from '../context';
import { practitionerRef } from './authorize';
import { findingStatus, withReview } from './finding-status';
import { findingIdOf, type ReportSet } from './report-set';
import { CHECKUP_URI, REPORT_FINDING_EXTENSION } from './systems';

/** Severity of a clinician-added finding (the engine's five levels). */
export const ADDED_SEVERITIES = ['critical', 'high', 'moderate', 'low', 'info'] as const;
export type AddedSeverity = (typeof ADDED_SEVERITIES)[number];

/** A finding the clinician adds: what, how serious, and why (required). */
export interface AddedFindingInput {
  readonly title: string;
  readonly severity: AddedSeverity;
  readonly reason: string;
  readonly detail?: string;
  readonly recommendation?: string;
  /** References to the Observations it rests on (`Observation/<id>`). */
  readonly evidence?: readonly string[];
}

/** DetectedIssue.severity has three levels: critical and high are high, low and info are low. */
const FHIR_SEVERITY: Readonly<Record<AddedSeverity, NonNullable<DetectedIssue['severity']>>> = {
  critical: 'high',
  high: 'high',
  moderate: 'moderate',
  low: 'low',
  info: 'low',
};

/** A required free-text field, trimmed; 400 when empty. */
export function requireText(value: unknown, field: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw new OperationOutcomeError(badRequest(`${field} is required`, field));
  return text;
}

/** The finding of a report by finding id (its checkup-finding code) or by DetectedIssue id; 404 otherwise. */
export function findFinding(set: ReportSet, findingId: string): DetectedIssue {
  const found = set.findings.find((f) => findingIdOf(f) === findingId || f.id === findingId);
  if (!found)
    throw new OperationOutcomeError(notFound(`Finding ${findingId} of DiagnosticReport/${set.report.id ?? ''}`));
  return found;
}

/** The finding marked rejected with its reason (kept, never deleted); 409 when already rejected. */
export function rejected(set: ReportSet, findingId: string, reason: string): DetectedIssue {
  const finding = findFinding(set, findingId);
  if (findingStatus(finding) === 'rejected')
    throw new OperationOutcomeError(conflict(`Finding ${findingId} is already rejected`));
  return withReview(finding, 'rejected', requireText(reason, 'reason'));
}

/** A clinician-authored DetectedIssue for the report, status preliminary until signed. */
export function addedFinding(set: ReportSet, input: AddedFindingInput, user: RequestUser, when: string): DetectedIssue {
  const title = requireText(input.title, 'title');
  const reason = requireText(input.reason, 'reason');
  if (!ADDED_SEVERITIES.includes(input.severity))
    throw new OperationOutcomeError(badRequest(`severity must be one of ${ADDED_SEVERITIES.join(', ')}`, 'severity'));
  const reportId = set.report.id ?? '';
  const n = set.findings.filter((f) => findingStatus(f) === 'added').length + 1;
  const findingId = `added-${String(n)}`;
  const who = practitionerRef(user);
  const issue: DetectedIssue = {
    resourceType: 'DetectedIssue',
    id: stableId(`${reportId}|${findingId}`),
    status: 'preliminary',
    code: { coding: [{ system: CHECKUP_URI.finding, code: findingId, display: title }], text: title },
    severity: FHIR_SEVERITY[input.severity],
    ...(set.report.subject?.reference?.startsWith('Patient/')
      ? { patient: { reference: set.report.subject.reference } }
      : {}),
    identifiedDateTime: when,
    author: who,
    detail: input.detail?.trim() || title,
    ...(input.evidence?.length ? { evidence: [{ detail: input.evidence.map((reference) => ({ reference })) }] } : {}),
    ...(input.recommendation?.trim()
      ? { mitigation: [{ action: { text: input.recommendation.trim() }, date: when, author: who }] }
      : {}),
    extension: [{ url: REPORT_FINDING_EXTENSION.severity, valueCode: input.severity }],
  };
  return withReview(issue, 'added', reason);
}
