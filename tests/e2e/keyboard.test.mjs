// Keyboard use (WCAG 2.1.1 Keyboard, 2.4.1 Bypass blocks, 2.4.3 Focus order):
// - the skip link is the first Tab stop and moves focus to <main>;
// - after following a link to a step (or another page) with the keyboard, focus is on the new
//   page's h1;
// - on every route (empty, and with answers/plan/import preview), walking the page with Tab
//   reaches every focusable element (radio groups count once), and every Tab stop is visible;
// - the language switch works with Enter and Space; help <details> open with Enter and Space.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';
import {
  ROUTES,
  gotoRoute,
  useFullPath,
  fillFootprint,
  answerSeveralSteps,
  addPlanItems,
  exportFile,
  chooseImportFile,
  focusableInPage,
  labelScript,
} from './lib/routes.mjs';

const env = useAppAndBrowser();

async function open(options = {}) {
  const o = await openPage(env.browser, { appOrigin: env.app.origin, ...options });
  await o.context.addInitScript(labelScript);
  return o;
}

/** Info about document.activeElement (in the top document). */
function active() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { label: 'body', tag: 'body' };
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  return {
    label: window.__label(el),
    tag: el.tagName.toLowerCase(),
    id: el.id,
    cls: typeof el.className === 'string' ? el.className : '',
    href: el.getAttribute('href'),
    lang: el.getAttribute('lang'),
    visible: r.width > 1 && r.height > 1 && cs.visibility === 'visible' && r.bottom > 0 && r.right > 0,
  };
}

/** Press Tab until the focused element matches `selector` (in the top document); fails after `max`. */
async function tabTo(page, selector, max = 300) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  assert.fail(`Tab never reached ${selector} in ${max} presses`);
}

/** Wait until main h1 has focus; fail naming what has focus instead. */
async function assertH1Focused(page, label) {
  try {
    await page.waitForFunction(() => document.activeElement === document.querySelector('main h1'), null, { timeout: 5000 });
  } catch {
    const a = await page.evaluate(active);
    assert.fail(`${label}: focus is on ${a.label}, not on main h1`);
  }
}

describe('skip link', () => {
  for (const route of ['/', '/vaihe/current', '/tuki', '/?embed=1&kunta=245']) {
    test(`is the first Tab stop and moves focus to main (${route})`, async () => {
      const { page, context, problems, assertClean } = await open();
      await gotoRoute(page, env.app.origin, route, { problems });
      const path = new URL(page.url()).pathname;
      await page.keyboard.press('Tab');
      const first = await page.evaluate(active);
      assert.equal(first.tag, 'a', `first Tab stop is a link, got ${first.label}`);
      assert.match(first.cls, /\bskip-link\b/, `first Tab stop is the skip link, got ${first.label}`);
      assert.equal(first.href, '#main');
      assert.ok(first.visible, 'the skip link is visible when focused');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main', null, { timeout: 5000 }).catch(() => {});
      const after = await page.evaluate(active);
      assert.equal(after.id, 'main', `focus moved to <main id="main">, got ${after.label}`);
      assert.equal(new URL(page.url()).pathname, path, 'the skip link does not change the page');
      // The next Tab stop is inside main (the header was skipped).
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
      assert.ok(inMain, `after the skip link, Tab goes into main, got ${(await page.evaluate(active)).label}`);
      assertClean();
      await context.close();
    });
  }
});

describe('focus after keyboard navigation', () => {
  test('a step link on the landing page: focus on the step h1', async () => {
    const { page, context, problems, assertClean } = await open();
    await gotoRoute(page, env.app.origin, '/', { problems });
    await tabTo(page, 'main .step-list a[href="/vaihe/current"]');
    const linkText = await page.evaluate(() => document.activeElement.textContent.trim());
    await page.keyboard.press('Enter');
    await page.waitForURL('**/vaihe/current', { timeout: 5000 });
    await assertH1Focused(page, '/ -> /vaihe/current');
    assert.equal((await page.locator('main h1').textContent()).trim(), linkText, 'the h1 is the step the link named');
    assertClean();
    await context.close();
  });

  test('the start button, the step dots and the next-step button: focus on each h1', async () => {
    const { page, context, problems, assertClean } = await open();
    await gotoRoute(page, env.app.origin, '/', { problems });
    await tabTo(page, 'main a.button[href="/vaihe/profile"]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/vaihe/profile', { timeout: 5000 });
    await assertH1Focused(page, 'start -> /vaihe/profile');

    // From the h1, Tab onwards to the next-step button.
    await tabTo(page, 'main .step-buttons a.button:not(.secondary)');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/vaihe/why', { timeout: 5000 });
    await assertH1Focused(page, 'next -> /vaihe/why');

    // Back to the top with Shift+Tab is long; use the step dots from a fresh Tab walk.
    await page.evaluate(() => document.activeElement?.blur());
    await tabTo(page, 'main .step-dots a[href="/vaihe/goals"]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/vaihe/goals', { timeout: 5000 });
    await assertH1Focused(page, 'step dots -> /vaihe/goals');

    // The main navigation and the footer.
    await page.evaluate(() => document.activeElement?.blur());
    await tabTo(page, 'header nav a[href="/tulokset"]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/tulokset', { timeout: 5000 });
    await assertH1Focused(page, 'nav -> /tulokset');
    await tabTo(page, 'footer a[href="/saavutettavuus"]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/saavutettavuus', { timeout: 5000 });
    await assertH1Focused(page, 'footer -> /saavutettavuus');
    assertClean();
    await context.close();
  });
});

/**
 * Walk the page with Tab from the top until focus comes back to the first stop. Returns the
 * labels of the stops in order and the stops that were not visible when focused.
 */
async function tabWalk(page, max = 1500) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  const stops = [];
  const invisible = [];
  let first = null;
  let same = 0;
  let prev = null;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const a = await page.evaluate(active);
    if (a.label === 'body') continue; // focus left the page for the browser's own UI
    if (a.label === first) return { stops, invisible, complete: true };
    first ??= a.label;
    if (a.label === prev) {
      // Inside the /kunnille preview frame the top document's active element stays the iframe.
      if (a.tag !== 'iframe' && ++same > 3) break;
      continue;
    }
    same = 0;
    prev = a.label;
    stops.push(a.label);
    if (!a.visible && a.tag !== 'iframe') invisible.push(a.label);
  }
  return { stops, invisible, complete: false };
}

async function assertAllReachable(page, label) {
  const { focusable: expected, unfocusable } = await page.evaluate(focusableInPage);
  assert.ok(expected.length > 3, `${label}: found ${expected.length} focusable elements`);
  assert.deepEqual(unfocusable, [], `${label}: elements that look interactive but cannot take focus:\n${unfocusable.join('\n')}`);
  const { stops, invisible, complete } = await tabWalk(page);
  assert.ok(complete, `${label}: the Tab walk did not come back to the first stop (stuck or too long) after ${stops.length} stops`);
  const walked = new Set(stops);
  const missing = expected.filter((x) => !walked.has(x));
  assert.deepEqual(missing, [], `${label}: ${missing.length} focusable element(s) never reached with Tab:\n${missing.join('\n')}`);
  assert.deepEqual(invisible, [], `${label}: Tab stops that were not visible when focused:\n${invisible.join('\n')}`);
  return stops.length;
}

describe('every interactive element is reachable with Tab', () => {
  test('every route, no data yet', async () => {
    const { page, context, problems, assertClean } = await open();
    for (const route of [...ROUTES, '/?embed=1&kunta=245']) {
      await gotoRoute(page, env.app.origin, route, { problems });
      await assertAllReachable(page, route);
    }
    assertClean();
    await context.close();
  });

  test('with answers, a plan and an import preview', async () => {
    const { page, context, problems, assertClean } = await open();
    await answerSeveralSteps(page, env.app.origin, { problems });
    await addPlanItems(page, env.app.origin, { problems });
    for (const route of ['/vaihe/profile', '/vaihe/current', '/tulokset', '/suunnitelma', '/tuki', '/raportti']) {
      await gotoRoute(page, env.app.origin, route, { problems });
      await assertAllReachable(page, `${route} (with data)`);
    }
    const file = await exportFile(page, env.app.origin, { problems });
    await chooseImportFile(page, file);
    await page.locator('main .notice.preview table').waitFor({ timeout: 5000 });
    const n = await assertAllReachable(page, '/tiedot with an import preview');
    assert.ok(n > 10);
    assertClean();
    await context.close();
  });

  test('at 320 px with data (tables and charts may scroll there)', async () => {
    const { page, context, problems, assertClean } = await open({ contextOptions: { viewport: { width: 320, height: 640 } } });
    await useFullPath(page, env.app.origin, { problems });
    await answerSeveralSteps(page, env.app.origin, { problems });
    await fillFootprint(page, env.app.origin, { problems });
    await addPlanItems(page, env.app.origin, { problems });
    for (const route of ['/', '/vaihe/footprint', '/tulokset', '/suunnitelma', '/raportti', '/tiedot']) {
      await gotoRoute(page, env.app.origin, route, { problems });
      await assertAllReachable(page, `${route} at 320 px (with data)`);
    }
    assertClean();
    await context.close();
  });
});

describe('language switch', () => {
  test('Enter and Space change the language; focus stays on the button', async () => {
    const { page, context, problems, assertClean } = await open();
    await gotoRoute(page, env.app.origin, '/vaihe/profile', { problems });
    const h1fi = (await page.locator('main h1').textContent()).trim();

    await tabTo(page, '.lang-switch button[lang="sv"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'sv', null, { timeout: 5000 });
    assert.equal(await page.getAttribute('.lang-switch button[lang="sv"]', 'aria-pressed'), 'true');
    assert.equal(await page.getAttribute('.lang-switch button[lang="fi"]', 'aria-pressed'), 'false');
    const h1sv = (await page.locator('main h1').textContent()).trim();
    assert.notEqual(h1sv, h1fi, 'the h1 is in Swedish now');
    assert.equal((await page.evaluate(active)).lang, 'sv', 'focus stays on the Svenska button');

    await page.keyboard.press('Tab'); // to English
    assert.equal((await page.evaluate(active)).lang, 'en');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5000 });
    assert.equal(await page.getAttribute('.lang-switch button[lang="en"]', 'aria-pressed'), 'true');
    const h1en = (await page.locator('main h1').textContent()).trim();
    assert.ok(h1en !== h1sv && h1en !== h1fi, 'the h1 is in English now');
    assert.equal((await page.evaluate(active)).lang, 'en', 'focus stays on the English button');

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal((await page.evaluate(active)).lang, 'fi');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'fi', null, { timeout: 5000 });
    assert.equal((await page.locator('main h1').textContent()).trim(), h1fi);
    assertClean();
    await context.close();
  });
});

describe('help texts', () => {
  test('<details> open and close with Enter and Space', async () => {
    const { page, context, problems, assertClean } = await open();
    await gotoRoute(page, env.app.origin, '/vaihe/profile', { problems });
    await tabTo(page, 'main details.help > summary');
    const details = page.locator('main details.help').first();
    assert.equal(await details.evaluate((d) => d === document.activeElement.parentElement), true, 'the first help is focused');
    assert.equal(await details.evaluate((d) => d.open), false, 'closed at first');
    const text = details.locator('p');
    assert.equal(await text.isVisible(), false, 'help text hidden while closed');

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement.parentElement.open === true, null, { timeout: 2000 });
    assert.equal(await text.isVisible(), true, 'help text visible after Enter');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement.parentElement.open === false, null, { timeout: 2000 });

    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.activeElement.parentElement.open === true, null, { timeout: 2000 });
    assert.equal(await text.isVisible(), true, 'help text visible after Space');

    // The footprint step's "where to find" helps work the same way.
    await gotoRoute(page, env.app.origin, '/vaihe/footprint', { problems });
    // The sources are collapsed groups: a source's summary opens with Enter, too.
    await tabTo(page, 'details.fp-source > summary');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement.parentElement.open === true, null, { timeout: 2000 });
    await tabTo(page, '.fp-row details.help > summary');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement.parentElement.open === true, null, { timeout: 2000 });
    assertClean();
    await context.close();
  });
});
