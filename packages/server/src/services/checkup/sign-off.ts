import type { Composition, DetectedIssue, DiagnosticReport, Provenance, RiskAssessment } from '@medplum/fhirtypes';
import { conflict, forbidden, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { Repository } from '../../store/repository';
import { guardCheckup, type CheckupAction } from '../access/checkup';
import { audited } from '../audit/audited';
import { patientsOf } from '../audit/patients';
import type { AuditKind, AuditRecorder } from '../audit/recorder';
import type { RequestContext, RequestUser } from '../context';
import { requireClinician } from './authorize';
import { findingStatus } from './finding-status';
import { loadReportSet, type ReportSet } from './report-set';
import { addedFinding, rejected, requireText, type AddedFindingInput } from './review';
import { assertChangedSinceSigned, currentSignature, isSigned, signInTransaction, signatures } from './signing';
import { REPORT_FINDING_EXTENSION } from './systems';

/** What the checkup services need: the store and the clock (injected, so sign-off times are testable). */
export interface CheckupDeps {
  readonly repo: Repository;
  readonly clock: () => Date;
  /** Where views, reviews, sign-offs and refusals are recorded (the HTTP API passes the audit log). */
  readonly audit?: AuditRecorder;
}

/**
 * Runs a checkup use case after the access check (role rule + patient scope of the report), leaving an audit
 * event for it when the deps carry a recorder.
 */
export async function checkedCheckup<T>(
  ctx: RequestContext,
  deps: CheckupDeps,
  step: {
    readonly action: CheckupAction;
    readonly kind: AuditKind;
    readonly reportId: string;
    readonly detail?: string;
  },
  fn: () => Promise<T>,
  report: (value: T) => DiagnosticReport,
): Promise<T> {
  const run = async (): Promise<T> => {
    await guardCheckup(ctx, deps.repo, deps.clock(), step.action, { type: 'DiagnosticReport', id: step.reportId });
    return fn();
  };
  if (!deps.audit) return run();
  const asked = { entities: [`DiagnosticReport/${step.reportId}`], ...(step.detail ? { detail: step.detail } : {}) };
  return audited(deps.audit, ctx, step.kind, asked, run, (v) => ({ ...asked, patients: patientsOf(report(v)) }));
}

/** The outcome of a review action: the finding as stored, and the sign-off when it amended a signed report. */
export interface ReviewResult {
  readonly report: DiagnosticReport;
  readonly finding: DetectedIssue;
  /** Present when the report was already signed: the change was signed as an amendment at once. */
  readonly amendment?: Provenance;
}

export interface SignResult {
  readonly report: DiagnosticReport;
  readonly provenance: Provenance;
}

/** A report as a clinician or a person sees it. */
export interface ReportView {
  readonly report: DiagnosticReport;
  readonly findings: readonly DetectedIssue[];
  readonly risks: readonly RiskAssessment[];
  readonly composition: Composition | undefined;
  readonly signatures: readonly Provenance[];
}

function view(set: ReportSet, includeRejected: boolean): ReportView {
  return {
    report: set.report,
    findings: includeRejected ? set.findings : set.findings.filter((f) => findingStatus(f) !== 'rejected'),
    risks: set.risks,
    composition: set.composition,
    signatures: signatures(set),
  };
}

/**
 * Clinician review and sign-off of checkup reports. Only a clinician may reject, add, sign or amend; a signed
 * report is changed only by an amendment, which is signed in the same transaction (status `amended`), so a
 * report is never final without a signature over exactly its current content. History keeps every version.
 */
export class SignOffService {
  constructor(private readonly deps: CheckupDeps) {}

  private now(): string {
    return this.deps.clock().toISOString();
  }

  /** Marks a finding rejected with the clinician's reason (kept, never deleted). */
  async rejectFinding(ctx: RequestContext, reportId: string, findingId: string, reason: string): Promise<ReviewResult> {
    const step = { action: 'review', kind: 'review', reportId, detail: `reject finding ${findingId}` } as const;
    const run = () => {
      const user = requireClinician(ctx, 'reject a finding');
      requireText(reason, 'reason');
      return this.reject(reportId, findingId, reason, user);
    };
    return checkedCheckup(ctx, this.deps, step, run, (r) => r.report);
  }

  private reject(reportId: string, findingId: string, reason: string, user: RequestUser): Promise<ReviewResult> {
    return this.deps.repo.withTransaction(async (tx) => {
      const set = await loadReportSet(tx, reportId);
      const finding = rejected(set, findingId, reason);
      const changed = { ...set, findings: set.findings.map((f) => (f.id === finding.id ? finding : f)) };
      return this.apply(tx, changed, false, finding, user, `Finding ${findingId} rejected: ${reason.trim()}`);
    });
  }

  /** Adds a clinician-authored finding (with its reason) to the report. */
  async addFinding(ctx: RequestContext, reportId: string, input: AddedFindingInput): Promise<ReviewResult> {
    const step = { action: 'review', kind: 'review', reportId, detail: 'add finding' } as const;
    const run = () => {
      const user = requireClinician(ctx, 'add a finding');
      requireText(input.reason, 'reason');
      return this.add(reportId, input, user);
    };
    return checkedCheckup(ctx, this.deps, step, run, (r) => r.report);
  }

  private add(reportId: string, input: AddedFindingInput, user: RequestUser): Promise<ReviewResult> {
    return this.deps.repo.withTransaction(async (tx) => {
      const set = await loadReportSet(tx, reportId);
      const finding = addedFinding(set, input, user, this.now());
      const link = {
        url: REPORT_FINDING_EXTENSION.finding,
        valueReference: { reference: `DetectedIssue/${finding.id ?? ''}` },
      };
      const report = { ...set.report, extension: [...(set.report.extension ?? []), link] };
      const changed = { ...set, report, findings: [...set.findings, finding] };
      return this.apply(tx, changed, true, finding, user, `Finding added: ${input.reason.trim()}`);
    });
  }

  /** Writes a review change: as is on an unsigned report, as a signed amendment on a signed one. */
  private async apply(
    tx: Repository,
    set: ReportSet,
    reportChanged: boolean,
    finding: DetectedIssue,
    user: NonNullable<RequestContext['user']>,
    reason: string,
  ): Promise<ReviewResult> {
    if (isSigned(set.report)) {
      const signed = await signInTransaction(tx, set, user, this.now(), reason);
      const stored = await tx.read<DetectedIssue>('DetectedIssue', finding.id ?? '');
      return { report: signed.report, finding: stored, amendment: signed.provenance };
    }
    const storedFinding = (await tx.update(finding)).resource;
    const report = reportChanged ? (await tx.update(set.report)).resource : set.report;
    return { report, finding: storedFinding };
  }

  /** Signs: `final` with the clinician's signature (or `amended` if signed before and changed since). */
  async sign(ctx: RequestContext, reportId: string, options: { reason?: string } = {}): Promise<SignResult> {
    const step = { action: 'sign', kind: 'sign', reportId } as const;
    const run = () => this.signNow(reportId, requireClinician(ctx, 'sign a report'), options);
    return checkedCheckup(ctx, this.deps, step, run, (r) => r.report);
  }

  private signNow(reportId: string, user: RequestUser, options: { reason?: string }): Promise<SignResult> {
    return this.deps.repo.withTransaction(async (tx) => {
      const set = await loadReportSet(tx, reportId);
      if (set.report.status === 'cancelled' || set.report.status === 'entered-in-error')
        throw new OperationOutcomeError(conflict(`DiagnosticReport/${reportId} is ${set.report.status}`));
      assertChangedSinceSigned(set);
      return signInTransaction(tx, set, user, this.now(), options.reason);
    });
  }

  /** The clinician's view: the report, every finding (rejected ones with their reason), risks, text, signatures. */
  async reportView(ctx: RequestContext, reportId: string): Promise<ReportView> {
    const step = { action: 'view', kind: 'read', reportId, detail: 'report view' } as const;
    return this.checkedView(ctx, step, async () => view(await loadReportSet(this.deps.repo, reportId), true));
  }

  /**
   * The person's view: only a final or amended report whose current version carries a valid signature;
   * rejected findings are left out. Anything else is refused (403): nothing is released before sign-off.
   */
  async releasedReportFor(ctx: RequestContext, reportId: string): Promise<ReportView> {
    const step = { action: 'released', kind: 'read', reportId, detail: 'released report' } as const;
    return this.checkedView(ctx, step, () => this.released(reportId));
  }

  /** A report view read under the access check and audit of `step`, recorded against the viewed report. */
  private checkedView(
    ctx: RequestContext,
    step: Parameters<typeof checkedCheckup>[2],
    read: () => Promise<ReportView>,
  ): Promise<ReportView> {
    return checkedCheckup(ctx, this.deps, step, read, (v) => v.report);
  }

  private async released(reportId: string): Promise<ReportView> {
    const set = await loadReportSet(this.deps.repo, reportId);
    if (!isSigned(set.report))
      throw new OperationOutcomeError(
        forbidden(
          `DiagnosticReport/${reportId} is ${set.report.status}: it is released only once a clinician signs it`,
        ),
      );
    if (!(await currentSignature(this.deps.repo, reportId)))
      throw new OperationOutcomeError(
        forbidden(
          `DiagnosticReport/${reportId} is ${set.report.status} without a valid clinician signature: not released`,
        ),
      );
    return view(set, false);
  }
}
