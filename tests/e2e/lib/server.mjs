// A tiny static server for the built app (dist/) on 127.0.0.1, for the browser tests and the
// benchmark. Behaves like the production host:
//   - correct MIME types (application/wasm, application/manifest+json, …)
//   - sends the production security headers, from the same description as deploy/nginx.conf and
//     dist/_headers (dist/headers.json through scripts/headers.mjs): HSTS, the CSP (the full app
//     with frame-ancestors 'none' and X-Frame-Options: DENY, /embed.html with its allow-list),
//     CORS on the host scripts, nosniff, referrer, permissions and opener policies
//   - SPA fallback: unknown paths without a file extension (deep links) get index.html
//   - hashed assets are cacheable, index.html / sw.js / manifest are no-cache
//
//   import { startServer } from './lib/server.mjs';
//   const app = await startServer();                 // dist/ on a free port
//   app.url        // 'http://127.0.0.1:PORT/'
//   app.origin     // 'http://127.0.0.1:PORT'
//   app.requests   // [{method, path, status}] every request served, in order
//   await app.close();
//
// Options: { root = <repo>/dist, port = 0 (free port), host = '127.0.0.1',
//            compress = false (true: brotli -11 like the production host, for clients that
//            accept it; the benchmark uses it so that Lighthouse sees real transfer sizes),
//            csp = true | false | 'policy string' (false: none of the security headers, e.g.
//            for a host page; a string replaces the CSP), headers = {extra response headers},
//            spa = true, handler = (req, res, url) => boolean  (return true when handled),
//            log = false }
// A second server on another port is a different origin: use one with `handler` (or a `root`
// of fixtures) as the embedding host page in embed tests; see hostPage() below.
import { createServer } from 'node:http';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { readFileSync, existsSync, statSync, createReadStream, readdirSync } from 'node:fs';
import { join, normalize, resolve, extname, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
// What the production host serves compressed (scripts/deploy.sh precompresses these).
import { COMPRESSIBLE } from '../../../scripts/precompress.mjs';
// The production response headers (one description for nginx, _headers and this server).
import { securityHeaders } from '../../../scripts/headers.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// DIST_DIR overrides where the built app is (default: <repo>/dist).
export const DIST = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(REPO_ROOT, 'dist');

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z0-9]+$/;
const brCache = new Map(); // file -> { mtimeMs, body }
function brotli(file) {
  const mtimeMs = statSync(file).mtimeMs;
  const hit = brCache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.body;
  const body = brotliCompressSync(readFileSync(file), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } });
  brCache.set(file, { mtimeMs, body });
  return body;
}

// Read on every request, so that header and index.html stay in step when dist/ is rebuilt
// while the server runs.
function readCsp(root, csp, warn = false) {
  if (csp === false) return null;
  if (typeof csp === 'string') return csp;
  const f = join(root, 'csp.txt');
  if (!existsSync(f)) {
    if (warn) console.warn(`[server] warning: ${f} missing; serving without a CSP header`);
    return null;
  }
  return readFileSync(f, 'utf8').trim();
}

// dist/headers.json, read on every request like csp.txt; null without one (then only the CSP).
function readSpec(root) {
  const f = join(root, 'headers.json');
  return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null;
}

/** Start the server; resolves when it listens. */
export async function startServer(options = {}) {
  const root = resolve(options.root ?? DIST);
  const host = options.host ?? '127.0.0.1';
  const spa = options.spa ?? true;
  const extraHeaders = options.headers ?? {};
  if (!existsSync(root)) throw new Error(`[server] ${root} does not exist (run trunk build --release first)`);
  const cspOption = options.csp ?? true;
  readCsp(root, cspOption, true);
  const requests = [];
  // Compress up front (a few seconds for the wasm at -11), so that no request waits for it.
  if (options.compress) {
    const walk = (d) =>
      readdirSync(d).forEach((n) => {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (COMPRESSIBLE.has(extname(p).toLowerCase())) brotli(p);
      });
    walk(root);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url, `http://${req.headers.host || host}`);
    const entry = { method: req.method, path: url.pathname + url.search, status: 0 };
    requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
      if (options.log) console.log(`[server] ${req.method} ${entry.path} ${res.statusCode}`);
    });
    for (const [k, v] of Object.entries(extraHeaders)) res.setHeader(k, v);

    if (options.handler && options.handler(req, res, url)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }

    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      // Deep link (no extension) -> the app shell; a missing asset stays a 404.
      if (spa && extname(pathname) === '') file = join(root, 'index.html');
      else {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
    }

    const ext = extname(file).toLowerCase();
    const headers = {
      'Content-Type': MIME[ext] || 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (cspOption !== false) {
      // As nginx: by the requested path (a deep link gets the full app's headers with index.html).
      const spec = readSpec(root);
      if (spec) Object.assign(headers, securityHeaders(spec, pathname));
      if (typeof cspOption === 'string' || !spec) {
        const csp = readCsp(root, cspOption);
        if (csp) headers['Content-Security-Policy'] = csp;
      }
    }
    if (options.compress && COMPRESSIBLE.has(ext)) {
      headers['Vary'] = 'Accept-Encoding';
      if (/\bbr\b/.test(req.headers['accept-encoding'] || '')) {
        const body = brotli(file);
        headers['Content-Encoding'] = 'br';
        headers['Content-Length'] = body.length;
        res.writeHead(200, headers);
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, ok);
  });
  const port = server.address().port;
  const origin = `http://${host}:${port}`;
  return {
    server,
    port,
    origin,
    url: `${origin}/`,
    root,
    get csp() {
      return readCsp(root, cspOption);
    },
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

/**
 * HTML of a host page (e.g. a municipality's site) that embeds the app with embed.js.
 * Serve it from a second server: startServer({ handler: (req, res, url) => url.pathname === '/'
 *   && (res.writeHead(200, {'Content-Type': 'text/html'}), res.end(hostPage(app.origin)), true) })
 */
export function hostPage(appOrigin, attrs = { kunta: '091', lang: 'fi' }, { before = '', after = '' } = {}) {
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const data = Object.entries(attrs)
    .map(([k, v]) => ` data-${k}="${esc(v)}"`)
    .join('');
  return `<!DOCTYPE html>
<html lang="fi"><head><meta charset="utf-8"><title>Kunnan sivu</title><link rel="icon" href="data:,"></head>
<body>
<h1>Kunnan yrityspalvelut</h1>
${before}
<div id="embed" data-ilmastoaskeleet${data}><a href="${esc(appOrigin)}/">Avaa Ilmastoaskeleet</a></div>
${after}
<script src="${esc(appOrigin)}/embed.js"></script>
</body></html>`;
}

// `node tests/e2e/lib/server.mjs [port] [root]` serves dist/ by hand (Ctrl-C to stop).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = await startServer({ port: Number(process.argv[2] || 8081), root: process.argv[3], log: true });
  console.log(`serving ${s.root} on ${s.url}${s.csp ? ' with CSP' : ''}`);
}
