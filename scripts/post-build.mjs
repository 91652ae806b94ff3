#!/usr/bin/env node
// trunk post_build hook (see Trunk.toml). Runs after trunk has written the final HTML and
// assets to $TRUNK_STAGING_DIR and before that directory replaces dist/.
//
// 1. Checks that index.html has no inline style attribute, <style> element or inline event
//    handler (the CSP below forbids them): fails the build loudly if it does.
// 2. Copies the language packs (texts-<lang>-<hash>.json and texts-<lang>-more-<hash>.json,
//    written by build.rs into cargo's OUT_DIR) that the wasm names next to it, and makes trunk's
//    loader preload the reader's first pack.
// 3. Writes embed-<hash>.js (the host script under a content-hashed name, for pinning with
//    Subresource Integrity) and a <meta> with its name and sha384 for the /kunnille snippet.
// 4. Writes embed.html, the only document that may be framed (see docs/security.md).
// 5. Hashes every inline <script> of both documents and writes
//      headers.json  the one description of the response headers (scripts/headers.mjs)
//      csp.txt       the full app's Content-Security-Policy header (frame-ancestors 'none')
//      _headers      Netlify/Cloudflare Pages style header rules (CSP, framing, caching)
//    and inserts <meta http-equiv="Content-Security-Policy"> (the policy minus frame-ancestors,
//    which browsers ignore in <meta>) at the top of both documents' <head>.
// 6. Generates sw.js: a versioned precache of every staged file; it answers only precached URLs
//    (from the cache) and navigations (network first, the cached app shell offline), and stores
//    nothing else.
//
// EMBED_ORIGINS="https://www.kunta.fi https://…" limits who may frame the embed entry (default:
// any site); the app's own origin is always allowed (the preview on /kunnille).
// Manual use: node scripts/post-build.mjs [staging-dir]   (default: $TRUNK_STAGING_DIR)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync, copyFileSync, rmSync } from 'node:fs';
import { join, relative, sep, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedFrameAncestors, appPolicy, netlifyHeaders } from './headers.mjs';

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
  // Two packs per language: texts-<lang>-<hash>.json (loaded before the app paints) and
  // texts-<lang>-more-<hash>.json (the rest, loaded right after).
  const wanted = [...new Set(wasmText.match(/texts-(?:fi|sv|en)-(?:more-)?[0-9a-f]{16}\.json/g) ?? [])];
  if (wanted.length !== 6) fail(`expected the names of 6 language packs in ${wasmFile}, found ${wanted.length}`);
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
    const [, lang, more, hash] = name.match(/^texts-([a-z]{2})-(more-)?([0-9a-f]{16})\.json$/);
    if (hash !== fnv1a64(bytes)) fail(`${src} does not match the hash in its name`);
    copyFileSync(src, join(STAGING, name));
    // Only the first pack is preloaded: the second must not compete with the wasm.
    if (!more) packFiles[lang] = name;
  }
  console.log(`[post-build] language packs: ${wanted.join(', ')}`);
}


// The app fetches its language pack only once the wasm runs. Start that download at once, next to
// the wasm's: the loader picks the language the way the app does (?lang=, else the one chosen
// last, else Finnish) and preloads that one pack. It goes into trunk's loader script, before the
// hashes are taken, so the page keeps a single hashed inline script. The pack table has no
// prototype, so ?lang=constructor or __proto__ finds nothing.
// (An earlier run's preload is replaced, so that manual re-runs on dist/ stay idempotent.)
const loaderRe = /(<script type=["']?module["']?>)(?:\{const P=[^}]*\}[\s\S]*?document\.head\.append\(k\)\})?(import init)/;
if (!loaderRe.test(html)) fail('trunk\'s loader <script type=module>import init… not found in index.html');
const preload =
  `{const P={__proto__:null,${Object.entries(packFiles).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}},` +
  `g=(v)=>(v||'').trim().toLowerCase();` +
  `let q=g(new URLSearchParams(location.search).get('lang')),s='';` +
  `try{s=g(localStorage.getItem('ilmastoaskeleet.lang'))}catch(e){}` +
  `const l=P[q]?q:P[s]?s:'fi',k=document.createElement('link');` +
  `k.rel='preload';k.as='fetch';k.crossOrigin='anonymous';k.href=${JSON.stringify(PUBLIC_URL)}+P[l];document.head.append(k)}`;
html = html.replace(loaderRe, `$1${preload}$2`);

// ---------------------------------------------------------------- 3. the pinnable host script
// embed.js keeps its stable name (existing snippets); embed-<hash>.js is the same bytes under a
// content-hashed, immutable name that a host page can pin with Subresource Integrity. The app
// reads name and integrity from a <meta> for the snippet on /kunnille.
const EMBED_META_RE = /<meta name="ilmastoaskeleet:embed-script"[^>]*>/gi;
html = html.replace(EMBED_META_RE, '');
let hostScript = null;
{
  const src = join(STAGING, 'embed.js');
  if (!existsSync(src)) fail('embed.js missing from the staging directory (public/embed.js)');
  for (const f of readdirSync(STAGING)) if (/^embed-[0-9a-f]{16}\.js$/.test(f)) rmSync(join(STAGING, f));
  const bytes = readFileSync(src);
  const name = `embed-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.js`;
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  writeFileSync(join(STAGING, name), bytes);
  hostScript = { name, integrity };
  const meta = `<meta name="ilmastoaskeleet:embed-script" content="${PUBLIC_URL}${name}" data-integrity="${integrity}">`;
  html = html.replace(/(<\/head>)/i, `${meta}$1`);
  console.log(`[post-build] host script ${name} (${integrity})`);
}

// ---------------------------------------------------------------- 4. the embed entry
// embed.html is the one document that may be framed (its own frame-ancestors; the full app
// refuses every frame). Its loader first puts the app's own address back (the router knows "/"
// and its pages, not /embed.html), always with ?embed=1 and without a #fragment: a share link
// cannot be offered for import inside someone else's page. The reload of a framed page therefore
// asks for "/?embed=1…", which refuses to be framed; the app sends itself back to /embed.html
// when it reloads for an update, and a user can reload the host page.
const EMBED_PAGE = 'embed.html';
const embedRewrite =
  `{const u=new URLSearchParams(location.search);u.set('embed','1');` +
  `history.replaceState(null,'',${JSON.stringify(PUBLIC_URL)}+'?'+u)}`;
let embedHtml = html.replace(/(<script type=["']?module["']?>)/, `$1${embedRewrite}`);
if (embedHtml === html) fail('could not write the embed entry\'s loader');

// ---------------------------------------------------------------- 5. CSP
// Remove a CSP meta from an earlier run (manual re-runs on dist/ stay idempotent).
const CSP_META_RE = /\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i;
html = html.replace(CSP_META_RE, '');
embedHtml = embedHtml.replace(CSP_META_RE, '');

const inlineHashes = (text) => {
  const out = [];
  for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\ssrc\s*=/i.test(m[1]) || m[2].length === 0) continue; // external: covered by 'self'
    out.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  return out;
};
// One policy for both documents (so meta, header and _headers stay one text): both loaders.
const scriptHashes = [...new Set([...inlineHashes(html), ...inlineHashes(embedHtml)])];
if (scriptHashes.length === 0) console.warn('[post-build] warning: no inline <script> found in index.html (trunk loader missing?)');

const directives = [
  ['default-src', "'self'"],
  ['script-src', ["'self'", "'wasm-unsafe-eval'", ...scriptHashes].join(' ')],
  ['style-src', "'self'"],
  ['img-src', "'self'"],
  ['connect-src', "'self'"],
  ['manifest-src', "'self'"],
  ['worker-src', "'self'"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  // No <base>, and no form is ever sent (every form's submit handler prevents it).
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];
const policyMeta = directives.map(([k, v]) => `${k} ${v}`).join('; ');
let frameAncestorsEmbed;
try {
  frameAncestorsEmbed = embedFrameAncestors(process.env.EMBED_ORIGINS);
} catch (e) {
  fail(e.message);
}
const spec = {
  policy: policyMeta,
  frameAncestorsEmbed,
  embedPages: [`${PUBLIC_URL}${EMBED_PAGE}`],
  hostScripts: [`${PUBLIC_URL}embed.js`, `${PUBLIC_URL}${hostScript.name}`],
};

const meta = `<meta http-equiv="Content-Security-Policy" content="${policyMeta}">`;
// `trunk serve` stages its live-reload script with {{__TRUNK_ADDRESS__}} placeholders and fills
// them in while serving, so its hash cannot be known here: no <meta> CSP in that case (the
// release build, which the tests and deployments use, always gets it).
const servedByTrunk = /\{\{__TRUNK_[A-Z_]+__\}\}/.test(html);
const withMeta = (text) => {
  if (/<meta\s+charset[^>]*>/i.test(text)) return text.replace(/(<meta\s+charset[^>]*>)/i, `$1\n    ${meta}`);
  if (/<head[^>]*>/i.test(text)) return text.replace(/(<head[^>]*>)/i, `$1\n    ${meta}`);
  fail('index.html has no <meta charset> or <head>');
};
if (servedByTrunk) {
  console.log('[post-build] trunk serve build (live reload): CSP <meta> left out; csp.txt/_headers still written');
} else {
  // The meta element must come before any script: right after <meta charset> (or <head>).
  html = withMeta(html);
  embedHtml = withMeta(embedHtml);
}
// Inserting the meta must not change any script body: re-check the hashes against the new HTML.
for (const h of [...inlineHashes(html), ...inlineHashes(embedHtml)]) {
  if (!scriptHashes.includes(h)) fail('an inline script changed after hashing');
}
writeFileSync(indexPath, html);
writeFileSync(join(STAGING, EMBED_PAGE), embedHtml);

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
const NOT_SERVED = new Set(['sw.js', 'csp.txt', '_headers', 'headers.json']);
const files = walk(STAGING).filter((f) => !NOT_SERVED.has(f) && !/\.(br|gz)$/.test(f) && !f.startsWith('.'));

// Hashed (immutable) assets: trunk's "<name>-<16 hex>.<ext>" and "<name>-<16 hex>_bg.wasm".
const isHashed = (f) => /-[0-9a-f]{8,16}(_bg)?\.[a-z0-9]+$/.test(f);

// headers.json is the one description of the response headers (scripts/headers.mjs derives the
// nginx snippets, _headers and the test server's headers from it); csp.txt is the full app's CSP.
writeFileSync(join(STAGING, 'headers.json'), JSON.stringify(spec, null, 2) + '\n');
writeFileSync(join(STAGING, 'csp.txt'), appPolicy(spec) + '\n');
writeFileSync(join(STAGING, '_headers'), netlifyHeaders(spec, files.filter(isHashed)));

// ---------------------------------------------------------------- 6. service worker
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
// The absolute URLs this worker answers from its cache; every other request goes to the network
// untouched and is never stored (an unknown path must not become a cached copy of the app shell).
const PRECACHED = new Set(PRECACHE.map((u) => new URL(u, self.location).href));
const INDEX_URL = new URL('./index.html', self.location).href;
// The embed entry has its own shell: it is the one document that may be framed.
const EMBED_URL = new URL(${JSON.stringify('./' + EMBED_PAGE)}, self.location).href;
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

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  return cache.match(request);
}

// Navigations: network first (fresh HTML after a deploy), the cached shell when offline or when
// the network has not answered in NAV_TIMEOUT_MS, so deep links work offline too. The shell is
// the embed entry for /embed.html and index.html for everything else.
async function navigate(request, url) {
  const cached = fromCache(url.origin + url.pathname === EMBED_URL ? EMBED_URL : INDEX_URL);
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

// A precached file: from the cache (the network only if the cache lost it; nothing is stored).
async function precached(request) {
  return (await fromCache(request)) || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request, url));
    return;
  }
  url.hash = '';
  if (PRECACHED.has(url.href)) event.respondWith(precached(request));
});
`;
writeFileSync(join(STAGING, 'sw.js'), sw);

console.log(
  `[post-build] ${PROFILE}: CSP with ${scriptHashes.length} script hash(es); sw.js cache ${CACHE_PREFIX}${version} precaching ${precache.length} URLs`,
);
