import type { DetectedIssue, Extension } from '@medplum/fhirtypes';
import { CHECKUP_URI } from './systems';

/** Review status of a finding: as the engine wrote it, rejected by the clinician, or added by the clinician. */
export type FindingReviewStatus = 'active' | 'rejected' | 'added';

/** The review status recorded on a DetectedIssue (no extension means active). */
export function findingStatus(issue: DetectedIssue): FindingReviewStatus {
  const code = issue.extension?.find((e) => e.url === CHECKUP_URI.findingStatus)?.valueCode;
  return code === 'rejected' || code === 'added' ? code : 'active';
}

/** The clinician's reason for rejecting or adding a finding. */
export function findingReason(issue: DetectedIssue): string | undefined {
  return issue.extension?.find((e) => e.url === CHECKUP_URI.findingReason)?.valueString;
}

/** The DetectedIssue with its review status and reason set (other extensions kept). */
export function withReview(issue: DetectedIssue, status: FindingReviewStatus, reason: string): DetectedIssue {
  const others = (issue.extension ?? []).filter(
    (e) => e.url !== CHECKUP_URI.findingStatus && e.url !== CHECKUP_URI.findingReason,
  );
  const review: Extension[] = [
    { url: CHECKUP_URI.findingStatus, valueCode: status },
    { url: CHECKUP_URI.findingReason, valueString: reason },
  ];
  return { ...issue, extension: [...others, ...review] };
}
