// The generated service worker (scripts/post-build.mjs): after one online visit the app and a
// deep link load offline (in a language not opened before, too), and the cache holds exactly this
// build's precache list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, waitForApp, waitForServiceWorker } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';

const env = useAppAndBrowser();

test('after one online visit, / and a deep link load offline, in any language', async () => {
  const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  await page.goto(env.app.url);
  await waitForApp(page, { problems });
  await waitForServiceWorker(page);

  const sw = readFileSync(join(env.app.root, 'sw.js'), 'utf8');
  const cacheName = 'ilmastoaskeleet-' + JSON.parse(sw.match(/const VERSION = (".*?");/)[1]);
  const precache = JSON.parse(sw.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]).map((u) => new URL(u, env.app.url).href);
  const cached = await page.evaluate(async (name) => {
    const keys = await caches.keys();
    const cache = await caches.open(name);
    return { keys, urls: (await cache.keys()).map((r) => r.url) };
  }, cacheName);
  assert.deepEqual(cached.keys, [cacheName], 'one cache, named after this build');
  for (const url of precache) assert.ok(cached.urls.includes(url), `precached: ${url}`);
  for (const lang of ['fi', 'sv', 'en']) {
    assert.ok(
      precache.some((u) => new RegExp(`/texts-${lang}-[0-9a-f]{16}\\.json$`).test(u)),
      `the ${lang} texts are precached`,
    );
    assert.ok(
      precache.some((u) => new RegExp(`/texts-${lang}-more-[0-9a-f]{16}\\.json$`).test(u)),
      `the second pack of the ${lang} texts is precached`,
    );
  }

  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  // A language never opened online switches offline too: its texts come from the precache.
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 10000 });
  assert.equal(await page.getByRole('group', { name: 'Language' }).count(), 1);
  await page.goto(new URL('/some/deep/link?embed=1', env.app.url).href);
  await waitForApp(page);
  await context.setOffline(false);
  // Offline, the page's own failed fetches are expected console noise; CSP and page errors are not.
  assertClean({ allowConsoleErrors: true });
  await context.close();
});
