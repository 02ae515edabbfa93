import { readFileSync } from 'node:fs';
import type { Bundle, BundleEntry, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { invalid, type Problem } from '@careloop/core/fhir/outcomes';
import type { Repository } from '../../store/repository';
import { isConditionalReference, rewriteReferences } from '../references';
import { streamBundle } from './bundle-stream';
import { ndjsonLines, type SourceFile } from './sources';
import { importId } from './stable-id';

/** A record that could not be imported, with why (written to the errors NDJSON). */
export interface Rejected {
  readonly file: string;
  /** `line 12` for NDJSON, `Bundle.entry[3]` for bundles. */
  readonly location: string;
  readonly resourceType?: string;
  readonly id?: string;
  readonly outcome: OperationOutcome;
}

export interface FileSummary {
  readonly file: string;
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportProgress {
  readonly bytes: number;
  readonly resources: number;
}

export interface ImportOptions {
  /** Resources per transaction: a crash loses at most the batch in flight, never leaves half of it. */
  readonly batchSize?: number;
  readonly onProgress?: (p: ImportProgress) => void;
  readonly onRejected?: (r: Rejected) => void;
  /** Bundle files larger than this (bytes) are streamed entry by entry in two passes instead of parsed whole. */
  readonly streamAbove?: number;
}

interface Pending {
  readonly resource: Resource;
  readonly location: string;
}

/** Bundle files above this size are streamed (two passes) rather than parsed whole. */
export const STREAM_ABOVE = 64 * 1024 * 1024;

/** Resources per transaction: large enough to amortise each commit's page writes, small enough to redo quickly. */
export const DEFAULT_BATCH_SIZE = 4000;

type Accept = (raw: unknown, location: string, refs: ReadonlyMap<string, string>, fullUrl?: string) => Promise<void>;

/** Bundle types whose entries are imported as separate resources (documents and messages are stored whole). */
const UNPACKED = new Set(['transaction', 'batch', 'collection', 'searchset', 'transaction-response', 'batch-response']);

/** Thrown inside one record's preparation when a conditional reference has no match yet (retried later). */
class Unresolved extends Error {}

/**
 * Streams FHIR Bundles and NDJSON into the store: stable ids (re-imports update, never duplicate), `urn:uuid:` and
 * conditional references resolved, each resource validated, good ones written in batched transactions, bad ones
 * reported with their OperationOutcome. Files whose conditional references point at records imported later in the
 * run (Synthea writes practitioners and hospitals to separate files) are re-run once at the end.
 */
export class Importer {
  private readonly batchSize: number;
  private readonly conditionalCache = new Map<string, string | null>();
  private bytes = 0;
  private resources = 0;

  constructor(
    private readonly repo: Repository,
    private readonly options: ImportOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  async importFiles(files: readonly SourceFile[]): Promise<FileSummary[]> {
    const summaries: FileSummary[] = [];
    const retry: SourceFile[] = [];
    for (const file of files) {
      const s = await this.importFile(file, false);
      summaries.push(s.summary);
      if (s.deferred) retry.push(file);
    }
    for (const file of retry) {
      this.conditionalCache.clear();
      const s = await this.importFile(file, true);
      const first = summaries.find((x) => x.file === file.path)!;
      first.created += s.summary.created;
      first.updated += s.summary.updated;
      first.rejected += s.summary.rejected;
    }
    return summaries;
  }

  private async importFile(
    file: SourceFile,
    lastChance: boolean,
  ): Promise<{ summary: FileSummary; deferred: boolean }> {
    const summary: FileSummary = { file: file.path, read: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
    let deferred = false;
    let batch: Pending[] = [];
    // A re-run reports only what it came back for: the other rejections were reported the first time.
    const report = (r: Rejected): void => {
      if (!lastChance) this.reject(summary, r);
    };
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const r = await this.repo.upsertMany(batch.map((p) => p.resource));
      summary.created += r.created;
      summary.updated += r.updated;
      summary.unchanged += r.unchanged;
      this.resources += batch.length;
      batch = [];
    };
    const accept: Accept = async (raw, location, refs, fullUrl) => {
      summary.read++;
      try {
        const prepared = await this.prepare(raw, fullUrl, refs);
        if ('resource' in prepared) batch.push({ resource: prepared.resource, location });
        else report({ file: file.path, location, ...describe(raw), outcome: invalid(prepared.problems) });
      } catch (e) {
        if (!(e instanceof Unresolved)) throw e;
        if (!lastChance) deferred = true;
        else
          this.reject(summary, {
            file: file.path,
            location,
            ...describe(raw),
            outcome: invalid([{ message: e.message, expression: location }]),
          });
      }
      if (batch.length >= this.batchSize) await flush();
    };
    if (file.format === 'ndjson') {
      for await (const { line, text, bytes } of ndjsonLines(file.path)) {
        this.bytes += bytes;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (e) {
          summary.read++;
          report({
            file: file.path,
            location: `line ${line}`,
            outcome: invalid([{ message: `Invalid JSON: ${(e as Error).message}` }]),
          });
          continue;
        }
        await this.importValue(value, `line ${line}`, summary, accept);
        this.options.onProgress?.({ bytes: this.bytes, resources: this.resources + batch.length });
      }
    } else {
      await this.importJsonFile(file, summary, accept, report);
    }
    await flush();
    this.options.onProgress?.({ bytes: this.bytes, resources: this.resources });
    return { summary, deferred };
  }

  private async importJsonFile(
    file: SourceFile,
    summary: FileSummary,
    accept: Accept,
    report: (r: Rejected) => void,
  ): Promise<void> {
    if (file.bytes > (this.options.streamAbove ?? STREAM_ABOVE)) {
      const streamed = await this.importStreamedBundle(file, summary, accept, report);
      if (streamed) return;
    }
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file.path, 'utf8'));
    } catch (e) {
      summary.read++;
      report({
        file: file.path,
        location: 'file',
        outcome: invalid([{ message: `Invalid JSON: ${(e as Error).message}` }]),
      });
      return;
    } finally {
      this.bytes += file.bytes;
    }
    await this.importValue(value, 'file', summary, accept);
  }

  /** A resource, or a transaction/batch/collection Bundle whose entries are imported one by one. */
  private async importValue(value: unknown, location: string, summary: FileSummary, accept: Accept): Promise<void> {
    const bundle = value as Bundle;
    if (bundle?.resourceType !== 'Bundle' || !UNPACKED.has(bundle.type ?? '')) {
      await accept(value, location, new Map());
      return;
    }
    const entries = bundle.entry ?? [];
    await this.importEntries(
      // eslint-disable-next-line @typescript-eslint/require-await -- the same shape as the streamed entries
      async function* () {
        yield* entries;
      },
      location === 'file' ? 'Bundle' : `${location}: Bundle`,
      summary,
      accept,
    );
  }

  /**
   * A large Bundle file, streamed twice (ids and references first, then the entries) so memory is bounded by one
   * entry. False when the file turns out not to be a Bundle whose entries are imported (then it is read whole).
   */
  private async importStreamedBundle(
    file: SourceFile,
    summary: FileSummary,
    accept: Accept,
    report: (r: Rejected) => void,
  ): Promise<boolean> {
    const head: Record<string, unknown> = {};
    let secondPass = false;
    const entries = async function* (): AsyncGenerator<BundleEntry | null> {
      let i = 0;
      for await (const part of streamBundle(file.path)) {
        if ('key' in part) {
          head[part.key] = part.value;
          continue;
        }
        try {
          yield JSON.parse(part.entry) as BundleEntry;
        } catch (e) {
          // Reported once, on the first pass; both passes skip it.
          if (!secondPass) {
            summary.read++;
            report({
              file: file.path,
              location: `Bundle.entry[${i}]`,
              outcome: invalid([{ message: `Invalid JSON: ${(e as Error).message}` }]),
            });
          }
          yield null;
        }
        i++;
      }
    };
    // Read the head first (usually the first bytes); a non-Bundle falls back to the whole-file path.
    for await (const part of streamBundle(file.path)) {
      if ('key' in part) head[part.key] = part.value;
      else break;
    }
    if (head.resourceType !== 'Bundle' || !UNPACKED.has(String(head.type))) return false;
    this.bytes += file.bytes;
    await this.importEntries(entries, 'Bundle', summary, accept, () => {
      secondPass = true;
    });
    return true;
  }

  /** Two passes over a Bundle's entries: assign ids and resolve conditional creates, then import each entry. */
  private async importEntries(
    entries: () => AsyncIterable<BundleEntry | null>,
    prefix: string,
    summary: FileSummary,
    accept: Accept,
    afterFirstPass?: () => void,
  ): Promise<void> {
    const refs = new Map<string, string>();
    const skip = new Set<number>();
    let i = 0;
    for await (const entry of entries()) {
      const index = i++;
      const r = entry?.resource;
      if (!r || typeof r !== 'object' || typeof r.resourceType !== 'string') continue;
      const ifNoneExist = entry?.request?.ifNoneExist;
      let id = importId(r, entry?.fullUrl);
      if (ifNoneExist) {
        // Conditional create: an existing match is used as is, and the entry is not written again.
        const found = await this.resolveConditional(`${r.resourceType}?${ifNoneExist}`);
        if (found) {
          id = found.split('/')[1]!;
          skip.add(index);
        }
      }
      if (entry?.fullUrl) refs.set(entry.fullUrl, `${r.resourceType}/${id}`);
    }
    afterFirstPass?.();
    i = 0;
    for await (const entry of entries()) {
      const index = i++;
      if (!entry) continue;
      if (skip.has(index)) {
        summary.read++;
        summary.unchanged++;
        continue;
      }
      if (entry.request?.method === 'DELETE' || entry.request?.method === 'GET') continue;
      await accept(entry.resource, `${prefix}.entry[${index}]`, refs, entry.fullUrl);
    }
  }

  private async resolveConditional(reference: string): Promise<string | undefined> {
    if (this.conditionalCache.has(reference)) return this.conditionalCache.get(reference) ?? undefined;
    const [type = '', query = ''] = reference.split('?');
    let found: string | null = null;
    try {
      const matches = await this.repo.conditionalMatches(type, query);
      if (matches.length === 1) found = `${type}/${matches[0]!.id!}`;
    } catch {
      found = null;
    }
    if (found) this.conditionalCache.set(reference, found);
    return found ?? undefined;
  }

  /** The resource ready to write (id assigned, references resolved), or the problems that reject it. */
  private async prepare(
    raw: unknown,
    fullUrl: string | undefined,
    refs: ReadonlyMap<string, string>,
  ): Promise<{ resource: Resource } | { problems: Problem[] }> {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return { problems: [{ message: 'Not a FHIR resource: expected a JSON object' }] };
    const type = (raw as { resourceType?: unknown }).resourceType;
    if (typeof type !== 'string' || !this.repo.registry.resourceTypes.includes(type)) {
      return {
        problems: [{ message: `Unknown or missing resourceType ${JSON.stringify(type)}`, expression: 'resourceType' }],
      };
    }
    let resource = { ...(raw as Resource), id: importId(raw as Resource, fullUrl) };
    const conditional: string[] = [];
    const unknown: string[] = [];
    rewriteReferences(resource, (r) => {
      if (isConditionalReference(r)) conditional.push(r);
      else if (r.startsWith('urn:uuid:') && !refs.has(r)) unknown.push(r);
      return r;
    });
    const resolved = new Map<string, string>();
    for (const r of conditional) {
      const target = await this.resolveConditional(r);
      if (!target) throw new Unresolved(`Conditional reference ${r} matches no single resource`);
      resolved.set(r, target);
    }
    if (refs.size || resolved.size)
      resource = rewriteReferences(resource, (r) => refs.get(r) ?? resolved.get(r) ?? r) as typeof resource;
    const problems: Problem[] = [
      ...unknown.map((u) => ({
        message: `Reference ${u} is not in this bundle`,
        expression: resource.resourceType,
      })),
      ...this.repo.check(resource),
    ];
    return problems.length ? { problems } : { resource };
  }

  private reject(summary: FileSummary, r: Rejected): void {
    summary.rejected++;
    this.options.onRejected?.(r);
  }
}

function describe(raw: unknown): { resourceType?: string; id?: string } {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as { resourceType?: unknown; id?: unknown };
  return {
    ...(typeof r.resourceType === 'string' ? { resourceType: r.resourceType } : {}),
    ...(typeof r.id === 'string' ? { id: r.id } : {}),
  };
}
