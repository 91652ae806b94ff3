// Installable and offline (PWA issue): the manifest, completing the quick path offline with the
// answers kept, and the update flow: a changed build shows "a new version is available", and
// reloading through it loses no answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, DIST } from './lib/server.mjs';
import { openPage, waitForApp, waitForServiceWorker } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';
import { answerVisible, storedAnswers } from './lib/questions.mjs';

// Only the browser is shared: each test starts its own server (one of them on a copy of dist/).
const env = useAppAndBrowser({ app: false });

test('the manifest is installable: names, icons incl. maskable, start URL and scope', async () => {
  const m = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(m.start_url, '/');
  assert.equal(m.scope, '/');
  assert.equal(m.display, 'standalone');
  assert.ok(m.name && m.short_name);
  const sizes = m.icons.map((i) => i.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'));
  assert.ok(m.icons.some((i) => (i.purpose || '').includes('maskable')));
  for (const icon of m.icons) assert.ok(readFileSync(join(DIST, icon.src.replace(/^\//, ''))).length > 0, icon.src);
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const link = index.match(/<link[^>]*rel="?manifest"?[^>]*>/);
  assert.ok(link && /href="?\/manifest\.webmanifest"?/.test(link[0]), 'index.html links the manifest');
});

test('offline after one visit: the quick path can be completed and the answers are kept', async () => {
  const app = await startServer();
  const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: app.origin });
  await page.goto(app.url);
  await waitForApp(page, { problems });
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto(new URL('/vaihe/profile', app.url).href);
  await waitForApp(page);
  for (const step of ['profile', 'why', 'current', 'footprint', 'goals', 'actions', 'renewal', 'monitoring', 'communication', 'support']) {
    if (!page.url().endsWith(`/vaihe/${step}`)) {
      await page.goto(new URL(`/vaihe/${step}`, app.url).href);
      await waitForApp(page);
    }
    await answerVisible(page);
  }
  const before = await storedAnswers(page);
  assert.ok(Object.keys(before).length >= 15, `answers saved offline: ${Object.keys(before).length}`);
  await page.goto(new URL('/tulokset', app.url).href);
  await waitForApp(page);
  assert.ok(await page.locator('#overall-title').isVisible(), 'results offline');
  await page.reload();
  await waitForApp(page);
  assert.deepEqual(await storedAnswers(page), before, 'the answers survive an offline reload');
  await context.setOffline(false);
  assertClean({ allowConsoleErrors: true });
  await context.close();
  await app.close();
});

test('a new build shows the update notice; reloading through it keeps every answer', async () => {
  const root = mkdtempSync(join(tmpdir(), 'ilmasto-dist-'));
  cpSync(DIST, root, { recursive: true });
  const app = await startServer({ root });
  const { page, context, problems } = await openPage(env.browser, { appOrigin: app.origin });
  await page.goto(new URL('/vaihe/profile', app.url).href);
  await waitForApp(page, { problems });
  await waitForServiceWorker(page);
  await page.locator('#q-profile-size-solo').check();
  await page.locator('#q-profile-name-input').fill('Päivitys Oy');
  await page.waitForFunction(() => localStorage.getItem('ilmastoaskeleet')?.includes('Päivitys Oy'));
  const before = await storedAnswers(page);
  const oldCaches = await page.evaluate(() => caches.keys());

  // "Deploy" a changed build: a new service worker version.
  const sw = readFileSync(join(root, 'sw.js'), 'utf8');
  const changed = sw.replace(/const VERSION = "(.*?)";/, (_, v) => `const VERSION = "${v}-next";`);
  assert.notEqual(changed, sw, 'the service worker has a VERSION to change');
  writeFileSync(join(root, 'sw.js'), changed);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

  const notice = page.getByText('Sovelluksesta on saatavilla uusi versio.');
  await notice.waitFor({ timeout: 20000 });
  await Promise.all([page.waitForEvent('framenavigated', { timeout: 20000 }), page.getByRole('button', { name: 'Päivitä nyt' }).click()]);
  await waitForApp(page);
  const newCaches = await page.evaluate(async () => {
    for (let i = 0; i < 50 && (await caches.keys()).length > 1; i++) await new Promise((r) => setTimeout(r, 100));
    return caches.keys();
  });
  assert.equal(newCaches.length, 1, 'old caches are deleted on activation');
  assert.notDeepEqual(newCaches, oldCaches, 'the new version took over');
  assert.deepEqual(await storedAnswers(page), before, 'no answer was lost by the update');
  assert.equal(await page.locator('#q-profile-name-input').inputValue(), 'Päivitys Oy');
  await context.close();
  await app.close();
  rmSync(root, { recursive: true, force: true });
});
