// Language packs: the app downloads the texts of the reader's language only (texts-<lang>-<hash>.json),
// fetches another one on a language switch, keeps working when a pack cannot be loaded, and tells
// the reader (in all three languages) when no texts can be loaded at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser } from './lib/fixture.mjs';
import { openPage, waitForApp } from './lib/browser.mjs';

const env = useAppAndBrowser();
const T = 20000;
const PACK = /\/texts-(fi|sv|en)-[0-9a-f]{16}\.json$/;

/** The language packs the page requested, in order ('fi', 'sv', 'en'). */
function packRequests(page) {
  const langs = [];
  page.on('request', (req) => {
    const m = new URL(req.url()).pathname.match(PACK);
    if (m) langs.push(m[1]);
  });
  return langs;
}

/** The language packs preloaded by the loader script. */
const preloaded = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('link[rel="preload"][as="fetch"]')]
      .map((l) => new URL(l.href).pathname.match(/^\/texts-(fi|sv|en)-/)?.[1])
      .filter(Boolean),
  );

test('the language chosen last time is the one preloaded on the next visit', async () => {
  const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  await page.goto(env.url('/'));
  await waitForApp(page, { problems });
  await page.getByRole('button', { name: 'Svenska' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'sv', null, { timeout: T });
  const packs = packRequests(page);
  await page.reload();
  await waitForApp(page, { problems });
  await page.waitForLoadState('networkidle');
  assert.deepEqual(await preloaded(page), ['sv']);
  assert.deepEqual(packs.filter((l) => l !== 'sv'), [], 'no other language is downloaded');
  assertClean();
  await context.close();
});

test('a Finnish reader downloads the Finnish texts only; Svenska is fetched when chosen', async () => {
  const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  const packs = packRequests(page);
  await page.goto(env.url('/'));
  await waitForApp(page, { problems });
  await page.waitForLoadState('networkidle');
  assert.deepEqual(packs, ['fi'], 'only the Finnish pack before any switch, downloaded once');
  // The loader preloads it next to the wasm, and the app's own fetch takes the preloaded copy.
  assert.deepEqual(await preloaded(page), ['fi']);
  assert.equal(await page.locator('#boot-loading').count(), 0, 'the loading line gives way to the app');

  await page.getByRole('button', { name: 'Svenska' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'sv', null, { timeout: T });
  assert.deepEqual(packs, ['fi', 'sv']);
  assert.equal(await page.getByRole('group', { name: 'Språk' }).count(), 1, 'the switch is now in Swedish');

  // Back to Finnish: already loaded, nothing is downloaded again.
  await page.getByRole('button', { name: 'Suomi' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'fi', null, { timeout: T });
  assert.deepEqual(packs, ['fi', 'sv']);
  assertClean();
  await context.close();
});

test('?lang=en starts with the English pack and no other', async () => {
  const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  const packs = packRequests(page);
  await page.goto(env.url('/?lang=en'));
  await waitForApp(page, { problems });
  await page.waitForLoadState('networkidle');
  assert.deepEqual(packs, ['en']);
  assert.deepEqual(await preloaded(page), ['en']);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getByRole('group', { name: 'Language' }).count(), 1);
  assertClean();
  await context.close();
});

test('a language whose texts cannot be loaded leaves the page in its language, with a notice', async () => {
  // No service worker: it would answer from its precache, which is what makes this work offline
  // (tests/e2e/offline.test.mjs); here the first visit is cut off before the worker has cached.
  const { page, context, problems, assertClean } = await openPage(env.browser, {
    appOrigin: env.app.origin,
    ignoreConsole: [/texts-en-/, /Failed to load resource/],
    contextOptions: { serviceWorkers: 'block' },
  });
  await page.route(/\/texts-en-[0-9a-f]{16}\.json$/, (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.goto(env.url('/vaihe/profile'));
  await waitForApp(page, { problems });
  await page.locator('#q-profile-size-micro').check();

  await page.getByRole('button', { name: 'English' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'English' });
  await notice.waitFor({ timeout: T });
  assert.match(await notice.textContent(), /Kieltä English ei voitu ottaa käyttöön/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fi', 'still Finnish');
  assert.equal(await page.getByRole('group', { name: 'Kieli' }).count(), 1, 'texts still Finnish');
  assert.ok(await page.locator('#q-profile-size-micro').isChecked(), 'the answer is kept');

  // Once the texts are reachable again the switch works.
  await page.unroute(/\/texts-en-[0-9a-f]{16}\.json$/);
  await notice.getByRole('button', { name: 'Sulje' }).click();
  assert.equal(await page.getByRole('alert').filter({ hasText: 'English' }).count(), 0, 'the notice is dismissed');
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: T });
  assert.equal(await page.getByRole('alert').filter({ hasText: 'could not be switched on' }).count(), 0);
  assertClean();
  await context.close();
});

test('when no texts can be loaded, the page says so in Finnish, Swedish and English', async () => {
  const { page, context } = await openPage(env.browser, { appOrigin: env.app.origin, contextOptions: { serviceWorkers: 'block' } });
  await page.route(PACK, (route) => route.abort('internetdisconnected'));
  await page.goto(env.url('/'));
  const message = page.locator('#boot-error');
  await message.waitFor({ state: 'visible', timeout: T });
  const text = await message.textContent();
  assert.match(text, /Sovellusta ei voitu ladata/);
  assert.match(text, /Appen kunde inte laddas/);
  assert.match(text, /The app could not be loaded/);
  assert.equal(await page.locator('main').count(), 0, 'nothing half-translated is mounted');
  assert.equal(await page.locator('#boot-loading').count(), 0, 'the loading line is gone');
  await context.close();
});

test('a pack from another version is refused, not shown', async () => {
  const { page, context } = await openPage(env.browser, { appOrigin: env.app.origin, contextOptions: { serviceWorkers: 'block' } });
  await page.route(PACK, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(['vanha', 'teksti']) }),
  );
  await page.goto(env.url('/'));
  await page.locator('#boot-error').waitFor({ state: 'visible', timeout: T });
  assert.equal(await page.locator('main').count(), 0);
  assert.equal(await page.getByText('vanha').count(), 0);
  await context.close();
});
