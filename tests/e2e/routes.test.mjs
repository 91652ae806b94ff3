// The app shell (foundation issue): every route renders with a real heading and a page title,
// the language switch (and ?lang=) changes texts, <html lang> and the title and persists, a deep
// link reloads, and a walk through every route requests nothing from any other origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';
import { ROUTES, gotoRoute, routeName } from './lib/routes.mjs';

const env = useAppAndBrowser();

test('every route has its own heading and page title, and requests only the app origin', async () => {
  const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  const titles = new Set();
  const requested = new Set();
  page.on('request', (r) => requested.add(new URL(r.url()).origin));
  for (const route of ROUTES) {
    await gotoRoute(page, env.app.origin, route, { problems });
    const h1 = (await page.locator('main h1').first().textContent())?.trim();
    assert.ok(h1, `${route}: main h1 has text`);
    const title = await page.title();
    assert.match(title, / – Ilmastoaskeleet$/, `${route}: title names the page`);
    assert.ok(title.replace(/ – Ilmastoaskeleet$/, '').trim().length > 2, `${route}: title "${title}" has a page name`);
    titles.add(title);
    await screenshot(page, `route-${routeName(route)}`);
  }
  assert.ok(titles.size >= ROUTES.length - 1, `titles differ between pages: ${[...titles].join(' | ')}`);
  assert.deepEqual([...requested], [env.app.origin], 'no request to any other origin');
  assertClean();
  await context.close();
});

test('the language switch changes texts, <html lang> and title, and persists over a reload', async () => {
  const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  await gotoRoute(page, env.app.origin, '/tulokset', { problems });
  assert.equal(await page.getAttribute('html', 'lang'), 'fi');
  const fiTitle = await page.title();
  const fiH1 = await page.locator('main h1').textContent();
  for (const [name, code] of [['Svenska', 'sv'], ['English', 'en']]) {
    await page.getByRole('button', { name, exact: true }).first().click();
    await page.waitForFunction((c) => document.documentElement.lang === c, code);
    assert.notEqual(await page.locator('main h1').textContent(), fiH1, `${code}: heading is translated`);
    assert.notEqual(await page.title(), fiTitle, `${code}: title is translated`);
    assert.equal(await page.getByRole('button', { name, exact: true }).first().getAttribute('aria-pressed'), 'true');
  }
  await page.reload();
  await page.waitForSelector('main h1');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the chosen language persists');
  assertClean();
  await context.close();
});

test('?lang= sets the language and an unknown value is ignored', async () => {
  const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  await gotoRoute(page, env.app.origin, '/?lang=sv', { problems });
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  await page.evaluate(() => localStorage.clear());
  await gotoRoute(page, env.app.origin, '/?lang=xx', { problems });
  assert.equal(await page.getAttribute('html', 'lang'), 'fi', 'Finnish is the default');
  assertClean();
  await context.close();
});

test('a deep link reloads into the same page, and navigation keeps working', async () => {
  const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  await gotoRoute(page, env.app.origin, '/vaihe/goals', { problems });
  const h1 = await page.locator('main h1').textContent();
  await page.reload();
  await page.waitForSelector('main h1');
  assert.equal(await page.locator('main h1').textContent(), h1);
  assert.equal(new URL(page.url()).pathname, '/vaihe/goals');
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Tulokset' }).click();
  await page.waitForURL(/\/tulokset$/);
  assert.equal(await page.getByRole('link', { name: 'Tulokset' }).first().getAttribute('aria-current'), 'page');
  await page.goBack();
  await page.waitForURL(/\/vaihe\/goals$/);
  assert.equal(await page.locator('main h1').textContent(), h1);
  assertClean();
  await context.close();
});
