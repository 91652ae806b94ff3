// Accessibility: axe-core (WCAG 2.0/2.1 A+AA and 2.2 AA rules) finds no violations on any route
// in Finnish, in the app's main states (answers given, a validation error, results, a plan,
// import errors and preview, storage blocked, a new version waiting, embed mode), and on a few
// routes in Swedish and English. A failure lists each violation's id, help and target nodes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, waitForApp, waitForServiceWorker } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';
import {
  ROUTES,
  gotoRoute,
  useFullPath,
  answerStep,
  answerSeveralSteps,
  addPlanItems,
  fillFootprint,
  exportFile,
  chooseImportFile,
  BAD_IMPORT,
  blockStorageScript,
} from './lib/routes.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// The /sw.js the server sends: its text gets a suffix to imitate a new deployment.
let swSuffix = '';

const env = useAppAndBrowser({
  app: {
    handler: (req, res, url) => {
      if (url.pathname !== '/sw.js' || !swSuffix) return false;
      // A "new version": the same worker with other bytes, so the browser installs it as waiting.
      const body = readFileSync(`${env.app.root}/sw.js`, 'utf8') + swSuffix;
      res.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-cache',
        ...(env.app.csp ? { 'Content-Security-Policy': env.app.csp } : {}),
      });
      res.end(body);
      return true;
    },
  },
});

/** Every violation with its id, impact, help, help URL and every target node with its summary. */
function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary || '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** Run axe with the WCAG 2.2 AA tags on the page (and its frames); fail listing every violation. */
async function assertAxeClean(page, label) {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // axe must have looked at something: an empty pass list means it never ran on the app.
  assert.ok(result.passes.length > 0, `${label}: axe ran no checks`);
  assert.deepEqual(
    result.violations.map((v) => v.id),
    [],
    `${label}: ${result.violations.length} axe violation(s):\n${describeViolations(result.violations)}`,
  );
}

async function withPage(fn, { contextOptions, initScripts = [] } = {}) {
  const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin, contextOptions });
  for (const s of initScripts) await context.addInitScript(s);
  try {
    await fn(page, problems, context);
    assertClean();
  } finally {
    await context.close();
  }
}

describe('every route in Finnish', () => {
  for (const route of ROUTES) {
    test(`axe: ${route}`, () =>
      withPage(async (page, problems) => {
        await gotoRoute(page, env.app.origin, route, { problems });
        assert.equal(await page.getAttribute('html', 'lang'), 'fi');
        await assertAxeClean(page, route);
      }));
  }
});

describe('main states', () => {
  test('axe: a step with answers and a number-field validation error', () =>
    withPage(async (page, problems) => {
      await useFullPath(page, env.app.origin, { problems });
      const n = await answerStep(page, env.app.origin, 'monitoring', { problems });
      assert.ok(n >= 2, `answered ${n} questions on /vaihe/monitoring`);
      const input = page.locator('#q-monitoring-renewable-share-input');
      await input.fill('paljon');
      await input.press('Tab');
      const error = page.locator('#q-monitoring-renewable-share-error');
      await error.waitFor({ state: 'visible', timeout: 5000 });
      assert.ok((await error.textContent()).trim().length > 0, 'the error message has text');
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      await assertAxeClean(page, '/vaihe/monitoring with answers and an error');
    }));

  test('axe: results with answers', () =>
    withPage(async (page, problems) => {
      await answerSeveralSteps(page, env.app.origin, { problems });
      await gotoRoute(page, env.app.origin, '/tulokset', { problems });
      await page.locator('#overall-title').waitFor({ timeout: 5000 });
      assert.ok((await page.locator('main .cards > li').count()) > 0, 'suggested actions are listed');
      await assertAxeClean(page, '/tulokset with answers');
    }));

  test('axe: the plan with items', () =>
    withPage(async (page, problems) => {
      await answerSeveralSteps(page, env.app.origin, { problems });
      await addPlanItems(page, env.app.origin, { problems });
      assert.ok((await page.locator('.plan-item').count()) >= 2, 'two plan items');
      await assertAxeClean(page, '/suunnitelma with items');
      // The report and the supports page with a plan and answers.
      await gotoRoute(page, env.app.origin, '/raportti', { problems });
      await assertAxeClean(page, '/raportti with answers and a plan');
      await gotoRoute(page, env.app.origin, '/tuki', { problems });
      await assertAxeClean(page, '/tuki with answers and a plan');
    }));

  test('axe: the data page with an import error list', () =>
    withPage(async (page, problems) => {
      await gotoRoute(page, env.app.origin, '/tiedot', { problems });
      await chooseImportFile(page, BAD_IMPORT, 'virheellinen.json');
      const items = page.locator('main .notice.warn li');
      await items.first().waitFor({ timeout: 5000 });
      assert.ok((await items.count()) >= 2, 'several import problems are listed');
      await assertAxeClean(page, '/tiedot with import errors');
    }));

  test('axe: the data page with an import preview', () =>
    withPage(async (page, problems) => {
      await answerStep(page, env.app.origin, 'profile', { problems });
      const file = await exportFile(page, env.app.origin, { problems });
      assert.match(file, /"app":\s*"ilmastoaskeleet"/);
      await chooseImportFile(page, file, 'vienti.json');
      await page.locator('main .notice.preview table').waitFor({ timeout: 5000 });
      await assertAxeClean(page, '/tiedot with an import preview');
    }));

  test('axe: storage blocked notice', () =>
    withPage(
      async (page, problems) => {
        await gotoRoute(page, env.app.origin, '/', { problems });
        const notice = page.locator('.notices .notice.warn');
        await notice.waitFor({ timeout: 5000 });
        assert.match(await notice.textContent(), /tallentamista/);
        await assertAxeClean(page, '/ with storage blocked');
        await gotoRoute(page, env.app.origin, '/vaihe/profile', { problems });
        await notice.waitFor({ timeout: 5000 });
        await assertAxeClean(page, '/vaihe/profile with storage blocked');
      },
      { initScripts: [blockStorageScript] },
    ));

  test('axe: "new version available" notice', () =>
    withPage(async (page, problems) => {
      swSuffix = '';
      await gotoRoute(page, env.app.origin, '/', { problems });
      await waitForServiceWorker(page);
      // Deploy a "new version" of the worker; the reload finds it, installs it and it waits.
      swSuffix = `\n// new version ${Date.now()}\n`;
      try {
        await page.reload();
        await waitForApp(page, { problems });
        const notice = page.locator('.notices .notice.info', { hasText: 'uusi versio' });
        await notice.waitFor({ timeout: 15000 });
        await assertAxeClean(page, '/ with the update notice');
      } finally {
        swSuffix = '';
      }
    }));

  test('axe: embed mode (/?embed=1&kunta=245)', () =>
    withPage(async (page, problems) => {
      await gotoRoute(page, env.app.origin, '/?embed=1&kunta=245', { problems });
      assert.equal(await page.locator('html.embed').count(), 1, 'embed class on <html>');
      assert.equal(await page.locator('.embed-bar').count(), 1, 'embed bar shown');
      assert.equal(await page.locator('header.site-header').count(), 0, 'no site header when embedded');
      await assertAxeClean(page, '/?embed=1&kunta=245');
      await gotoRoute(page, env.app.origin, '/vaihe/profile?embed=1&kunta=245', { problems });
      await assertAxeClean(page, '/vaihe/profile?embed=1&kunta=245');
    }));

  test('axe at 320 px with data: scrolling tables, charts, plan, report, import preview', () =>
    withPage(
      async (page, problems) => {
        await useFullPath(page, env.app.origin, { problems });
        await answerSeveralSteps(page, env.app.origin, { problems });
        await fillFootprint(page, env.app.origin, { problems });
        await addPlanItems(page, env.app.origin, { problems });
        for (const route of ['/', '/vaihe/profile', '/vaihe/footprint', '/tulokset', '/suunnitelma', '/tuki', '/raportti']) {
          await gotoRoute(page, env.app.origin, route, { problems });
          await assertAxeClean(page, `${route} at 320 px`);
        }
        // Results keeps the full per-step results and every suggestion in closed <details>: open
        // them, check them too, and the maturity table (wider than the screen at 320 px) scrolls
        // in its own region.
        await gotoRoute(page, env.app.origin, '/tulokset', { problems });
        for (const summary of await page.locator('main details.more > summary').all()) await summary.click();
        await assertAxeClean(page, '/tulokset at 320 px, every section open');
        const wrap = page.locator('main details.more .table-wrap').first();
        assert.ok(await wrap.evaluate((w) => w.scrollWidth > w.clientWidth), 'the maturity table scrolls inside its region at 320 px');
        const file = await exportFile(page, env.app.origin, { problems });
        await chooseImportFile(page, file);
        await page.locator('main .notice.preview table').waitFor({ timeout: 5000 });
        await assertAxeClean(page, '/tiedot import preview at 320 px');
      },
      { contextOptions: { viewport: { width: 320, height: 640 } } },
    ));

  test('axe: embed themes and a custom accent colour (contrast)', () =>
    withPage(async (page, problems) => {
      for (const q of ['theme=sea', 'theme=heather', 'theme=contrast', 'accent=7a1f5c']) {
        for (const route of ['/', '/vaihe/profile', '/tulokset']) {
          const url = `${route}?embed=1&kunta=245&${q}`;
          await gotoRoute(page, env.app.origin, url, { problems });
          if (q.startsWith('theme=')) assert.equal(await page.locator(`html.theme-${q.slice(6)}`).count(), 1, `${url}: theme class`);
          await assertAxeClean(page, url);
        }
      }
    }));
});

/**
 * In the page: live regions (aria-live, role=status/alert/log) that are not rendered. A region
 * that is display:none (or inside something that is) is not in the accessibility tree, so
 * screen readers do not announce the text that later appears in it (WCAG 4.1.3).
 */
function hiddenLiveRegions() {
  const out = [];
  for (const el of document.querySelectorAll('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]')) {
    let hidden = getComputedStyle(el).visibility === 'hidden';
    for (let p = el; p && !hidden; p = p.parentElement) if (getComputedStyle(p).display === 'none') hidden = true;
    if (hidden) out.push(`<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} class="${el.className}"> "${el.textContent.trim().slice(0, 40)}"`);
  }
  return out;
}

describe('beyond axe', () => {
  test('every route has its own title "<page> – Ilmastoaskeleet"', () =>
    withPage(async (page, problems) => {
      const seen = new Map();
      for (const route of ROUTES) {
        await gotoRoute(page, env.app.origin, route, { problems });
        await page.waitForFunction(() => / – Ilmastoaskeleet$/.test(document.title), null, { timeout: 5000 }).catch(() => {});
        const title = await page.title();
        assert.match(title, /^\S.* – Ilmastoaskeleet$/, `${route}: title "${title}"`);
        assert.ok(!seen.has(title), `${route} has the same title as ${seen.get(title)}: "${title}"`);
        seen.set(title, route);
      }
      // The title follows the language.
      await gotoRoute(page, env.app.origin, '/tulokset?lang=sv', { problems });
      await page.waitForFunction(() => / – Ilmastoaskeleet$/.test(document.title), null, { timeout: 5000 });
      assert.notEqual(await page.title(), [...seen.entries()].find(([, r]) => r === '/tulokset')[0], 'Swedish title');
    }));

  test('live regions are in the accessibility tree before they get content', () =>
    withPage(async (page, problems) => {
      await useFullPath(page, env.app.origin, { problems });
      let regions = 0;
      for (const route of ROUTES) {
        await gotoRoute(page, env.app.origin, route, { problems });
        regions += await page.locator('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"]').count();
        const hidden = await page.evaluate(hiddenLiveRegions);
        assert.deepEqual(hidden, [], `${route}: live regions that are display:none while empty:\n${hidden.join('\n')}`);
      }
      assert.ok(regions > ROUTES.length, `found ${regions} live regions`);
      // A field's error region announces the error: after a wrong entry it has the text.
      await gotoRoute(page, env.app.origin, '/vaihe/monitoring', { problems });
      const input = page.locator('#q-monitoring-renewable-share-input');
      await input.fill('101');
      await input.press('Tab');
      const error = page.locator('#q-monitoring-renewable-share-error');
      assert.equal(await error.getAttribute('aria-live'), 'polite');
      await page.waitForFunction(() => document.querySelector('#q-monitoring-renewable-share-error').textContent.trim() !== '', null, { timeout: 5000 });
      assert.deepEqual(await input.evaluate((i) => i.getAttribute('aria-describedby').split(' ')), ['q-monitoring-renewable-share-error']);
    }));
});

describe('Swedish and English', () => {
  const SOME = ['/', '/vaihe/profile', '/vaihe/footprint', '/tulokset', '/suunnitelma', '/tuki', '/tiedot'];
  for (const lang of ['sv', 'en']) {
    test(`axe: ${SOME.length} routes in ${lang}`, () =>
      withPage(async (page, problems) => {
        for (const route of SOME) {
          await gotoRoute(page, env.app.origin, `${route}?lang=${lang}`, { problems });
          assert.equal(await page.getAttribute('html', 'lang'), lang, `${route}: <html lang>`);
          await assertAxeClean(page, `${route}?lang=${lang}`);
        }
      }));
  }
});
