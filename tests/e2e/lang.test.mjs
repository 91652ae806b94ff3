// Language packs: the app downloads the texts of the reader's language only, in two packs: the
// first (texts-<lang>-<hash>.json: the shell, the landing page, the steps) before it paints, the
// second (texts-<lang>-more-<hash>.json: actions, supports, factors…) right after. It fetches both
// packs of another language on a switch, keeps working when a pack cannot be loaded (the pages
// that need the second pack say so and offer a retry), and tells the reader (in all three
// languages) when no texts can be loaded at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser } from './lib/fixture.mjs';
import { openPage, waitForApp } from './lib/browser.mjs';

const env = useAppAndBrowser();
const T = 20000;
const PACK = /\/texts-(fi|sv|en)-(more-)?[0-9a-f]{16}\.json$/;
const MORE_PACK = /\/texts-(fi|sv|en)-more-[0-9a-f]{16}\.json$/;

/** The language packs the page requested, in order: 'fi' for the first Finnish pack, 'fi+' for
 *  the second one. */
function packRequests(page) {
  const langs = [];
  page.on('request', (req) => {
    const m = new URL(req.url()).pathname.match(PACK);
    if (m) langs.push(m[1] + (m[2] ? '+' : ''));
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
  assert.deepEqual(await preloaded(page), ['sv'], 'only the first pack is preloaded');
  assert.deepEqual(packs, ['sv', 'sv+'], 'no other language is downloaded');
  assertClean();
  await context.close();
});

test('a Finnish reader downloads the Finnish texts only; Svenska is fetched when chosen', async () => {
  const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  const packs = packRequests(page);
  await page.goto(env.url('/'));
  await waitForApp(page, { problems });
  await page.waitForLoadState('networkidle');
  assert.deepEqual(packs, ['fi', 'fi+'], 'only the two Finnish packs before any switch, each downloaded once');
  // The loader preloads the first next to the wasm, and the app's own fetch takes the preloaded
  // copy; the second is fetched once the app has painted.
  assert.deepEqual(await preloaded(page), ['fi']);
  assert.equal(await page.locator('#boot-loading').count(), 0, 'the loading line gives way to the app');

  await page.getByRole('button', { name: 'Svenska' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'sv', null, { timeout: T });
  assert.deepEqual(packs, ['fi', 'fi+', 'sv', 'sv+'], 'a switch loads both packs of the language');
  assert.equal(await page.getByRole('group', { name: 'Språk' }).count(), 1, 'the switch is now in Swedish');

  // Back to Finnish: already loaded, nothing is downloaded again.
  await page.getByRole('button', { name: 'Suomi' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'fi', null, { timeout: T });
  assert.deepEqual(packs, ['fi', 'fi+', 'sv', 'sv+']);
  assertClean();
  await context.close();
});

test('?lang=en starts with the English pack and no other', async () => {
  const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  const packs = packRequests(page);
  await page.goto(env.url('/?lang=en'));
  await waitForApp(page, { problems });
  await page.waitForLoadState('networkidle');
  assert.deepEqual(packs, ['en', 'en+']);
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

test('the landing page and the steps paint without the second pack; the other pages wait for it', async () => {
  const { page, context, problems, assertClean } = await openPage(env.browser, {
    appOrigin: env.app.origin,
    ignoreConsole: [/texts-fi-more-/, /Failed to load resource/],
    contextOptions: { serviceWorkers: 'block' },
  });
  // Hold the second pack back until released.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(MORE_PACK, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.url('/'));
  await waitForApp(page, { problems });
  await page.goto(env.url('/vaihe/profile'));
  await waitForApp(page, { problems });
  await page.locator('#q-profile-size-micro').check();

  await page.goto(env.url('/tulokset'));
  const loading = page.getByRole('status').filter({ hasText: 'Ladataan sivun tekstejä' });
  await loading.waitFor({ timeout: T });
  assert.equal(await page.locator('main h1').count(), 0, 'no half-translated page');
  release();
  await waitForApp(page, { problems });
  assert.equal(await loading.count(), 0, 'the loading line gives way to the page');
  assert.notEqual((await page.locator('main h1').textContent()).trim(), '');
  assertClean();
  await context.close();
});

test('a second pack that cannot be loaded gives a retry, and the retry shows the page', async () => {
  const { page, context, problems, assertClean } = await openPage(env.browser, {
    appOrigin: env.app.origin,
    ignoreConsole: [/texts-fi-more-/, /Failed to load resource/],
    contextOptions: { serviceWorkers: 'block' },
  });
  await page.route(MORE_PACK, (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.goto(env.url('/tuki'));
  const alert = page.getByRole('alert').filter({ hasText: 'Tämän sivun tekstejä ei voitu ladata' });
  await alert.waitFor({ timeout: T });
  assert.equal(await page.locator('main h1').count(), 0);
  await page.unroute(MORE_PACK);
  await alert.getByRole('button', { name: 'Yritä uudelleen' }).click();
  await waitForApp(page, { problems });
  assert.equal(await alert.count(), 0, 'the message is gone');
  assert.ok((await page.locator('main').textContent()).length > 200, 'the supports page is shown');
  assertClean();
  await context.close();
});
