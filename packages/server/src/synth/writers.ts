import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';

/** Output layouts of `careloop synth`. */
export const SYNTH_FORMATS = ['ndjson', 'bundle'] as const;
export type SynthFormat = (typeof SYNTH_FORMATS)[number];

/** Where a population goes, one person (a list of resources) at a time. */
export interface PopulationWriter {
  /** Adds one person's resources; resolves when the output can take more (stream backpressure). */
  write(resources: readonly Resource[]): Promise<void>;
  /** Flushes and closes every file; returns the files written. */
  close(): Promise<readonly string[]>;
}

/** Bytes buffered per file before a write to the stream. */
const CHUNK_BYTES = 1 << 20;

/**
 * One append-only text file: lines are UTF-8 encoded straight into a 1 MiB buffer (no string joins), which goes to
 * the write stream when full; the caller awaits the returned promise when the stream signals backpressure.
 */
class BufferedFile {
  private readonly stream: WriteStream;
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
  }

  /** Appends a line; returns a promise to await when the stream asked us to wait. */
  add(line: string): Promise<void> | undefined {
    // A UTF-16 code unit takes at most 3 UTF-8 bytes.
    const worst = line.length * 3 + 1;
    let wait: Promise<void> | undefined;
    if (this.used + worst > this.buf.length) {
      wait = this.flush();
      if (worst > this.buf.length) this.buf = Buffer.allocUnsafe(worst);
    }
    this.used += this.buf.write(line, this.used, 'utf8');
    this.buf[this.used++] = 10;
    return wait;
  }

  flush(): Promise<void> | undefined {
    if (this.used === 0) return undefined;
    const chunk = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, this.buf.length));
    this.used = 0;
    return this.stream.write(chunk) ? undefined : once(this.stream, 'drain').then(() => undefined);
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(resolve);
    });
  }
}

/** Bulk-data style output: one `<ResourceType>.ndjson` file per type, one resource per line. */
export function ndjsonWriter(dir: string): PopulationWriter {
  const files = new Map<string, BufferedFile>();
  const fileFor = (type: string): BufferedFile => {
    let f = files.get(type);
    if (!f) {
      f = new BufferedFile(join(dir, `${type}.ndjson`));
      files.set(type, f);
    }
    return f;
  };
  return {
    async write(resources) {
      for (const r of resources) {
        const wait = fileFor(r.resourceType).add(JSON.stringify(r));
        if (wait) await wait;
      }
    },
    async close() {
      for (const f of files.values()) await f.close();
      return [...files.values()].map((f) => f.path).sort();
    },
  };
}

/** A transaction Bundle that PUTs each resource at its stable id (idempotent: loading twice changes nothing). */
export function transactionBundle(resources: readonly Resource[]): Bundle {
  const entry: BundleEntry[] = resources.map((resource) => ({
    resource,
    request: { method: 'PUT', url: `${resource.resourceType}/${resource.id ?? ''}` },
  }));
  return { resourceType: 'Bundle', type: 'transaction', entry };
}

/** One transaction Bundle per person, one per line of `Bundle.ndjson` (the shared resources' Bundle first). */
export function bundleWriter(dir: string): PopulationWriter {
  const file = new BufferedFile(join(dir, 'Bundle.ndjson'));
  return {
    async write(resources) {
      const wait = file.add(JSON.stringify(transactionBundle(resources)));
      if (wait) await wait;
    },
    async close() {
      await file.close();
      return [file.path];
    },
  };
}

/** The writer for a format. */
export function writerFor(format: SynthFormat, dir: string): PopulationWriter {
  return format === 'ndjson' ? ndjsonWriter(dir) : bundleWriter(dir);
}
