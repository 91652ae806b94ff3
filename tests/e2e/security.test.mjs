// Safe to deploy on a municipal domain (docs/security.md):
// - one description of the headers: the <meta> CSP, csp.txt, _headers (under Netlify's and
//   Cloudflare's merging rules), the nginx snippets and deploy/nginx.conf, and the test server
//   agree; HSTS and the http→https redirect are there;
// - framing: the full app does not render inside a frame (foreign or same-origin), the embed
//   entry does (with EMBED_ORIGINS, only on the listed sites);
// - messages: the app's postMessage calls (recorded in the wasm glue) never use '*', go only to
//   the real parent, not at all outside embed mode or when ?origin= names another site;
// - the service worker stores nothing it did not precache, is registered with scope "/" and
//   updateViaCache "none", and the operators' kill switch removes it; an update inside a foreign
//   frame reloads the embed entry (the full app's address would be refused);
// - the pinned host script: the /kunnille snippet (embed-<hash>.js with integrity and
//   crossorigin) works on a foreign page in the sandboxed iframe (resize, storage note, export,
//   open in the full app), and other bytes under that integrity are refused.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, cpSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, hostPage, DIST, REPO_ROOT } from './lib/server.mjs';
import { openPage, waitForApp, waitForServiceWorker } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';
import { COMMON, securityHeaders, appPolicy, embedPolicy, parseNginxSnippet } from '../../scripts/headers.mjs';

// The host page's HTML can be replaced by a test (e.g. the snippet copied from /kunnille).
let hostHtml = null;
const env = useAppAndBrowser({ hostHtml: (app) => hostHtml ?? hostPage(app.origin, { kunta: '245', lang: 'fi' }) });

const spec = JSON.parse(readFileSync(join(DIST, 'headers.json'), 'utf8'));
const indexHtml = readFileSync(join(DIST, 'index.html'), 'utf8');
const embedHtml = readFileSync(join(DIST, 'embed.html'), 'utf8');
const metaPolicy = (html) => html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i)?.[1];
const hostScript = spec.hostScripts.find((p) => /^\/embed-[0-9a-f]{16}\.js$/.test(p));
const APP_PATHS = ['/', '/index.html', '/vaihe/profile', '/kunnille', '/ei/tallaista/sivua'];

/** CSP header value -> list of policies -> [{ directive: [values] }]. */
const policies = (value) =>
  (value || '')
    .split(',')
    .map((p) => Object.fromEntries(p.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k.toLowerCase(), v])))
    .filter((p) => Object.keys(p).length);

/** _headers -> [{ path, headers: [[name, value]] }]. */
function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [] });
    else {
      const i = line.indexOf(':');
      rules.at(-1).headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}
const matches = (rule, path) => new RegExp('^' + rule.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$').test(path);
/** The headers of `path` under _headers, as Netlify (a later rule's value wins) or Cloudflare (values joined) apply them. */
function resolveHeaders(rules, path, host) {
  const out = {};
  for (const r of rules.filter((r) => matches(r.path, path))) {
    for (const [k, v] of r.headers) out[k] = host === 'cloudflare' && out[k] ? `${out[k]}, ${v}` : v;
  }
  return out;
}
/** What a browser decides about framing a response with these headers: 'none', 'deny' or the frame-ancestors list. */
function framing(headers) {
  const fa = policies(headers['Content-Security-Policy']).filter((p) => p['frame-ancestors']).map((p) => p['frame-ancestors'].join(' '));
  if (fa.length) return fa.includes("'none'") ? 'none' : fa.join(' & '); // X-Frame-Options is ignored then
  return headers['X-Frame-Options'] === 'DENY' ? 'deny' : 'anyone';
}

describe('one description of the headers', () => {
  test('the <meta> CSP of both documents is the header policy minus frame-ancestors; csp.txt is the full app policy', () => {
    assert.equal(metaPolicy(indexHtml), spec.policy, 'index.html <meta>');
    assert.equal(metaPolicy(embedHtml), spec.policy, 'embed.html <meta>');
    assert.equal(readFileSync(join(DIST, 'csp.txt'), 'utf8').trim(), appPolicy(spec));
    assert.equal(appPolicy(spec), `${spec.policy}; frame-ancestors 'none'`);
    assert.equal(embedPolicy(spec), `${spec.policy}; frame-ancestors ${spec.frameAncestorsEmbed}`);
    assert.ok(!/frame-ancestors/.test(spec.policy));
    assert.match(spec.frameAncestorsEmbed, /^(\*|'self'( https?:\/\/\S+)+)$/);
  });

  test('_headers gives the same framing and headers on Netlify and Cloudflare Pages', () => {
    const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
    for (const host of ['netlify', 'cloudflare']) {
      for (const path of [...APP_PATHS, '/embed.html', '/embed.js', hostScript]) {
        const h = resolveHeaders(rules, path, host);
        for (const [k, v] of Object.entries(COMMON)) assert.equal(h[k], v, `${host} ${path}: ${k}`);
        const embed = path === '/embed.html';
        assert.equal(framing(h), embed ? spec.frameAncestorsEmbed : 'deny', `${host} ${path}: framing`);
        assert.equal(framing(h), framing(securityHeaders(spec, path)).replace(/^none$/, 'deny'), `${host} ${path}: as nginx`);
        // The rest of the policy: in the header (and for the embed entry on Netlify, in its <meta>).
        const all = policies(h['Content-Security-Policy']);
        if (!(embed && host === 'netlify')) assert.ok(all.some((p) => JSON.stringify(p) === JSON.stringify(policies(spec.policy)[0])), `${host} ${path}: the policy`);
        assert.equal(h['Access-Control-Allow-Origin'], spec.hostScripts.includes(path) ? '*' : undefined, `${host} ${path}: CORS`);
      }
    }
  });

  test('the nginx snippets of `make deploy` and deploy/nginx.conf send the same headers', () => {
    const out = mkdtempSync(join(tmpdir(), 'ilmasto-nginx-'));
    try {
      execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'headers.mjs'), 'nginx', DIST, out]);
      const app = parseNginxSnippet(readFileSync(join(out, 'ilmastoaskeleet-headers.conf'), 'utf8'));
      const embed = parseNginxSnippet(readFileSync(join(out, 'ilmastoaskeleet-embed-headers.conf'), 'utf8'));
      assert.deepEqual(app, securityHeaders(spec, '/'));
      assert.deepEqual(embed, securityHeaders(spec, '/embed.html'));
      assert.equal(app['Content-Security-Policy'], `${metaPolicy(indexHtml)}; frame-ancestors 'none'`, 'nginx CSP = <meta> + frame-ancestors');
      assert.equal(app['X-Frame-Options'], 'DENY');
      assert.ok(app['Strict-Transport-Security'], 'HSTS');
      assert.equal(embed['X-Frame-Options'], undefined);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    const conf = readFileSync(join(REPO_ROOT, 'deploy', 'nginx.conf'), 'utf8').replace(/\s#.*$/gm, '').replace(/^#.*$/gm, '');
    // Port 80 only redirects to https.
    const plain = conf.match(/server\s*\{[^{}]*listen 80;[^{}]*\}/);
    assert.ok(plain && /return 301 https:\/\/\$host\$request_uri;/.test(plain[0]), 'an http -> https redirect');
    // Every location that adds headers includes exactly one snippet: the embed entry's for
    // /embed.html, the full app's everywhere else; no security header is written by hand.
    const locations = nginxLocations(conf);
    assert.ok(locations.length >= 8, 'nginx.conf has its locations');
    for (const { where, body } of locations) {
      const includes = [...body.matchAll(/include\s+\S*\/(ilmastoaskeleet-[a-z-]+\.conf);/g)].map((m) => m[1]);
      if (/return 404/.test(body)) continue;
      assert.deepEqual(includes, [where === '= /embed.html' ? 'ilmastoaskeleet-embed-headers.conf' : 'ilmastoaskeleet-headers.conf'], `location ${where}`);
      assert.ok(!/add_header\s+(Content-Security-Policy|X-Frame-Options|Strict-Transport-Security)/i.test(body), `location ${where}: no hand-written security header`);
      assert.equal(/Access-Control-Allow-Origin/.test(body), /embed/.test(where) && where !== '= /embed.html', `location ${where}: CORS only for the host scripts`);
    }
    for (const f of ['/_headers', '/csp.txt']) assert.ok(locations.some((l) => l.where === `= ${f}` && /return 404/.test(l.body)), `${f} is not served`);
  });

  test('the test server sends the production headers', async () => {
    for (const path of [...APP_PATHS, '/embed.html', '/embed.js', hostScript, '/sw.js']) {
      const res = await fetch(new URL(path, env.app.origin));
      assert.equal(res.status, 200, path);
      for (const [k, v] of Object.entries(securityHeaders(spec, path))) assert.equal(res.headers.get(k), v, `${path}: ${k}`);
      if (path !== '/embed.html') assert.equal(res.headers.get('x-frame-options'), 'DENY', path);
      await res.arrayBuffer();
    }
  });
});

/** The location blocks of an nginx server: [{ where, body }] (one-line blocks included). */
function nginxLocations(conf) {
  const out = [];
  const lines = conf.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const one = lines[i].match(/^\s*location\s+(.+?)\s*\{\s*(return[^}]*)\}\s*$/);
    if (one) {
      out.push({ where: one[1], body: one[2] });
      continue;
    }
    const open = lines[i].match(/^(\s*)location\s+(.+)\s*\{\s*$/);
    if (!open) continue;
    const body = [];
    while (++i < lines.length && !new RegExp(`^${open[1]}\\}\\s*$`).test(lines[i])) body.push(lines[i]);
    out.push({ where: open[2].trim(), body: body.join('\n') });
  }
  return out;
}

/** A host page on env.host with raw iframes to these app URLs. */
function framesPage(urls) {
  return `<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body>
${urls.map((u, i) => `<iframe id="f${i}" title="f${i}" src="${u}"></iframe>`).join('\n')}
</body></html>`;
}

/** Whether the frame with this id shows the app (main h1) within `ms`. */
async function rendersApp(page, id, ms = 8000) {
  const handle = await page.waitForSelector(`#${id}`);
  const frame = await handle.contentFrame();
  try {
    await frame.waitForSelector('main h1', { timeout: ms });
    return true;
  } catch {
    return false;
  }
}

describe('framing', () => {
  test('the full app does not render in a foreign frame; the embed entry does', async () => {
    const app = env.app.origin;
    hostHtml = framesPage([`${app}/`, `${app}/vaihe/profile?embed=1&kunta=245`, `${app}/#a=AAAA`, `${app}/embed.html?kunta=245`]);
    const { page, context, problems } = await openPage(env.browser, { appOrigin: app, allowOrigins: [env.host.origin] });
    try {
      await page.goto(env.host.url);
      assert.equal(await rendersApp(page, 'f3', 20000), true, 'the embed entry renders in a foreign frame');
      for (const id of ['f0', 'f1', 'f2']) assert.equal(await rendersApp(page, id, 2000), false, `frame ${id} (full app) does not render`);
      // The browser says why: frame-ancestors (a CSP report, expected here).
      assert.ok(problems.cspViolations.some((v) => /frame-ancestors/.test(v)), `frame-ancestors refusals reported: ${problems.cspViolations}`);
      assert.deepEqual(problems.cspViolations.filter((v) => !/frame-ancestors/.test(v)), [], 'no other CSP violation');
      assert.deepEqual(problems.pageErrors, []);
      // Inside the embed entry: the app's own address again, in embed mode.
      const f3 = await (await page.$('#f3')).contentFrame();
      const where = await f3.evaluate(() => ({ path: location.pathname, search: location.search, embed: document.documentElement.classList.contains('embed') }));
      assert.deepEqual(where, { path: '/', search: '?kunta=245&embed=1', embed: true });
    } finally {
      hostHtml = null;
      await context.close();
    }
  });

  test('a same-origin frame of the full app is refused too; the /kunnille preview (embed entry) renders', async () => {
    const { page, context, problems } = await openPage(env.browser, { appOrigin: env.app.origin });
    await page.goto(new URL('/kunnille', env.app.origin).href);
    await waitForApp(page, { problems });
    const preview = await (await page.waitForSelector('iframe.preview')).contentFrame();
    await preview.waitForSelector('main h1', { timeout: 20000 });
    assert.match(preview.url(), /\/\?(.*&)?embed=1/);
    assert.equal(await page.$eval('iframe.preview', (f) => [...f.sandbox].includes('allow-top-navigation')), false);
    await page.evaluate(() => {
      const f = document.createElement('iframe');
      f.id = 'same';
      f.title = 'same';
      f.src = '/tulokset';
      document.body.append(f);
    });
    assert.equal(await rendersApp(page, 'same', 3000), false, 'the full app in a same-origin frame does not render');
    await context.close();
  });

  test('EMBED_ORIGINS: only the listed sites (and the app itself) may frame the embed entry', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ilmasto-dist-'));
    cpSync(DIST, root, { recursive: true });
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'post-build.mjs'), root], { env: { ...process.env, EMBED_ORIGINS: env.host.origin }, stdio: 'ignore' });
    const listed = JSON.parse(readFileSync(join(root, 'headers.json'), 'utf8'));
    assert.equal(listed.frameAncestorsEmbed, `'self' ${env.host.origin}`);
    assert.equal(listed.policy, spec.policy, 'the rest of the policy is the same');
    const app = await startServer({ root });
    const page2 = framesPage([`${app.origin}/embed.html?kunta=245`]);
    const other = await startServer({ csp: false, handler: (req, res, url) => url.pathname === '/' && (res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }), res.end(page2), true) });
    hostHtml = page2;
    const { page, context } = await openPage(env.browser, { appOrigin: app.origin, allowOrigins: [env.host.origin, other.origin] });
    try {
      await page.goto(env.host.url);
      assert.equal(await rendersApp(page, 'f0', 20000), true, 'a listed site frames the embed entry');
      await page.goto(other.url);
      assert.equal(await rendersApp(page, 'f0', 3000), false, 'another site cannot');
    } finally {
      hostHtml = null;
      await context.close();
      await other.close();
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('with the _headers rules of a static host (Cloudflare merging), the same holds', async () => {
    const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
    const app = await startServer({
      csp: false,
      handler: (req, res, url) => {
        for (const [k, v] of Object.entries(resolveHeaders(rules, url.pathname, 'cloudflare'))) if (k !== 'Cache-Control' && k !== 'Content-Type') res.setHeader(k, v);
        return false;
      },
    });
    hostHtml = framesPage([`${app.origin}/`, `${app.origin}/vaihe/profile?embed=1`, `${app.origin}/embed.html?kunta=245`]);
    const { page, context } = await openPage(env.browser, { appOrigin: app.origin, allowOrigins: [env.host.origin] });
    try {
      await page.goto(env.host.url);
      assert.equal(await rendersApp(page, 'f2', 20000), true, 'the embed entry renders');
      for (const id of ['f0', 'f1']) assert.equal(await rendersApp(page, id, 2000), false, `${id}: X-Frame-Options: DENY refuses the full app`);
    } finally {
      hostHtml = null;
      await context.close();
      await app.close();
    }
  });
});

// Records every postMessage call the app makes, in every frame: the wasm glue's
// `<window>.postMessage(` becomes `__pmRec(<window>).postMessage(`. The contexts block service
// workers, whose own fetches the routes below would not see.
const NO_SW = { serviceWorkers: 'block' };
function recorderInit() {
  window.__posted = [];
  window.__pmRec = (w) => ({
    postMessage: (...args) => {
      const isWindow = !!w && w.window === w;
      window.__posted.push({ isWindow, toParent: w === window.parent && window.parent !== window, target: args[1], type: args[0]?.type });
      return w.postMessage(...args);
    },
  });
}
async function instrument(context) {
  let patched = 0;
  await context.addInitScript(recorderInit);
  await context.route(/\/ilmastoaskeleet-[0-9a-f]{16}\.js$/, async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace(/([A-Za-z_$][\w$]*(?:\([\w$]+\))?)\.postMessage\(/g, (_, w) => (patched++, `__pmRec(${w}).postMessage(`));
    await route.fulfill({ response: res, body });
  });
  // Trunk's modulepreload link carries the glue's integrity; the patched glue must load.
  await context.route(/\/(embed\.html|index\.html)?(\?.*)?$/, async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const res = await route.fetch();
    const body = (await res.text()).replace(/<link[^>]*ilmastoaskeleet-[0-9a-f]{16}\.js[^>]*>/g, (tag) => tag.replace(/\sintegrity=("[^"]*"|[^\s>]+)/, ''));
    await route.fulfill({ response: res, body });
  });
  return () => patched;
}
const posted = (frame) => frame.evaluate(() => window.__posted.filter((p) => p.isWindow));

describe('messages', () => {
  test('embedded: only to the real parent origin, never "*"; nothing when ?origin= names another site', async () => {
    const app = env.app.origin;
    hostHtml = framesPage([`${app}/embed.html?kunta=245&origin=${encodeURIComponent(env.host.origin)}`, `${app}/embed.html?kunta=245`, `${app}/embed.html?kunta=245&origin=${encodeURIComponent('https://evil.example')}`]);
    const { page, context } = await openPage(env.browser, { appOrigin: app, allowOrigins: [env.host.origin], contextOptions: NO_SW });
    const patched = await instrument(context);
    try {
      await page.goto(env.host.url);
      for (const id of ['f0', 'f1', 'f2']) assert.equal(await rendersApp(page, id, 20000), true, id);
      assert.ok(patched() >= 1, 'the glue was instrumented');
      const frames = await Promise.all(['f0', 'f1', 'f2'].map(async (id) => (await page.$(`#${id}`)).contentFrame()));
      // Move to another page inside each frame: a scroll-top message, and a resize.
      for (const f of frames) {
        await f.evaluate(() => {
          history.pushState(null, '', '/tietoa');
          dispatchEvent(new PopStateEvent('popstate'));
        });
      }
      await frames[0].waitForFunction(() => window.__posted.some((p) => p.type === 'ilmastoaskeleet:scroll-top'), null, { timeout: 10000 });
      await frames[1].waitForFunction(() => window.__posted.some((p) => p.type === 'ilmastoaskeleet:resize'), null, { timeout: 10000 });
      await page.waitForTimeout(500);
      for (const [i, f] of frames.entries()) {
        const list = await posted(f);
        for (const p of list) {
          assert.notEqual(p.target, '*', `f${i}: never '*'`);
          assert.equal(p.toParent, true, `f${i}: only to the parent`);
          assert.equal(p.target, env.host.origin, `f${i}: to the parent's real origin`);
        }
        if (i < 2) assert.ok(list.some((p) => p.type === 'ilmastoaskeleet:resize'), `f${i}: resize messages are sent`);
        else assert.deepEqual(list, [], "f2: ?origin= is another site: nothing is posted");
      }
    } finally {
      hostHtml = null;
      await context.close();
    }
  });

  test('outside embed mode or outside a frame: nothing is posted', async () => {
    const { page, context, problems } = await openPage(env.browser, { appOrigin: env.app.origin, contextOptions: NO_SW });
    const patched = await instrument(context);
    const move = () =>
      page.evaluate(() => {
        history.pushState(null, '', '/tietoa');
        dispatchEvent(new PopStateEvent('popstate'));
      });
    // The full app, moving between pages (which would send scroll-top in embed mode).
    await page.goto(new URL('/', env.app.origin).href);
    await waitForApp(page, { problems });
    assert.ok(patched() >= 1, 'the glue was instrumented');
    await move();
    await page.waitForTimeout(300);
    assert.deepEqual(await posted(page), [], 'the full app posts nothing');
    // Embed mode at the top level (not framed).
    await page.goto(new URL('/embed.html?kunta=245', env.app.origin).href);
    await waitForApp(page, { problems });
    assert.equal(await page.locator('html.embed').count(), 1);
    await move();
    await page.waitForTimeout(500);
    assert.deepEqual(await posted(page), [], 'the embed view at the top level posts nothing');
    // The full app in a frame (only possible on a host that drops the framing headers): nothing.
    const bare = await startServer({ csp: false });
    hostHtml = framesPage([`${bare.origin}/`]);
    try {
      await page.goto(env.host.url);
      assert.equal(await rendersApp(page, 'f0', 20000), true, 'framed without the headers');
      const frame = await (await page.$('#f0')).contentFrame();
      await frame.evaluate(() => {
        history.pushState(null, '', '/tietoa');
        dispatchEvent(new PopStateEvent('popstate'));
      });
      await frame.waitForSelector('main h1');
      await page.waitForTimeout(500);
      assert.deepEqual(await posted(frame), [], 'the full app in a frame posts nothing');
    } finally {
      hostHtml = null;
      await bare.close();
    }
    await context.close();
  });
});

describe('service worker', () => {
  test('stores nothing it did not precache; scope "/" and updateViaCache "none"', async () => {
    const { page, context, problems } = await openPage(env.browser, { appOrigin: env.app.origin });
    await page.goto(env.app.url);
    await waitForApp(page, { problems });
    await waitForServiceWorker(page);
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    const cacheName = 'ilmastoaskeleet-' + JSON.parse(sw.match(/const VERSION = (".*?");/)[1]);
    const precache = JSON.parse(sw.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]).map((u) => new URL(u, env.app.url).href);
    assert.ok(precache.includes(new URL('/embed.html', env.app.url).href), 'the embed entry is precached');
    const result = await page.evaluate(async (name) => {
      const reg = await navigator.serviceWorker.getRegistration();
      const statuses = {};
      for (const u of ['/no-such-file.js', '/no/such/page', '/embed.js?v=2', '/index.html?x=1']) {
        const r = await fetch(u);
        statuses[u] = [r.status, (r.headers.get('content-type') || '').split(';')[0]];
        await r.arrayBuffer();
      }
      await new Promise((r) => setTimeout(r, 300));
      const cache = await caches.open(name);
      return { scope: reg.scope, updateViaCache: reg.updateViaCache, statuses, urls: (await cache.keys()).map((r) => r.url), keys: await caches.keys() };
    }, cacheName);
    assert.equal(result.scope, new URL('/', env.app.url).href);
    assert.equal(result.updateViaCache, 'none');
    assert.deepEqual(result.statuses['/no-such-file.js'], [404, 'text/plain']);
    assert.deepEqual(result.statuses['/no/such/page'], [200, 'text/html'], 'the SPA fallback answers (from the network)');
    assert.deepEqual(result.keys, [cacheName]);
    assert.deepEqual([...result.urls].sort(), [...precache].sort(), 'the cache holds exactly the precache list');
    // Offline, an unknown path fetched by a script is not answered from the cache.
    await context.setOffline(true);
    const offline = await page.evaluate(async () => {
      const out = {};
      for (const u of ['/no/such/page', '/no-such-file.js']) {
        try {
          out[u] = (await fetch(u)).status;
        } catch {
          out[u] = 'network error';
        }
      }
      return out;
    });
    await context.setOffline(false);
    assert.deepEqual(offline, { '/no/such/page': 'network error', '/no-such-file.js': 'network error' });
    assertCleanOffline(problems);
    await context.close();
  });

  test('the kill switch (deploy/sw-kill-switch.js as sw.js) unregisters the worker and deletes its caches', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ilmasto-dist-'));
    cpSync(DIST, root, { recursive: true });
    const app = await startServer({ root });
    const { page, context, problems } = await openPage(env.browser, { appOrigin: app.origin });
    try {
      await page.goto(new URL('/vaihe/profile', app.url).href);
      await waitForApp(page, { problems });
      await waitForServiceWorker(page);
      await page.locator('#q-profile-size-solo').check();
      await page.waitForFunction(() => localStorage.getItem('ilmastoaskeleet')?.includes('"solo"'));
      assert.ok((await page.evaluate(() => caches.keys())).length >= 1);
      cpSync(join(REPO_ROOT, 'deploy', 'sw-kill-switch.js'), join(root, 'sw.js'));
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistrations()).length === 0 && (await caches.keys()).length === 0, null, { timeout: 20000, polling: 200 });
      // The page keeps working from the network, with its answers.
      await page.goto(new URL('/vaihe/profile', app.url).href);
      await waitForApp(page, { problems });
      assert.equal(await page.locator('#q-profile-size-solo').isChecked(), true, 'the answers stay');
      await page.waitForTimeout(500);
      assert.deepEqual(await page.evaluate(() => caches.keys()), [], 'the re-registered kill switch keeps it off');
    } finally {
      await context.close();
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

test('an update inside a foreign frame reloads the embed entry, which may be framed', async () => {
  const root = mkdtempSync(join(tmpdir(), 'ilmasto-dist-'));
  cpSync(DIST, root, { recursive: true });
  const app = await startServer({ root });
  hostHtml = framesPage([`${app.origin}/embed.html?kunta=245`]);
  const { page, context } = await openPage(env.browser, { appOrigin: app.origin, allowOrigins: [env.host.origin] });
  try {
    await page.goto(env.host.url);
    assert.equal(await rendersApp(page, 'f0', 20000), true);
    const frame = await (await page.$('#f0')).contentFrame();
    await frame.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    const sw = readFileSync(join(root, 'sw.js'), 'utf8');
    const changed = sw.replace(/const VERSION = "(.*?)";/, (_, v) => `const VERSION = "${v}-next";`);
    assert.notEqual(changed, sw);
    writeFileSync(join(root, 'sw.js'), changed);
    await frame.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await frame.getByText('Sovelluksesta on saatavilla uusi versio.').waitFor({ timeout: 20000 });
    const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === frame && /\/embed\.html\?/.test(f.url()), timeout: 20000 });
    await frame.getByRole('button', { name: 'Päivitä nyt' }).click();
    await navigated;
    await frame.waitForSelector('main h1', { timeout: 20000 });
    assert.equal(await frame.locator('html.embed').count(), 1, 'the embed view again, inside the frame');
    assert.match(await frame.evaluate(() => location.search), /kunta=245/, 'with the query it started with');
  } finally {
    hostHtml = null;
    await context.close();
    await app.close();
    rmSync(root, { recursive: true, force: true });
  }
});

/** Offline fetch failures log console errors by design; CSP violations and page errors do not happen. */
function assertCleanOffline(problems) {
  assert.deepEqual(problems.cspViolations, []);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.foreignRequests, []);
}

describe('pinned host script', () => {
  test('the /kunnille snippet pins embed-<hash>.js with sha384 and works in the sandboxed iframe', async () => {
    assert.ok(hostScript && existsSync(join(DIST, hostScript.slice(1))), 'embed-<hash>.js is built');
    const bytes = readFileSync(join(DIST, hostScript.slice(1)));
    assert.deepEqual(bytes, readFileSync(join(DIST, 'embed.js')), 'the same bytes as embed.js');
    const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

    const { page, context, problems } = await openPage(env.browser, { appOrigin: env.app.origin, allowOrigins: [env.host.origin] });
    await page.goto(new URL('/kunnille', env.app.origin).href);
    await waitForApp(page, { problems });
    const snippet = await page.locator('#muni-snippet').inputValue();
    const tag = snippet.match(/<script [^>]*><\/script>/)?.[0];
    assert.ok(tag, `a script tag in the snippet: ${snippet}`);
    assert.ok(tag.includes(`src="${env.app.origin}${hostScript}"`), `pinned name: ${tag}`);
    assert.ok(tag.includes(`integrity="${integrity}"`), `integrity of the file: ${tag}`);
    assert.ok(tag.includes('crossorigin="anonymous"'), tag);

    // A municipality's page with exactly that snippet.
    hostHtml = `<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8"><title>Kunta</title><link rel="icon" href="data:,"></head><body><h1>Kunnan sivu</h1>\n${snippet}\n</body></html>`;
    try {
      await page.goto(env.host.url);
      const handle = await page.waitForSelector('iframe.ilmastoaskeleet-frame', { timeout: 10000 });
      assert.deepEqual(
        (await handle.evaluate((f) => [...f.sandbox])).sort(),
        ['allow-downloads', 'allow-forms', 'allow-modals', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-same-origin', 'allow-scripts'],
      );
      const frame = await handle.contentFrame();
      await frame.waitForSelector('main h1', { timeout: 20000 });
      // Resize: the host sizes the frame to the content.
      await page.waitForFunction(() => document.querySelector('iframe.ilmastoaskeleet-frame').style.height !== '720px', null, { timeout: 10000 });
      // The storage note.
      assert.match(await frame.locator('.embed-note').textContent(), /tallentuvat vain tähän selaimeen/);
      // Answer (a form inside the sandbox), then export.
      await frame.goto(new URL('/embed.html?step=profile', env.app.origin).href);
      await frame.waitForSelector('main h1');
      await frame.locator('#q-profile-size-micro').check();
      await frame.getByRole('link', { name: 'Omat tiedot' }).click();
      await frame.waitForSelector('#export-title');
      const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Lataa tiedosto' }).click()]);
      const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
      assert.deepEqual(file.data.answers['profile.size'], { type: 'choice', value: 'micro' });
      // Open in the full app: a new tab, out of the sandbox, with the answers offered.
      const [popup] = await Promise.all([context.waitForEvent('page'), frame.getByRole('link', { name: /Avaa koko sovellus/ }).click()]);
      await waitForApp(popup);
      assert.equal(new URL(popup.url()).origin, env.app.origin);
      assert.equal(await popup.locator('html.embed').count(), 0, 'the full app, not the embed view');
      assert.equal(await popup.evaluate(() => (localStorage.setItem('probe', '1'), localStorage.getItem('probe'))), '1', 'storage works in the new tab');
      await popup.close();
      assert.deepEqual(problems.cspViolations, []);
      assert.deepEqual(problems.pageErrors, []);
      assert.deepEqual(problems.foreignRequests, []);
    } finally {
      hostHtml = null;
      await context.close();
    }
  });

  test('other bytes under the pinned integrity are refused: no iframe', async () => {
    const bad = `sha384-${createHash('sha384').update('something else').digest('base64')}`;
    hostHtml = `<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8"><title>Kunta</title><link rel="icon" href="data:,"></head><body>
<div data-ilmastoaskeleet data-kunta="245"><a href="${env.app.origin}/">Avaa Ilmastoaskeleet</a></div>
<script src="${env.app.origin}${hostScript}" integrity="${bad}" crossorigin="anonymous"></script></body></html>`;
    const { page, context, problems } = await openPage(env.browser, { appOrigin: env.app.origin, allowOrigins: [env.host.origin] });
    try {
      await page.goto(env.host.url, { waitUntil: 'load' });
      await page.waitForTimeout(500);
      assert.equal(await page.locator('iframe').count(), 0, 'embed.js did not run');
      assert.equal(await page.locator('[data-ilmastoaskeleet] a').count(), 1, 'the fallback link stays');
      assert.ok(problems.consoleErrors.some((e) => /integrity/i.test(e)), `the browser reports the integrity failure: ${problems.consoleErrors}`);
    } finally {
      hostHtml = null;
      await context.close();
    }
  });
});
