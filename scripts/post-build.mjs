#!/usr/bin/env node
// trunk post_build hook (see Trunk.toml). Runs after trunk has written the final HTML and
// assets to $TRUNK_STAGING_DIR and before that directory replaces dist/.
//
// 1. Checks that index.html has no inline style attribute, <style> element or inline event
//    handler (the CSP below forbids them): fails the build loudly if it does.
// 2. Copies the language packs (texts-<lang>-<hash>.json, written by build.rs into cargo's
//    OUT_DIR) that the wasm names next to it, and makes trunk's loader preload the reader's one.
// 3. Hashes every inline <script> (trunk's loader) and writes
//      csp.txt   the full Content-Security-Policy (with frame-ancestors) for the host's header
//      _headers  Netlify/Cloudflare Pages style header rules (CSP, caching)
//    and inserts <meta http-equiv="Content-Security-Policy"> (same policy minus
//    frame-ancestors, which browsers ignore in <meta>) at the top of <head>.
// 4. Generates sw.js: a versioned precache of every staged file, network-first navigations
//    with an offline fallback to the cached index.html, cache-first for other same-origin GETs.
//
// Manual use: node scripts/post-build.mjs [staging-dir]   (default: $TRUNK_STAGING_DIR)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync, copyFileSync } from 'node:fs';
import { join, relative, sep, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const STAGING = process.argv[2] || process.env.TRUNK_STAGING_DIR;
const PROFILE = process.env.TRUNK_PROFILE || 'release';
const PUBLIC_URL = process.env.TRUNK_PUBLIC_URL || '/';
const CACHE_PREFIX = 'ilmastoaskeleet-';

function fail(msg) {
  console.error(`\n[post-build] ERROR: ${msg}\n`);
  process.exit(1);
}
if (!STAGING) fail('TRUNK_STAGING_DIR is not set (run through trunk, or pass the directory as an argument)');

const indexPath = join(STAGING, 'index.html');
let html;
try {
  html = readFileSync(indexPath, 'utf8');
} catch (e) {
  fail(`cannot read ${indexPath}: ${e.message}`);
}

// ---------------------------------------------------------------- 1. inline style / handler check
// Look at markup only: blank out script bodies and comments first so their text cannot match.
const markup = html
  .replace(/<!--[\s\S]*?-->/g, '')
  .replace(/(<script\b[^>]*>)[\s\S]*?(<\/script\s*>)/gi, '$1$2');
const problems = [];
for (const m of markup.matchAll(/<style\b/gi)) problems.push(`<style> element at offset ${m.index}`);
for (const tag of markup.matchAll(/<[a-zA-Z][^>]*>/g)) {
  if (/\sstyle\s*=/i.test(tag[0])) problems.push(`inline style attribute: ${tag[0].slice(0, 120)}`);
  const handler = tag[0].match(/\s(on[a-z]+)\s*=/i);
  if (handler) problems.push(`inline event handler ${handler[1]}: ${tag[0].slice(0, 120)}`);
  if (/\s(?:href|src|action)\s*=\s*["']?\s*javascript:/i.test(tag[0])) problems.push(`javascript: URL: ${tag[0].slice(0, 120)}`);
}
if (problems.length) {
  fail(
    `index.html has inline styles or handlers, which the CSP (style-src 'self') blocks:\n  - ${problems.join('\n  - ')}\n` +
      `Move the styles into style/*.css (or use Leptos style:prop=, which goes through CSSOM).`,
  );
}

// ---------------------------------------------------------------- 2. language packs
// The wasm holds the exact (content-hashed) file names of the packs it will fetch. Find each in
// cargo's build output and copy it; fail if one is missing or does not match its hash.
const packFiles = {}; // lang -> file name
{
  const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const wasmFile = readdirSync(STAGING).find((f) => f.endsWith('.wasm'));
  if (!wasmFile) fail('no .wasm in the staging directory');
  const wasmText = readFileSync(join(STAGING, wasmFile)).toString('latin1');
  const wanted = [...new Set(wasmText.match(/texts-(?:fi|sv|en)-[0-9a-f]{16}\.json/g) ?? [])];
  if (wanted.length !== 3) fail(`expected the names of 3 language packs in ${wasmFile}, found ${wanted.length}`);
  const targetDir = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(REPO, 'target');
  const outDirs = [];
  const subdirs = (d) => { try { return readdirSync(d).map((n) => join(d, n)).filter((p) => statSync(p).isDirectory()); } catch { return []; } };
  // target/<triple>/<profile>/build/ilmastoaskeleet-*/out/packs
  for (const triple of subdirs(targetDir)) for (const profile of subdirs(triple)) for (const b of subdirs(join(profile, 'build'))) {
    if (/[\\/]ilmastoaskeleet-[0-9a-f]+$/.test(b) && existsSync(join(b, 'out', 'packs'))) outDirs.push(join(b, 'out', 'packs'));
  }
  const fnv1a64 = (buf) => { let h = 0xcbf29ce484222325n; for (const b of buf) { h ^= BigInt(b); h = (h * 0x100000001b3n) & 0xffffffffffffffffn; } return h.toString(16).padStart(16, '0'); };
  for (const name of wanted) {
    const src = outDirs.map((d) => join(d, name)).find((p) => existsSync(p));
    if (!src) fail(`language pack ${name} not found under ${targetDir}/*/*/build/ilmastoaskeleet-*/out/packs (set CARGO_TARGET_DIR if cargo builds elsewhere)`);
    const bytes = readFileSync(src);
    if (`${name.slice(9, 25)}` !== fnv1a64(bytes)) fail(`${src} does not match the hash in its name`);
    copyFileSync(src, join(STAGING, name));
    packFiles[name.slice(6, 8)] = name;
  }
  console.log(`[post-build] language packs: ${wanted.join(', ')}`);
}


// The app fetches its language pack only once the wasm runs. Start that download at once, next to
// the wasm's: the loader picks the language the way the app does (?lang=, else the one chosen
// last, else Finnish) and preloads that one pack. It goes into trunk's loader script, before the
// hashes are taken, so the page keeps a single hashed inline script.
{
  // (An earlier run's preload is replaced, so that manual re-runs on dist/ stay idempotent.)
  const loaderRe = /(<script type=["']?module["']?>)(?:\{const P=[^}]*\}[\s\S]*?document\.head\.append\(k\)\})?(import init)/;
  if (!loaderRe.test(html)) fail('trunk\'s loader <script type=module>import init… not found in index.html');
  const preload =
    `{const P=${JSON.stringify(packFiles)},g=(v)=>(v||'').trim().toLowerCase();` +
    `let q=g(new URLSearchParams(location.search).get('lang')),s='';` +
    `try{s=g(localStorage.getItem('ilmastoaskeleet.lang'))}catch(e){}` +
    `const l=P[q]?q:P[s]?s:'fi',k=document.createElement('link');` +
    `k.rel='preload';k.as='fetch';k.crossOrigin='anonymous';k.href='/'+P[l];document.head.append(k)}`;
  html = html.replace(loaderRe, `$1${preload}$2`);
}

// ---------------------------------------------------------------- 3. CSP
// Remove a CSP meta from an earlier run (manual re-runs on dist/ stay idempotent).
html = html.replace(/[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>\n?/i, '');

const scriptHashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
  const attrs = m[1];
  const body = m[2];
  if (/\ssrc\s*=/i.test(attrs)) continue; // external: covered by 'self'
  if (body.length === 0) continue;
  const h = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
  if (!scriptHashes.includes(h)) scriptHashes.push(h);
}
if (scriptHashes.length === 0) console.warn('[post-build] warning: no inline <script> found in index.html (trunk loader missing?)');

const directives = [
  ["default-src", "'self'"],
  ['script-src', ["'self'", "'wasm-unsafe-eval'", ...scriptHashes].join(' ')],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['manifest-src', "'self'"],
  ['worker-src', "'self'"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];
const policyMeta = directives.map(([k, v]) => `${k} ${v}`).join('; ');
// frame-ancestors only works as an HTTP header. '*' lets any municipal site embed the app.
const policyHeader = `${policyMeta}; frame-ancestors *`;

const meta = `<meta http-equiv="Content-Security-Policy" content="${policyMeta}">`;
// `trunk serve` stages its live-reload script with {{__TRUNK_ADDRESS__}} placeholders and fills
// them in while serving, so its hash cannot be known here: no <meta> CSP in that case (the
// release build, which the tests and deployments use, always gets it).
const servedByTrunk = /\{\{__TRUNK_[A-Z_]+__\}\}/.test(html);
if (servedByTrunk) {
  console.log('[post-build] trunk serve build (live reload): CSP <meta> left out; csp.txt/_headers still written');
} else if (/<meta\s+charset[^>]*>/i.test(html)) {
  // The meta element must come before any script: right after <meta charset> (or <head>).
  html = html.replace(/(<meta\s+charset[^>]*>)/i, `$1\n    ${meta}`);
} else if (/<head[^>]*>/i.test(html)) {
  html = html.replace(/(<head[^>]*>)/i, `$1\n    ${meta}`);
} else {
  fail('index.html has no <meta charset> or <head>');
}
// Inserting the meta must not change any script body: re-check the hashes against the new HTML.
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
  if (/\ssrc\s*=/i.test(m[1]) || m[2].length === 0) continue;
  const h = `'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`;
  if (!scriptHashes.includes(h)) fail('an inline script changed after hashing');
}
writeFileSync(indexPath, html);

// ---------------------------------------------------------------- file list
function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...walk(p));
    else out.push(relative(STAGING, p).split(sep).join('/'));
  }
  return out;
}
// Not part of the app: generated config and precompressed twins.
const NOT_SERVED = new Set(['sw.js', 'csp.txt', '_headers']);
const files = walk(STAGING).filter((f) => !NOT_SERVED.has(f) && !/\.(br|gz)$/.test(f) && !f.startsWith('.'));

// Hashed (immutable) assets: trunk's "<name>-<16 hex>.<ext>" and "<name>-<16 hex>_bg.wasm".
const isHashed = (f) => /-[0-9a-f]{8,16}(_bg)?\.[a-z0-9]+$/.test(f);

const headers = [
  '# Generated by scripts/post-build.mjs for Netlify / Cloudflare Pages style hosts.',
  '/*',
  `  Content-Security-Policy: ${policyHeader}`,
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: no-referrer',
  '  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  '  Cross-Origin-Opener-Policy: same-origin',
  '',
];
// Revalidate what has a stable URL; hashed files never change.
for (const f of ['/', '/index.html', '/sw.js']) headers.push(f, '  Cache-Control: no-cache', '');
headers.push('/manifest.webmanifest', '  Cache-Control: no-cache', '  Content-Type: application/manifest+json', '');
for (const f of files.filter(isHashed)) {
  headers.push(`/${f}`, '  Cache-Control: public, max-age=31536000, immutable', '');
}
writeFileSync(join(STAGING, 'csp.txt'), policyHeader + '\n');
writeFileSync(join(STAGING, '_headers'), headers.join('\n'));

// ---------------------------------------------------------------- 4. service worker
const versionHash = createHash('sha256');
for (const f of files) {
  versionHash.update(f + '\0');
  versionHash.update(readFileSync(join(STAGING, f)));
  versionHash.update('\0');
}
const version = versionHash.digest('hex').slice(0, 16);
// URLs relative to sw.js (which lives at the app root), so a deployment under a sub-path
// works too; "./" is the app root ("/" for the usual root deployment).
const precache = ['./', ...files.map((f) => (f === 'index.html' ? './index.html' : f))];

const sw = `// Generated by scripts/post-build.mjs (${PROFILE} build, public_url ${PUBLIC_URL}). Do not edit.
'use strict';
const VERSION = ${JSON.stringify(version)};
const PREFIX = ${JSON.stringify(CACHE_PREFIX)};
const CACHE = PREFIX + VERSION;
const PRECACHE = ${JSON.stringify(precache, null, 2)};
const INDEX_URL = new URL('./index.html', self.location).href;
const NAV_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the page asks for it (SKIP_WAITING).
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

async function fromCache(request, options) {
  const cache = await caches.open(CACHE);
  return cache.match(request, options);
}

// Navigations: network first (fresh index.html after a deploy), cached index.html when offline
// or when the network has not answered in NAV_TIMEOUT_MS, so deep links work offline too.
async function navigate(request) {
  const cached = fromCache(INDEX_URL);
  try {
    const network = fetch(request);
    network.catch(() => {}); // may reject after the timeout answered from the cache
    const timeout = new Promise((resolve) => setTimeout(resolve, NAV_TIMEOUT_MS));
    const first = await Promise.race([network, timeout.then(() => cached)]);
    const response = first || (await network);
    // A host without an SPA fallback answers deep links with 404: serve the app shell instead.
    if (response.status === 404) return (await cached) || response;
    return response;
  } catch (err) {
    const fallback = await cached;
    if (fallback) return fallback;
    throw err;
  }
}

// Other same-origin GETs: cache first; misses are fetched and kept in this version's cache.
async function cacheFirst(request) {
  const hit = await fromCache(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => {});
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request));
  } else {
    event.respondWith(cacheFirst(request));
  }
});
`;
writeFileSync(join(STAGING, 'sw.js'), sw);

console.log(
  `[post-build] ${PROFILE}: CSP with ${scriptHashes.length} script hash(es); sw.js cache ${CACHE_PREFIX}${version} precaching ${precache.length} URLs`,
);
