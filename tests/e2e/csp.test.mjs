// Content-Security-Policy:
// - dist/index.html has no inline style attribute, <style> element or inline event handler,
//   and exactly the inline scripts whose sha256 hashes dist/csp.txt lists (no stale or extra
//   hashes: the loaders of index.html and of the embed entry embed.html); the <meta> policy of
//   both documents is the header policy minus frame-ancestors;
// - dist/csp.txt is strict: default-src 'self'; script-src 'self' 'wasm-unsafe-eval' + hashes
//   only; style-src 'self'; connect-src 'self'; img-src 'self'; object-src 'none';
//   base-uri 'none'; form-action 'none'; frame-ancestors 'none'; and none of 'unsafe-inline',
//   'unsafe-eval', wildcards or schemes;
// - the server sends that policy on pages and assets (the embed entry: the same policy with its
//   own frame-ancestors), and the browser enforces it (an inline style attribute set by a script
//   is blocked and reported);
// - walking every route (empty, with data, embedded, sv/en, ?accent=) gives no CSP violation and
//   no request to another origin, and the rendered DOM has no non-empty style attribute (the
//   only exception: <html> with the CSSOM-set --accent), no <style> and no on* attributes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './lib/server.mjs';
import { openPage } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';
import {
  ROUTES,
  gotoRoute,
  useFullPath,
  answerSeveralSteps,
  addPlanItems,
  fillFootprint,
  exportFile,
  chooseImportFile,
  BAD_IMPORT,
} from './lib/routes.mjs';

const env = useAppAndBrowser();
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const embedHtml = readFileSync(join(DIST, 'embed.html'), 'utf8');
const spec = JSON.parse(readFileSync(join(DIST, 'headers.json'), 'utf8'));
const policy = readFileSync(join(DIST, 'csp.txt'), 'utf8').trim();

/** "a b; c d e" -> Map { a => [b], c => [d, e] } (directive names lower-cased). */
function parsePolicy(text) {
  const map = new Map();
  for (const part of text.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    assert.ok(!map.has(name.toLowerCase()), `directive ${name} appears twice`);
    map.set(name.toLowerCase(), values);
  }
  return map;
}

describe('dist/index.html and dist/csp.txt', () => {
  // Markup only: script bodies and comments blanked, so their text cannot match.
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<script\b[^>]*>)[\s\S]*?(<\/script\s*>)/gi, '$1$2');
  const tags = [...markup.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);

  test('no inline style attribute, <style> element or inline event handler', () => {
    assert.ok(tags.length > 5, 'index.html has markup');
    assert.deepEqual(tags.filter((t) => /\sstyle\s*=/i.test(t)), [], 'style= attributes');
    assert.deepEqual(tags.filter((t) => /^<style\b/i.test(t)), [], '<style> elements');
    assert.deepEqual(tags.filter((t) => /\son[a-z]+\s*=/i.test(t)), [], 'on* handler attributes');
    assert.deepEqual(tags.filter((t) => /\s(?:href|src|action)\s*=\s*["']?\s*javascript:/i.test(t)), [], 'javascript: URLs');
  });

  test('exactly the inline scripts whose hashes the policy lists', () => {
    const inline = [...(html + embedHtml).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].filter(
      (m) => !/\ssrc\s*=/i.test(m[1]) && m[2].length > 0,
    );
    assert.ok(inline.length >= 2, 'index.html and embed.html have their inline loader scripts');
    const hashes = inline.map((m) => `'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
    const listed = (parsePolicy(policy).get('script-src') || []).filter((v) => v.startsWith("'sha256-"));
    assert.deepEqual([...new Set(listed)].sort(), [...new Set(hashes)].sort(), 'script-src hashes == hashes of the inline scripts');
    // Every external script and the wasm it loads exist in dist/.
    for (const m of html.matchAll(/(?:src|href)=["']?\/?([^"' >]+\.(?:js|wasm|css))/g)) {
      assert.ok(existsSync(join(DIST, m[1])), `${m[1]} referenced by index.html exists in dist/`);
    }
    for (const m of html.matchAll(/["'`]\/([^"'`]+\.(?:js|wasm))["'`]/g)) {
      assert.ok(existsSync(join(DIST, m[1])), `${m[1]} loaded by the inline script exists in dist/`);
    }
  });

  test('the policy is strict', () => {
    const p = parsePolicy(policy);
    const eq = (name, expected) => assert.deepEqual(p.get(name), expected, `${name}: got ${JSON.stringify(p.get(name))}`);
    eq('default-src', ["'self'"]);
    eq('style-src', ["'self'"]);
    eq('connect-src', ["'self'"]);
    eq('img-src', ["'self'"]);
    eq('object-src', ["'none'"]);
    eq('base-uri', ["'none'"]);
    eq('form-action', ["'none'"]);
    eq('frame-ancestors', ["'none'"]);
    const script = p.get('script-src') || [];
    assert.deepEqual(script.slice(0, 2), ["'self'", "'wasm-unsafe-eval'"], `script-src starts with 'self' 'wasm-unsafe-eval': ${script}`);
    const rest = script.slice(2);
    assert.ok(rest.length >= 1, 'script-src has at least one hash');
    for (const v of rest) assert.match(v, /^'sha256-[A-Za-z0-9+/]{43}='$/, `script-src has only sha256 hashes besides 'self' 'wasm-unsafe-eval': ${v}`);
    for (const [name, values] of p) {
      for (const v of values) {
        assert.ok(!/^'unsafe-(inline|eval|hashes)'$|^\*$|^https?:$|^https?:\/\/\*|^blob:$/.test(v), `${name} allows ${v}`);
      }
    }
    for (const name of ['script-src-attr', 'script-src-elem', 'style-src-attr', 'style-src-elem']) {
      assert.ok(!p.has(name), `no ${name} that could loosen script-src/style-src`);
    }
  });

  test('the <meta> policy is the header policy minus frame-ancestors, before any script', () => {
    for (const [name, doc] of [['index.html', html], ['embed.html', embedHtml]]) {
      const m = doc.match(/<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]*)"/i);
      assert.ok(m, `${name} has a CSP <meta>`);
      const header = parsePolicy(policy);
      header.delete('frame-ancestors');
      assert.deepEqual(parsePolicy(m[1]), header, name);
      assert.ok(doc.indexOf(m[0]) < doc.search(/<script\b/i), `${name}: the <meta> comes before the first <script>`);
    }
  });
});

describe('in the browser', () => {
  test('the server sends the policy with pages, deep links and assets', async () => {
    for (const path of ['/', '/vaihe/profile', '/ei-tallaista-sivua', '/index.html', '/sw.js', '/embed.js']) {
      const res = await fetch(new URL(path, env.app.origin));
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-security-policy'), policy, `${path}: CSP header`);
      await res.arrayBuffer();
    }
    // The embed entry: the same policy, with the embed allow-list as frame-ancestors.
    const res = await fetch(new URL('/embed.html', env.app.origin));
    const embedPolicy = parsePolicy(res.headers.get('content-security-policy'));
    assert.deepEqual(embedPolicy.get('frame-ancestors'), spec.frameAncestorsEmbed.split(' '));
    embedPolicy.delete('frame-ancestors');
    const appPolicy = parsePolicy(policy);
    appPolicy.delete('frame-ancestors');
    assert.deepEqual(embedPolicy, appPolicy, '/embed.html: the same policy otherwise');
    await res.arrayBuffer();
  });

  test('the policy is enforced: a script-set style attribute is blocked and reported', async () => {
    // This test causes a violation on purpose, so it checks `problems` itself instead of assertClean().
    const { page, context, problems } = await openPage(env.browser, { appOrigin: env.app.origin });
    await gotoRoute(page, env.app.origin, '/', { problems });
    assert.deepEqual(problems.cspViolations, [], 'no violation before the probe');
    const color = await page.evaluate(async () => {
      const el = document.createElement('p');
      el.textContent = 'probe';
      document.querySelector('main').append(el);
      el.setAttribute('style', 'color: rgb(255, 0, 0)');
      await new Promise((r) => setTimeout(r, 100));
      return getComputedStyle(el).color;
    });
    assert.notEqual(color, 'rgb(255, 0, 0)', 'the inline style was not applied');
    await page.waitForFunction(() => window.__cspViolations.length > 0, null, { timeout: 5000 });
    assert.ok(problems.cspViolations.some((v) => /style-src/.test(v)), `a style-src violation was reported: ${problems.cspViolations}`);
    await context.close();
  });
});

/**
 * In the page: elements with a non-empty style attribute (other than `allowHtml` on <html>),
 * <style> elements, on* attributes and javascript: URLs, in the document and its same-origin frames.
 */
function inlineThings(allowHtmlStyle) {
  const out = [];
  const docs = [document];
  for (const f of document.querySelectorAll('iframe')) {
    try {
      if (f.contentDocument) docs.push(f.contentDocument);
    } catch {
      /* another origin */
    }
  }
  for (const doc of docs) {
    const where = doc === document ? '' : `[frame ${doc.location.pathname}${doc.location.search}] `;
    for (const el of doc.querySelectorAll('[style]')) {
      const v = el.getAttribute('style').trim();
      if (!v) continue;
      if (el === doc.documentElement && allowHtmlStyle && v.replace(/\s+/g, '') === allowHtmlStyle) continue;
      out.push(`${where}<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} style="${v}">`);
    }
    for (const el of doc.querySelectorAll('style')) out.push(`${where}<style> ${el.textContent.slice(0, 60)}`);
    for (const el of doc.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) out.push(`${where}<${el.tagName.toLowerCase()} ${a.name}=…>`);
        if (/^(href|src|action|formaction)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)) out.push(`${where}<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`);
      }
    }
  }
  return out;
}

async function assertNoInline(page, label, allowHtmlStyle = null) {
  const found = await page.evaluate(inlineThings, allowHtmlStyle);
  assert.deepEqual(found, [], `${label}: inline styles/handlers in the DOM:\n${found.join('\n')}`);
}

function assertNoViolations(problems, label) {
  assert.deepEqual(problems.cspViolations, [], `${label}: CSP violations`);
  assert.deepEqual(problems.foreignRequests, [], `${label}: requests to other origins`);
}

describe('walking the app under the policy', () => {
  test('every route: no violation, no foreign request, no inline style', async () => {
    const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
    for (const route of [...ROUTES, '/?embed=1&kunta=245', '/vaihe/profile?embed=1&kunta=245&theme=sea']) {
      const res = await gotoRoute(page, env.app.origin, route, { problems });
      assert.equal(res.headers()['content-security-policy'], policy, `${route}: CSP header`);
      await assertNoInline(page, route);
      assertNoViolations(problems, route);
    }
    assert.ok(env.app.requests.some((r) => r.path.endsWith('.wasm')), 'the wasm came from this server');
    assertClean();
    await context.close();
  });

  test('with answers, a footprint, a plan, imports and other languages', async () => {
    const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
    await useFullPath(page, env.app.origin, { problems });
    await answerSeveralSteps(page, env.app.origin, { problems });
    await fillFootprint(page, env.app.origin, { problems });
    await assertNoInline(page, '/vaihe/footprint with a footprint');
    await addPlanItems(page, env.app.origin, { problems });
    for (const route of ROUTES) {
      await gotoRoute(page, env.app.origin, route, { problems });
      await assertNoInline(page, `${route} (with data)`);
    }
    const file = await exportFile(page, env.app.origin, { problems });
    await chooseImportFile(page, file);
    await page.locator('main .notice.preview table').waitFor({ timeout: 5000 });
    await assertNoInline(page, 'import preview');
    await chooseImportFile(page, BAD_IMPORT);
    await page.locator('main .notice.warn li').first().waitFor({ timeout: 5000 });
    await assertNoInline(page, 'import errors');
    for (const lang of ['sv', 'en']) {
      for (const route of ['/', '/vaihe/footprint', '/tulokset', '/tuki']) {
        await gotoRoute(page, env.app.origin, `${route}?lang=${lang}`, { problems });
        await assertNoInline(page, `${route}?lang=${lang}`);
      }
    }
    assertNoViolations(problems, 'with data');
    assertClean();
    await context.close();
  });

  test('?accent= sets --accent through CSSOM, without a violation', async () => {
    const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
    await gotoRoute(page, env.app.origin, '/?embed=1&kunta=245&accent=7a1f5c', { problems });
    const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
    assert.equal(accent, '#7a1f5c', 'the accent colour is applied');
    await assertNoInline(page, '/?accent=7a1f5c', '--accent:#7a1f5c;');
    assertNoViolations(problems, '?accent=');
    assertClean();
    await context.close();
  });
});
