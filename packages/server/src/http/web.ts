import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

/** Where `npm run build:web` writes the clinician app. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export interface WebAppOptions {
  /** The built app (index.html + assets/); defaults to packages/web/dist. */
  readonly root?: string;
}

// Paths that belong to the APIs: an unknown one there is a 404 OperationOutcome, never the app's HTML.
const API_PREFIXES = ['/api', '/fhir', '/auth', '/.well-known', '/cds-services', '/healthz'];

const MISSING = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CareLoop web app not built</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;line-height:1.5">
<h1>The CareLoop web app has not been built</h1>
<p lang="zh-CN">网页应用尚未构建。请在项目根目录运行 <code>npm run build:web</code>，然后刷新本页。</p>
<p>Run <code>npm run build:web</code> in the project folder (or start with <code>npm start</code>, which builds it),
then reload this page. The FHIR API at <code>/fhir</code> and the app API at <code>/api</code> work meanwhile.</p>
</body></html>`;

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

/** A file of the build for a URL path, or undefined (never outside the root, never a folder). */
function fileFor(root: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const rel = normalize(decoded).replace(/^[/\\]+/, '');
  // No parent folders, and no dot-files (the build's .vite/manifest.json is for the bench, not for browsers).
  if (!rel || rel.includes('\0') || rel.split(/[/\\]/).some((part) => part.startsWith('.'))) return undefined;
  const full = join(root, rel);
  return existsSync(full) && statSync(full).isFile() ? rel : undefined;
}

function sendIndex(reply: FastifyReply): FastifyReply {
  // The HTML names the hashed assets of the current build: always revalidate it.
  return reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
}

/**
 * The clinician web app at `/`: built files from packages/web/dist (hashed assets cached for a year), index.html for
 * any other GET outside the APIs (single-page app), and a 503 page saying how to build it when the build is missing.
 */
export const webApp: FastifyPluginAsync<WebAppOptions> = async (app, options) => {
  const root = options.root ?? WEB_DIST;
  await app.register(fastifyStatic, { root, serve: false });
  app.get('/*', async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (isApiPath(path)) {
      reply.callNotFound();
      return reply;
    }
    if (!existsSync(join(root, 'index.html')))
      return reply.status(503).header('Retry-After', '30').type('text/html; charset=utf-8').send(MISSING);
    const file = path === '/' ? undefined : fileFor(root, path);
    if (file?.startsWith(`assets${sep}`) || file?.startsWith('assets/'))
      return reply
        .header('Cache-Control', 'public, max-age=31536000, immutable')
        .sendFile(file, { cacheControl: false });
    if (file && file !== 'index.html') return reply.sendFile(file);
    // A missing asset is a 404, not the app's HTML (a stale tab would otherwise parse HTML as JavaScript).
    if (path.startsWith('/assets/')) {
      reply.callNotFound();
      return reply;
    }
    return sendIndex(reply);
  });
};
