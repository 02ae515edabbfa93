import type { Bundle } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../synth/random';
import { openTestApp, type TestApp } from '../testing/app';
import { signIn } from '../testing/auth';
import { backendsUnderTest } from '../testing/backends';
import { nextRequest, type FuzzRequest, type Known } from './fuzz/requests';
import { FUZZ_ORG } from './fuzz/valid';

/** Reproduce a run with CARELOOP_FUZZ_SEED=<seed> (printed at the start). */
const SEED = Number(process.env.CARELOOP_FUZZ_SEED ?? 20_261_128);
const TARGET = 10_000;
const BUDGET_MS = 300_000;
const CHECKPOINT = 1_000;

// The HTTP surface is what is fuzzed; SQLite is the embedded default (PostgreSQL runs the same code paths in the
// store contract suites).
const sqlite = backendsUnderTest.find((b) => b.name === 'sqlite')!;

class LiveSet implements Known {
  readonly live = new Map<string, true>();
  private readonly order: string[] = [];
  add(ref: string): void {
    if (!this.live.has(ref)) this.order.push(ref);
    this.live.set(ref, true);
  }
  remove(ref: string): void {
    this.live.delete(ref);
  }
  any(rng: Random, type?: string): string | undefined {
    for (let tries = 0; tries < 5 && this.order.length; tries++) {
      const ref = this.order[rng.int(0, this.order.length - 1)]!;
      if (this.live.has(ref) && (!type || ref.startsWith(`${type}/`))) return ref;
    }
    return undefined;
  }
}

/** Updates the live set from a successful response: created/updated resources in, deleted ones out. */
function track(live: LiveSet, req: FuzzRequest, status: number, body: string): void {
  if (status >= 300) return;
  if (req.method === 'DELETE') {
    const [, , type, id] = req.url.split('/');
    live.remove(`${type!}/${decodeURIComponent(id!)}`);
    return;
  }
  if (req.method !== 'POST' && req.method !== 'PUT') return;
  if (!req.url.startsWith('/fhir') || req.url.includes('_search')) return;
  const parsed = JSON.parse(body) as { resourceType?: string; id?: string; entry?: Bundle['entry'] };
  if (req.transaction) {
    for (const e of parsed.entry ?? []) {
      const m = /^([A-Za-z]+)\/([^/]+)/.exec(e.response?.location ?? '');
      if (m && /^20[01]/.test(e.response?.status ?? '')) live.add(`${m[1]!}/${m[2]!}`);
    }
  } else if (parsed.resourceType && parsed.id) live.add(`${parsed.resourceType}/${parsed.id}`);
}

describe('fuzzing /fhir and /api (SQLite)', () => {
  let t: TestApp;
  let clinician: { authorization: string };
  beforeAll(async () => {
    t = await openTestApp(sqlite, {
      // The fuzzer is one address sending thousands of requests a minute: no rate limit here (tested elsewhere).
      CARELOOP_RATE_LIMIT: '100000000',
      CARELOOP_AUTH_RATE_LIMIT: '100000000',
      CARELOOP_BODY_LIMIT: String(1024 * 1024),
    });
    clinician = await signIn(t, { role: 'clinician', organization: FUZZ_ORG, practitioner: 'pr-fuzz' });
  });
  afterAll(async () => t.close());

  const count = async () =>
    Number(
      (await t.store.backend.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM resources WHERE deleted = 0'))[0]!
        .n,
    );

  it(`sends ${TARGET} generated and mutated requests: no 5xx, OperationOutcome errors, no partial writes`, async () => {
    console.log(`fuzz seed ${SEED} (set CARELOOP_FUZZ_SEED to reproduce)`);
    const rng = new Random(SEED);
    const live = new LiveSet();
    const base = await count();
    const byStatus = new Map<number, number>();
    const timeByKind = new Map<string, number>();
    const failures: string[] = [];
    let sent = 0;
    let rejected = 0;
    let rejectedTransactions = 0;
    const started = Date.now();
    while (sent < TARGET && Date.now() - started < BUDGET_MS) {
      const req = nextRequest(rng, live);
      const anonymous = rng.chance(0.1);
      const t0 = performance.now();
      const res = await t.app.inject({
        method: req.method,
        url: req.url,
        headers: {
          ...(anonymous ? {} : clinician),
          ...(req.contentType ? { 'content-type': req.contentType } : {}),
        },
        ...(req.payload !== undefined ? { payload: req.payload } : {}),
      });
      sent++;
      timeByKind.set(req.kind, (timeByKind.get(req.kind) ?? 0) + performance.now() - t0);
      byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
      const what = `#${sent} ${req.kind} ${req.method} ${req.url.slice(0, 120)} -> ${res.statusCode}`;
      if (res.statusCode >= 500) failures.push(`${what} ${res.body.slice(0, 200)}`);
      if (res.statusCode >= 400) {
        if (req.mutated) rejected++;
        let resourceType: unknown;
        try {
          resourceType = (JSON.parse(res.body) as { resourceType?: unknown }).resourceType;
        } catch {
          resourceType = undefined;
        }
        if (resourceType !== 'OperationOutcome') failures.push(`${what}: error body is not an OperationOutcome`);
        if (/\bat .+:\d+:\d+|node_modules|SQLITE_|SqliteError/.test(res.body))
          failures.push(`${what}: internals leaked`);
      } else track(live, req, res.statusCode, res.body);
      if (req.transaction && res.statusCode >= 400) {
        rejectedTransactions++;
        const n = await count();
        if (n !== base + live.live.size)
          failures.push(`${what}: partial write (${n} rows, expected ${base + live.live.size})`);
      }
      if (sent % CHECKPOINT === 0) {
        expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
        expect(await count(), `rows at checkpoint ${sent}`).toBe(base + live.live.size);
      }
      if (failures.length >= 20) break;
    }
    const seconds = (Date.now() - started) / 1000;
    const statuses = [...byStatus.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}:${n}`);
    const ok = [...byStatus.entries()].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
    console.log(
      `fuzz: sent ${sent} in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s); 2xx ${ok}; by status ${statuses.join(' ')}; ` +
        `rejected inputs ${rejected}; rejected transactions ${rejectedTransactions}; live resources ${live.live.size}`,
    );
    console.log(
      `fuzz: seconds by kind ${[...timeByKind].map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}`).join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect(await count()).toBe(base + live.live.size);
    expect(ok).toBeGreaterThan(500);
    expect(sent).toBe(TARGET);
  }, 400_000);
});
