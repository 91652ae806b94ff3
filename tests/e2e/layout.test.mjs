// Layout (WCAG 1.4.10 Reflow, 1.4.4 Resize text, 2.4.7 Focus visible, 2.4.11 Focus not obscured):
// - at 320 CSS px wide, and at "1280 px with 200 % zoom" (a 640 CSS px viewport with
//   deviceScaleFactor 2; zooming with style.zoom would need an inline style, which the CSP
//   forbids), every route, empty and with data, has no horizontal scrolling and no element
//   that sticks out of the viewport. Full-page screenshots go to artifacts/layout-*.png.
// - tabbing through a page, every focused element (links, buttons, radios, text inputs…) shows
//   a focus indicator: an outline of at least 2 px that is not 'none', or a box-shadow, and it
//   is not hidden under other content.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';
import {
  ROUTES,
  routeName,
  gotoRoute,
  useFullPath,
  answerSeveralSteps,
  addPlanItems,
  fillFootprint,
  exportFile,
  chooseImportFile,
  BAD_IMPORT,
  blockStorageScript,
  labelScript,
} from './lib/routes.mjs';

const VIEWPORTS = [
  { name: '320', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: '1280-zoom200', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
];

const env = useAppAndBrowser();

/**
 * In the page: the document's scroll width and every element that reaches outside the
 * viewport horizontally or is wider than it. Elements of zero size and visually hidden text
 * (clipped to 1 px) are skipped, and so is the skip link while it waits above the page.
 * The one exception is a data table (1.4.10 allows two-dimensional scrolling for those) inside
 * a .table-wrap that fits the viewport, scrolls on its own and can be reached and scrolled with
 * the keyboard: role="region", tabindex="0" and a name. Anything else sticking out fails.
 */
function measureOverflow() {
  const W = window.innerWidth;
  const inScrollRegion = (el) => {
    const wrap = el.closest('.table-wrap');
    if (!wrap || wrap === el || !wrap.contains(el.closest('table'))) return false;
    const r = wrap.getBoundingClientRect();
    const ox = getComputedStyle(wrap).overflowX;
    return (
      (ox === 'auto' || ox === 'scroll') &&
      r.left >= -0.5 &&
      r.right <= W + 0.5 &&
      wrap.getAttribute('role') === 'region' &&
      wrap.getAttribute('tabindex') === '0' &&
      !!(wrap.getAttribute('aria-label') || wrap.getAttribute('aria-labelledby'))
    );
  };
  const offenders = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.width <= 1 && r.height <= 1) continue; // .visually-hidden
    if (getComputedStyle(el).visibility === 'hidden') continue;
    // The skip link waits above the page until focused.
    if (r.bottom <= 0) continue;
    if (r.left < -0.5 || r.right > W + 0.5 || r.width > W + 0.5) {
      if (inScrollRegion(el)) continue;
      const cls = typeof el.className === 'string' ? el.className : el.className?.baseVal || '';
      offenders.push(
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''} ` +
          `[${Math.round(r.left)}…${Math.round(r.right)}, width ${Math.round(r.width)}] "${(el.textContent || '').trim().slice(0, 40)}"`,
      );
    }
  }
  return {
    innerWidth: W,
    scrollWidth: document.documentElement.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth,
    offenders,
  };
}

/**
 * In the page: words of table cells, headings, buttons, labels and links that are broken in the
 * middle over two lines (overflow-wrap: anywhere does that when a box is too narrow: "Ma|tka|lla").
 * Only a word that cannot fit may break: one wider than its block (a heading, a card), or, in a
 * table (which can grow and scroll in its .table-wrap), one wider than the viewport.
 */
function brokenWords() {
  const out = [];
  const available = (el) => {
    if (el.closest('th, td, caption')) return window.innerWidth * 0.9;
    // An inline or inline-block element (a link, a button) is as wide as its block allows.
    let box = el;
    while (box.parentElement && getComputedStyle(box).display.startsWith('inline')) box = box.parentElement;
    const cs = getComputedStyle(box);
    return box.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
  };
  const sel = 'th, td, caption, h1, h2, h3, button, label, legend, summary, nav a, a.button, .badge';
  for (const el of document.querySelectorAll(sel)) {
    if (!el.getClientRects().length || el.closest('.visually-hidden, svg')) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest('.visually-hidden')) continue;
      // Hyphens are break opportunities: check the parts between them.
      for (const m of n.data.matchAll(/[^\s\-‐–—/]+/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const rects = [...r.getClientRects()].filter((x) => x.width > 0.5);
        if (new Set(rects.map((x) => Math.round(x.top))).size < 2) continue;
        const width = rects.reduce((w, x) => w + x.width, 0);
        if (width > available(el) - 1) continue;
        out.push(`<${el.tagName.toLowerCase()}> "${m[0]}" broken over ${rects.length} lines (in "${el.textContent.trim().slice(0, 50)}")`);
      }
    }
  }
  return [...new Set(out)];
}

async function assertReflows(page, label, shotName) {
  const m = await page.evaluate(measureOverflow);
  await screenshot(page, shotName);
  const broken = await page.evaluate(brokenWords);
  assert.deepEqual(broken, [], `${label}: ${broken.length} word(s) broken in the middle:\n${broken.join('\n')}`);
  assert.ok(
    m.scrollWidth <= m.innerWidth,
    `${label}: horizontal scrolling (scrollWidth ${m.scrollWidth} > innerWidth ${m.innerWidth})\n${m.offenders.slice(0, 20).join('\n')}`,
  );
  assert.deepEqual(m.offenders, [], `${label}: ${m.offenders.length} element(s) outside the ${m.innerWidth} px viewport`);
}

for (const vp of VIEWPORTS) {
  describe(`reflow at ${vp.name}`, () => {
    const contextOptions = { viewport: vp.viewport, deviceScaleFactor: vp.deviceScaleFactor };
    const open = () => openPage(env.browser, { appOrigin: env.app.origin, contextOptions });

    test('the viewport is what it claims to be', async () => {
      const { page, context, problems, assertClean } = await open();
      await gotoRoute(page, env.app.origin, '/', { problems });
      const got = await page.evaluate(() => ({ w: window.innerWidth, dpr: window.devicePixelRatio }));
      assert.deepEqual(got, { w: vp.viewport.width, dpr: vp.deviceScaleFactor });
      assertClean();
      await context.close();
    });

    test('every route, no data yet', async () => {
      const { page, context, problems, assertClean } = await open();
      for (const route of [...ROUTES, '/?embed=1&kunta=245']) {
        await gotoRoute(page, env.app.origin, route, { problems });
        await assertReflows(page, `${vp.name} ${route}`, `layout-${vp.name}-${routeName(route)}`);
      }
      assertClean();
      await context.close();
    });

    test('every route with answers, a footprint and a plan', async () => {
      const { page, context, problems, assertClean } = await open();
      await useFullPath(page, env.app.origin, { problems });
      await answerSeveralSteps(page, env.app.origin, { problems });
      await fillFootprint(page, env.app.origin, { problems });
      await addPlanItems(page, env.app.origin, { problems });
      // Every plan field filled, with long words that must wrap.
      await page.locator('.plan-item input[type="text"]').first().fill('Toimitusjohtajanvarahenkilö Ympäristövastaava');
      await page.locator('.plan-item textarea').first().fill('Pitkä muistiinpano '.repeat(20));
      await page.locator('.plan-item select').first().selectOption('done');
      for (const route of ROUTES) {
        await gotoRoute(page, env.app.origin, route, { problems });
        await assertReflows(page, `${vp.name} ${route} (with data)`, `layout-${vp.name}-data-${routeName(route)}`);
      }
      // Chart text stays legible: a chart too narrow for its labels gives way to its table.
      for (const route of ['/tulokset', '/vaihe/footprint']) {
        await gotoRoute(page, env.app.origin, route, { problems });
        const charts = await page.evaluate(() =>
          [...document.querySelectorAll('svg.bars')].map((svg) => {
            const shown = svg.getClientRects().length > 0;
            const text = svg.querySelector('text');
            const px = shown && text ? (parseFloat(getComputedStyle(text).fontSize) * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width : null;
            const table = svg.closest('figure')?.nextElementSibling?.querySelector('table');
            return { shown, px, tableShown: !!table && table.getClientRects().length > 0 };
          }),
        );
        assert.ok(charts.length > 0, `${vp.name} ${route}: has a chart`);
        for (const c of charts) {
          assert.ok(c.tableShown, `${vp.name} ${route}: the chart's table is shown`);
          if (c.shown) assert.ok(c.px >= 11, `${vp.name} ${route}: chart text renders at ${c.px?.toFixed(1)} px`);
        }
      }
      // A validation error on a number field.
      await gotoRoute(page, env.app.origin, '/vaihe/monitoring', { problems });
      const input = page.locator('#q-monitoring-renewable-share-input');
      await input.fill('1000000000000000000000000');
      await input.press('Tab');
      await page.locator('#q-monitoring-renewable-share-error').waitFor({ state: 'visible', timeout: 5000 });
      await assertReflows(page, `${vp.name} number error`, `layout-${vp.name}-number-error`);
      // Import preview and import errors on /tiedot.
      const file = await exportFile(page, env.app.origin, { problems });
      await chooseImportFile(page, file);
      await page.locator('main .notice.preview table').waitFor({ timeout: 5000 });
      await assertReflows(page, `${vp.name} import preview`, `layout-${vp.name}-import-preview`);
      await chooseImportFile(page, BAD_IMPORT);
      await page.locator('main .notice.warn li').first().waitFor({ timeout: 5000 });
      await assertReflows(page, `${vp.name} import errors`, `layout-${vp.name}-import-errors`);
      // The share link field.
      await page.locator('section[aria-labelledby="share-title"] button').first().click();
      await page.locator('#share-link').waitFor({ timeout: 5000 });
      await assertReflows(page, `${vp.name} share link`, `layout-${vp.name}-share-link`);
      assertClean();
      await context.close();
    });

    test('storage blocked notice and Swedish/English texts', async () => {
      const { page, context, problems, assertClean } = await open();
      await context.addInitScript(blockStorageScript);
      await gotoRoute(page, env.app.origin, '/', { problems });
      await page.locator('.notices .notice.warn').waitFor({ timeout: 5000 });
      await assertReflows(page, `${vp.name} storage blocked`, `layout-${vp.name}-storage-blocked`);
      for (const lang of ['sv', 'en']) {
        for (const route of ['/', '/vaihe/profile', '/vaihe/footprint', '/tuki', '/tiedot']) {
          await gotoRoute(page, env.app.origin, `${route}?lang=${lang}`, { problems });
          await assertReflows(page, `${vp.name} ${route}?lang=${lang}`, `layout-${vp.name}-${lang}-${routeName(route)}`);
        }
      }
      assertClean();
      await context.close();
    });
  });
}

/**
 * In the page: the focus indicator of the focused element: outline style/width, box-shadow,
 * and whether the element's centre is covered by something else (2.4.11).
 */
function focusStyle() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const x = Math.min(Math.max(r.left + r.width / 2, 0), window.innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), window.innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const covered = !!hit && hit !== el && !el.contains(hit) && !(hit.tagName === 'LABEL' && hit.control === el) && !hit.contains(el);
  return {
    label: window.__label(el),
    tag: el.tagName.toLowerCase(),
    type: el.type || '',
    outlineStyle: cs.outlineStyle,
    outlineWidth: parseFloat(cs.outlineWidth) || 0,
    boxShadow: cs.boxShadow,
    inViewport: r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth,
    covered,
    coveredBy: covered ? window.__label(hit) : '',
  };
}

const hasIndicator = (s) => (s.outlineStyle !== 'none' && s.outlineWidth >= 2) || (s.boxShadow && s.boxShadow !== 'none');

describe('visible focus', () => {
  const PAGES = ['/', '/vaihe/profile', '/vaihe/footprint', '/suunnitelma', '/tiedot', '/kunnille'];
  for (const vp of [{ name: '1280', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 }, VIEWPORTS[0]]) {
    test(`every Tab stop shows a focus indicator (${vp.name})`, async () => {
      const { page, context, problems, assertClean } = await openPage(env.browser, {
        appOrigin: env.app.origin,
        contextOptions: { viewport: vp.viewport, deviceScaleFactor: vp.deviceScaleFactor },
      });
      await context.addInitScript(labelScript);
      await answerSeveralSteps(page, env.app.origin, { problems, steps: ['profile'] });
      await addPlanItems(page, env.app.origin, { problems });
      const kinds = new Set();
      const bad = [];
      for (const route of PAGES) {
        await gotoRoute(page, env.app.origin, route, { problems });
        let first = null;
        for (let i = 0; i < 400; i++) {
          await page.keyboard.press('Tab');
          const s = await page.evaluate(focusStyle);
          if (!s) continue;
          if (s.label === first) break;
          first ??= s.label;
          // The preview frame of /kunnille: its own document is checked as a route of its own.
          if (s.tag === 'iframe') break;
          if (s.tag === 'a') kinds.add('link');
          if (s.tag === 'button') kinds.add('button');
          if (s.tag === 'input' && s.type === 'radio') kinds.add('radio');
          if (s.tag === 'input' && s.type === 'text') kinds.add('text input');
          if (!hasIndicator(s)) bad.push(`${route}: ${s.label}: outline ${s.outlineStyle} ${s.outlineWidth}px, box-shadow ${s.boxShadow}`);
          if (!s.inViewport) bad.push(`${route}: ${s.label}: focused but outside the viewport`);
          if (s.covered) bad.push(`${route}: ${s.label}: focused but covered by ${s.coveredBy}`);
        }
      }
      assert.deepEqual([...kinds].sort(), ['button', 'link', 'radio', 'text input'], 'tabbed to a link, a button, a radio and a text input');
      assert.deepEqual(bad, [], `focus not visible:\n${bad.join('\n')}`);
      await screenshot(page, `layout-focus-${vp.name}`, { fullPage: false });
      assertClean();
      await context.close();
    });
  }
});
