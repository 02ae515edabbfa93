import type { DiagnosticReport, Resource } from '@medplum/fhirtypes';
import type { Locale } from '@careloop/core';
import { conflict, invalid, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import { interpretCheckup, type CheckupInterpretation } from '@careloop/core/engines/checkup/index';
import type { Repository } from '../../store/repository';
import type { RequestContext } from '../context';
import { loadCheckup } from './intake-fhir';
import { loadReportSet, setResources } from './report-set';
import { isSigned } from './signing';
import type { CheckupDeps } from './sign-off';
import { guardCheckup } from '../access/checkup';
import { audited } from '../audit/audited';

/** What interpreting one checkup wrote. */
export interface InterpretResult {
  readonly reportId: string;
  readonly encounterId: string;
  readonly patientId: string;
  readonly findings: number;
  readonly urgent: number;
  /** True when an earlier unsigned report of this checkup was replaced. */
  readonly replaced: boolean;
}

export interface InterpretOptions {
  /** Language written first in single-language fields (default: the engine's, zh-CN). */
  readonly locale?: Locale;
}

/** A checkup interpreted in memory, checked, not yet stored. */
interface Prepared {
  readonly result: Omit<InterpretResult, 'replaced'>;
  readonly resources: readonly Resource[];
}

/** The engine's resources in write order (report first: the others point at it). */
function outputResources(out: CheckupInterpretation): Resource[] {
  const r = out.resources;
  return [r.report, ...r.detectedIssues, ...r.riskAssessments, r.composition, r.provenance];
}

/** Loads the checkup, runs the engine and validates its output (an invalid output is an engine defect: 400). */
async function prepare(deps: CheckupDeps, encounterId: string, options: InterpretOptions): Promise<Prepared> {
  const checkup = await loadCheckup(deps.repo, encounterId);
  const out = interpretCheckup({
    ...checkup,
    asOf: deps.clock().toISOString(),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const resources = outputResources(out);
  const problems = resources.flatMap((r) =>
    deps.repo.check(r).map((p) => ({ ...p, message: `${r.resourceType}/${r.id ?? ''}: ${p.message}` })),
  );
  if (problems.length) throw new OperationOutcomeError(invalid(problems));
  return {
    resources,
    result: {
      reportId: out.resources.report.id ?? '',
      encounterId,
      patientId: checkup.patient.id ?? '',
      findings: out.findings.length,
      urgent: out.findings.filter((f) => f.urgent).length,
    },
  };
}

/** Writes one prepared report inside the caller's transaction: 409 (nothing written) when the report is signed. */
async function write(tx: Repository, p: Prepared): Promise<InterpretResult> {
  const id = p.result.reportId;
  const existing = await tx.read<DiagnosticReport>('DiagnosticReport', id).catch(() => undefined);
  if (existing && isSigned(existing))
    throw new OperationOutcomeError(
      conflict(`DiagnosticReport/${id} is signed (${existing.status}); it is never overwritten: amend it`),
    );
  if (existing) {
    const keep = new Set(p.resources.map((r) => `${r.resourceType}/${r.id ?? ''}`));
    for (const r of setResources(await loadReportSet(tx, id)))
      if (!keep.has(`${r.resourceType}/${r.id ?? ''}`)) await tx.delete(r.resourceType, r.id ?? '');
  }
  await tx.upsertMany(p.resources);
  return { ...p.result, replaced: existing !== undefined };
}

/**
 * Interprets a stored checkup: loads the visit and the person's history, runs the checkup engine, and stores
 * its report, findings, risks, composition and Provenance in one transaction, all `preliminary`. Interpreting
 * again replaces an unsigned report (members it no longer has are deleted; history keeps them); a signed report
 * is never overwritten (409: amend it instead).
 */
export async function interpretStoredCheckup(
  ctx: RequestContext,
  deps: CheckupDeps,
  encounterId: string,
  options: InterpretOptions = {},
): Promise<InterpretResult> {
  const run = async (): Promise<InterpretResult> => {
    await guardCheckup(ctx, deps.repo, deps.clock(), 'interpret', { type: 'Encounter', id: encounterId });
    const prepared = await prepare(deps, encounterId, options);
    return deps.repo.withTransaction((tx) => write(tx, prepared));
  };
  if (!deps.audit) return run();
  const asked = { entities: [`Encounter/${encounterId}`], detail: 'interpret checkup' };
  return audited(deps.audit, ctx, 'create', asked, run, (r) => ({
    entities: [`Encounter/${encounterId}`, `DiagnosticReport/${r.reportId}`],
    patients: [r.patientId],
    detail: 'interpret checkup',
  }));
}

/** The outcome of one checkup in a batch. */
export type BatchOutcome =
  | { readonly encounterId: string; readonly ok: true; readonly result: InterpretResult }
  | { readonly encounterId: string; readonly ok: false; readonly error: OperationOutcomeError | Error };

export interface BatchOptions extends InterpretOptions {
  /** Checkups whose reports share one transaction (each report still lands whole or not at all); default 100. */
  readonly batchSize?: number;
  readonly onOutcome?: (outcome: BatchOutcome) => void;
}

function failed(encounterId: string, e: unknown): BatchOutcome {
  return { encounterId, ok: false, error: e instanceof Error ? e : new Error(String(e)) };
}

/**
 * Interprets many checkups (a day's batch): as `interpretStoredCheckup` each, but the reports of up to
 * `batchSize` checkups are committed together, which is several times faster on SQLite. A signed report or a
 * failing checkup is reported in its outcome and does not stop the others.
 */
export async function interpretCheckups(
  ctx: RequestContext,
  deps: CheckupDeps,
  encounterIds: readonly string[],
  options: BatchOptions = {},
): Promise<BatchOutcome[]> {
  const size = Math.max(1, options.batchSize ?? 100);
  const outcomes: BatchOutcome[] = [];
  const emit = (o: BatchOutcome) => {
    outcomes.push(o);
    options.onOutcome?.(o);
  };
  for (let i = 0; i < encounterIds.length; i += size) {
    const prepared: Prepared[] = [];
    for (const id of encounterIds.slice(i, i + size)) {
      try {
        await guardCheckup(ctx, deps.repo, deps.clock(), 'interpret', { type: 'Encounter', id });
        prepared.push(await prepare(deps, id, options));
      } catch (e) {
        emit(failed(id, e));
      }
    }
    let batch: BatchOutcome[];
    try {
      batch = await deps.repo.withTransaction(async (tx) => {
        const done: BatchOutcome[] = [];
        for (const p of prepared) {
          try {
            done.push({ encounterId: p.result.encounterId, ok: true, result: await write(tx, p) });
          } catch (e) {
            // only the signed-report refusal is raised before anything of this checkup is written
            if (!(e instanceof OperationOutcomeError && e.status === 409)) throw e;
            done.push(failed(p.result.encounterId, e));
          }
        }
        return done;
      });
    } catch {
      // A write failed mid-batch (rolled back): retry each checkup alone so one bad one cannot sink the rest.
      batch = [];
      for (const p of prepared) {
        try {
          batch.push({
            encounterId: p.result.encounterId,
            ok: true,
            result: await interpretStoredCheckup(ctx, deps, p.result.encounterId, options),
          });
        } catch (e) {
          batch.push(failed(p.result.encounterId, e));
        }
      }
    }
    for (const o of batch) emit(o);
  }
  return outcomes;
}
