import type { Resource } from '@medplum/fhirtypes';
import { badRequest, OperationOutcomeError } from '@careloop/core/fhir/outcomes';
import type { Config } from '../../config/config';
import { r4ResourceTypes } from '../../fhir-definitions/resource-types';
import type { Backend } from '../../store/backend';
import type { AuditRecorder } from '../audit/recorder';
import type { RequestContext } from '../context';
import { authorizeExport } from '../access/export';
import { deidentify } from './deidentify';
import { DeidentifyKeys } from './keys';
import { NEVER_EXPORTED } from './safe-harbor';
import { deidentifySecret } from './secret';

export interface ExportRequest {
  /** Researchers may only ask for `true`. */
  readonly deidentify: boolean;
  /** Resource types to export; absent: every type in the store. */
  readonly types?: readonly string[];
  /** Only resources last updated at or after this instant. */
  readonly since?: Date;
}

export interface ExportDeps {
  readonly backend: Backend;
  readonly audit: AuditRecorder;
  readonly clock: () => Date;
  /** The R4 resource types (requests naming others are refused). */
  readonly resourceTypes: readonly string[];
  /** Resolves the de-identification secret (config, or the development setting); asked only when needed. */
  readonly secret: () => Promise<string>;
}

/** One NDJSON line of the export. */
export interface ExportLine {
  readonly type: string;
  readonly line: string;
}

export interface ExportRun {
  /** Types in export order and how many resources each has (before the stream starts: for progress bars). */
  readonly plan: readonly { readonly type: string; readonly count: number }[];
  /** The lines, type by type; the audit event (with the counts sent) is recorded when the stream ends. */
  lines(): AsyncGenerator<ExportLine>;
}

const PAGE = 500;

interface Row {
  res_id: string;
  content: string;
  patient_id: string | null;
}

/**
 * Bulk export of the store as NDJSON, type by type, identified (system only) or de-identified (Safe Harbor, see
 * `safe-harbor.ts`). Every export is authorised and leaves an AuditEvent with the types and counts.
 */
export class ExportService {
  constructor(private readonly deps: ExportDeps) {}

  async start(ctx: RequestContext, request: ExportRequest): Promise<ExportRun> {
    const query = describe(request);
    try {
      authorizeExport(ctx, request);
      this.checkTypes(request.types);
    } catch (err) {
      const refused = err instanceof OperationOutcomeError && (err.status === 401 || err.status === 403);
      await this.deps.audit.record(ctx, { kind: 'export', outcome: refused ? 'refused' : 'failed', query });
      throw err;
    }
    const keys = request.deidentify ? new DeidentifyKeys(await this.deps.secret()) : undefined;
    const plan = await this.plan(request);
    return { plan, lines: () => this.stream(ctx, request, plan, keys) };
  }

  private checkTypes(types: readonly string[] | undefined): void {
    for (const t of types ?? []) {
      if (!this.deps.resourceTypes.includes(t))
        throw new OperationOutcomeError(badRequest(`Unknown resource type "${t}"`, 'types'));
    }
  }

  private async plan(request: ExportRequest): Promise<{ type: string; count: number }[]> {
    const since = request.since?.getTime() ?? 0;
    const rows = await this.deps.backend.query<{ res_type: string; n: number | string }>(
      'SELECT res_type, COUNT(*) AS n FROM resources WHERE deleted = 0 AND lu_ms >= ? GROUP BY res_type',
      [since],
    );
    const counts = new Map(rows.map((r) => [r.res_type, Number(r.n)]));
    const wanted = request.types ?? [...counts.keys()];
    return [...new Set(wanted)]
      .filter((t) => !(request.deidentify && NEVER_EXPORTED.has(t)))
      .sort()
      .map((type) => ({ type, count: counts.get(type) ?? 0 }));
  }

  private async *stream(
    ctx: RequestContext,
    request: ExportRequest,
    plan: readonly { type: string }[],
    keys: DeidentifyKeys | undefined,
  ): AsyncGenerator<ExportLine> {
    const sent: Record<string, number> = {};
    let done = false;
    const now = this.deps.clock();
    try {
      for (const { type } of plan) {
        sent[type] = 0;
        for await (const row of this.rows(type, request.since)) {
          const line = keys
            ? JSON.stringify(deidentify(JSON.parse(row.content) as Resource, { keys, patientId: row.patient_id, now }))
            : row.content;
          sent[type]++;
          yield { type, line };
        }
      }
      done = true;
    } finally {
      const counts = Object.entries(sent).map(([t, n]) => `${t}=${n}`);
      await this.deps.audit.record(ctx, {
        kind: 'export',
        outcome: done ? 'success' : 'failed',
        query: describe(request),
        detail: `${request.deidentify ? 'de-identified' : 'identified'} export: ${counts.join(', ') || 'nothing'}`,
      });
    }
  }

  /** The current rows of one type in id order, a page at a time (keyset paging: constant memory). */
  private async *rows(type: string, since: Date | undefined): AsyncGenerator<Row> {
    let after = '';
    for (;;) {
      const page = await this.deps.backend.query<Row>(
        `SELECT res_id, content, patient_id FROM resources WHERE res_type = ? AND deleted = 0 AND lu_ms >= ? AND res_id > ?
         ORDER BY res_id LIMIT ${PAGE}`,
        [type, since?.getTime() ?? 0, after],
      );
      yield* page;
      if (page.length < PAGE) return;
      after = page[page.length - 1]!.res_id;
    }
  }
}

/** The export request as a query string, for the audit log. */
function describe(r: ExportRequest): string {
  const p = new URLSearchParams({ deidentify: String(r.deidentify) });
  if (r.types) p.set('types', r.types.join(','));
  if (r.since) p.set('since', r.since.toISOString());
  return p.toString();
}

/** The export service of a store: the de-identification secret from config, or kept in `settings` in development. */
export function openExportService(
  config: Config,
  backend: Backend,
  audit: AuditRecorder,
  clock: () => Date = () => new Date(),
): ExportService {
  let secret: Promise<string> | undefined;
  return new ExportService({
    backend,
    audit,
    clock,
    resourceTypes: r4ResourceTypes(),
    secret: () => (secret ??= deidentifySecret(config, backend)),
  });
}
