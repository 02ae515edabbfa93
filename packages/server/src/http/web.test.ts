import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandling } from './errors';
import { webApp } from './web';

async function appOn(root: string): Promise<FastifyInstance> {
  const app = Fastify();
  installErrorHandling(app);
  app.get('/api/ping', () => ({ ok: true }));
  await app.register(webApp, { root });
  return app;
}

describe('the web app at /', () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'careloop-web-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>CareLoop</title>');
    await writeFile(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    await mkdir(join(dir, '.vite'));
    await writeFile(join(dir, '.vite', 'manifest.json'), '{"index.html":{"file":"assets/index-abc.js"}}');
    app = await appOn(dir);
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for app paths, hashed assets with a long cache', async () => {
    const root = await app.inject({ url: '/' });
    expect([root.statusCode, root.headers['content-type'], root.headers['cache-control']]).toEqual([
      200,
      'text/html; charset=utf-8',
      'no-cache',
    ]);
    expect(root.body).toContain('<title>CareLoop</title>');
    expect((await app.inject({ url: '/patients/p1' })).body).toContain('<title>CareLoop</title>');
    const asset = await app.inject({ url: '/assets/index-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('answers 404 OperationOutcomes for unknown API paths and missing assets, never the HTML', async () => {
    for (const url of ['/api/nope', '/fhir/x/y/z/w', '/assets/gone.js', '/auth/x/y']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json<{ resourceType: string }>().resourceType).toBe('OperationOutcome');
    }
    expect((await app.inject({ url: '/api/ping' })).json()).toEqual({ ok: true });
  });

  it('never serves a file outside the build', async () => {
    const res = await app.inject({ url: '/..%2f..%2fetc%2fpasswd' });
    expect(res.body).not.toContain('root:');
    const manifest = await app.inject({ url: '/.vite/manifest.json' });
    expect(manifest.body).not.toContain('"file"');
  });

  it('says how to build the app when the build is missing (503)', async () => {
    const bare = await appOn(join(dir, 'missing'));
    const res = await bare.inject({ url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
    await bare.close();
  });
});
