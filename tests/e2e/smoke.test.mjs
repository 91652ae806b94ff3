// Smoke test: the release build in dist/ loads under its real CSP, mounts <main><h1>, and
// talks to nobody but its own origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForApp, screenshot } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';

const env = useAppAndBrowser();

test('/ renders main h1 with no CSP violations, page errors or foreign requests', async () => {
  assert.ok(env.app.csp, 'dist/csp.txt exists and the server sends it');
  const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  const response = await page.goto(env.app.url, { waitUntil: 'load' });
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  await waitForApp(page, { problems });
  await page.waitForLoadState('networkidle');

  const h1 = (await page.textContent('main h1'))?.trim();
  assert.ok(h1, 'main h1 has text');
  const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.ok(meta && !meta.includes('frame-ancestors'), 'CSP <meta> present, without frame-ancestors');

  await screenshot(page, 'smoke-home');
  assertClean();
  await context.close();
});

test('a deep link gets the app shell (SPA fallback) and mounts', async () => {
  const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  const response = await page.goto(new URL('/no/such/page', env.app.url).href);
  assert.equal(response.status(), 200);
  await waitForApp(page, { problems });
  assertClean();
  await context.close();
});
