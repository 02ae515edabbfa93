import type {
  Composition,
  DetectedIssue,
  DiagnosticReport,
  Provenance,
  Reference,
  Resource,
  RiskAssessment,
} from '@medplum/fhirtypes';
import { conflict, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { Repository } from '../../store/repository';
import type { RequestUser } from '../context';
import { practitionerRef } from './authorize';
import { findingStatus } from './finding-status';
import { loadReportSet, setResources, type ReportSet } from './report-set';
import { signatureDigest } from './signature';
import { AUTHOR_SIGNATURE, CHECKUP_URI } from './systems';

/** Report statuses that only a signature can set. */
export const SIGNED_STATUSES: ReadonlySet<string> = new Set(['final', 'amended', 'corrected', 'appended']);

/** True when the report carries a clinician's signature status (final or amended). */
export function isSigned(report: DiagnosticReport): boolean {
  return SIGNED_STATUSES.has(report.status);
}

const LEGALLY_AUTHENTICATED = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-DocumentCompletion',
  code: 'LA',
  display: 'legally authenticated',
};

function versioned(r: Resource): Reference {
  return { reference: `${r.resourceType}/${r.id ?? ''}/_history/${r.meta?.versionId ?? ''}` };
}

/** The sign-off Provenances (those with a signature), oldest first. */
export function signatures(set: ReportSet): Provenance[] {
  return set.provenances.filter((p) => (p.signature ?? []).length > 0);
}

/** Each member with the status a signature gives it: rejected findings are cancelled, never removed. */
function signedVersions(set: ReportSet, user: RequestUser, when: string, amending: boolean): Resource[] {
  const who = practitionerRef(user);
  const report: DiagnosticReport = {
    ...set.report,
    status: amending ? 'amended' : 'final',
    issued: when,
    resultsInterpreter: [who],
  };
  // A rejected finding must not read as a valid conclusion to systems that ignore our review extension.
  const findings = set.findings.map((f): DetectedIssue => ({
    ...f,
    status: findingStatus(f) === 'rejected' ? 'entered-in-error' : 'final',
  }));
  const risks = set.risks.map((r): RiskAssessment => ({ ...r, status: 'final' }));
  const composition: Composition | undefined = set.composition && {
    ...set.composition,
    status: amending ? 'amended' : 'final',
    attester: [{ mode: 'legal', time: when, party: who }],
  };
  return [report, ...findings, ...risks, ...(composition ? [composition] : [])];
}

/**
 * Signs a loaded report inside the caller's transaction: report `final` (or `amended` when it was signed before),
 * members final, then a Provenance naming the clinician as attester with an author's signature whose data is the
 * SHA-256 of the signed versions. The only code path that writes a signed status.
 */
export async function signInTransaction(
  tx: Repository,
  set: ReportSet,
  user: RequestUser,
  when: string,
  reason?: string,
): Promise<{ report: DiagnosticReport; provenance: Provenance }> {
  const amending = isSigned(set.report);
  const written: Resource[] = [];
  for (const r of signedVersions(set, user, when, amending)) written.push((await tx.update(r)).resource);
  const who = practitionerRef(user);
  const provenance = await tx.create<Provenance>({
    resourceType: 'Provenance',
    target: written.map(versioned),
    recorded: when,
    activity: { coding: [LEGALLY_AUTHENTICATED] },
    ...(reason ? { reason: [{ text: reason }] } : {}),
    agent: [
      {
        type: { coding: [{ system: CHECKUP_URI.provenanceParticipant, code: 'attester', display: 'Attester' }] },
        who,
      },
    ],
    signature: [
      {
        type: [AUTHOR_SIGNATURE],
        when,
        who,
        targetFormat: 'application/fhir+json',
        sigFormat: 'application/octet-stream',
        data: signatureDigest(written),
      },
    ],
  });
  return { report: written[0] as DiagnosticReport, provenance };
}

/** Refuses a second signature over an unchanged report (sign once; change something, then amend). */
export function assertChangedSinceSigned(set: ReportSet): void {
  const last = signatures(set).at(-1);
  if (!last || !isSigned(set.report)) return;
  const signedReport = (last.target ?? []).some((t) =>
    t.reference?.startsWith(`DiagnosticReport/${set.report.id ?? ''}/_history/${set.report.meta?.versionId ?? ''}`),
  );
  if (signedReport)
    throw new OperationOutcomeError(
      conflict(`DiagnosticReport/${set.report.id ?? ''} is already signed and unchanged since; nothing to amend`),
    );
}

/**
 * True when the Provenance's signature matches the versions it targets (re-read from history): the signed
 * content is unchanged. A missing version or a different digest is false.
 */
export async function verifySignature(repo: Repository, provenance: Provenance): Promise<boolean> {
  const data = provenance.signature?.[0]?.data;
  if (!data) return false;
  const versions: Resource[] = [];
  for (const t of provenance.target) {
    const m = /^([A-Za-z]+)\/([^/]+)\/_history\/([^/]+)$/.exec(t.reference ?? '');
    if (!m) return false;
    try {
      versions.push(await repo.vread(m[1]!, m[2]!, m[3]!));
    } catch {
      return false;
    }
  }
  return signatureDigest(versions) === data;
}

/**
 * The latest signature that covers the report as it stands: it targets the current version of the report and of
 * every member, and its digest verifies. Undefined otherwise (then the report must not be released).
 */
export async function currentSignature(repo: Repository, reportId: string): Promise<Provenance | undefined> {
  const set = await loadReportSet(repo, reportId);
  const current = new Set(setResources(set).map((r) => versioned(r).reference));
  const last = signatures(set).at(-1);
  if (!last) return undefined;
  const targets = new Set(last.target.map((t) => t.reference));
  const coversCurrent = [...current].every((c) => targets.has(c));
  return coversCurrent && (await verifySignature(repo, last)) ? last : undefined;
}
