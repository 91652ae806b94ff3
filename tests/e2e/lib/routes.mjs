// The app's routes and helpers that put the app into its main states, shared by
// a11y.test.mjs, layout.test.mjs, keyboard.test.mjs and csp.test.mjs (storage.test.mjs uses
// blockStorageScript).
//
//   import { ROUTES, STEP_IDS, gotoRoute, answerStep, useFullPath, ... } from './lib/routes.mjs';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { waitForApp } from './browser.mjs';

/** The profile and the nine workbook steps, in order (content/steps.toml). */
export const STEP_IDS = [
  'profile',
  'why',
  'current',
  'footprint',
  'goals',
  'actions',
  'renewal',
  'monitoring',
  'communication',
  'support',
];

/** Every route of the app, plus an unknown path (the not-found page). */
export const ROUTES = [
  '/',
  ...STEP_IDS.map((id) => `/vaihe/${id}`),
  '/tulokset',
  '/suunnitelma',
  '/tuki',
  '/raportti',
  '/tiedot',
  '/tietoa',
  '/saavutettavuus',
  '/kunnille',
  '/sisalto',
  '/ei-tallaista-sivua',
];

/** A file-name friendly name of a route ('/' -> 'home'). */
export const routeName = (route) =>
  route === '/' ? 'home' : route.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/**
 * Load a route and wait until the app has mounted (main h1) and the network is idle, so that
 * lazily rendered parts (charts, the /kunnille preview frame) are there too.
 */
export async function gotoRoute(page, origin, route, { problems, timeout = 20000 } = {}) {
  const response = await page.goto(new URL(route, origin).href, { waitUntil: 'load' });
  await waitForApp(page, { problems, timeout });
  await page.waitForLoadState('networkidle', { timeout }).catch(() => {});
  return response;
}

/** On the landing page, choose the full path so that every question is shown. */
export async function useFullPath(page, origin, { problems } = {}) {
  await gotoRoute(page, origin, '/', { problems });
  await page.locator('#path-full').check();
  assert.equal(await page.locator('#path-full').isChecked(), true, 'full path chosen');
}

/**
 * Answer every choice question on a step: the first option of each radio/checkbox group.
 * Returns how many questions were answered.
 */
export async function answerStep(page, origin, id, { problems } = {}) {
  await gotoRoute(page, origin, `/vaihe/${id}`, { problems });
  let answered = 0;
  // Answering can show or hide questions, so look the groups up again after each answer.
  for (let i = 0; i < 40; i++) {
    const groups = page.locator('fieldset.question');
    const n = await groups.count();
    if (i >= n) break;
    const first = groups.nth(i).locator('input[type="radio"], input[type="checkbox"]').first();
    if ((await first.count()) && (await first.isEnabled())) {
      await first.check();
      answered++;
    }
  }
  return answered;
}

/** Answer the profile and a few steps, so that results, supports and the report have data. */
export async function answerSeveralSteps(page, origin, { problems, steps = ['profile', 'why', 'current', 'goals', 'actions'] } = {}) {
  let total = 0;
  for (const id of steps) total += await answerStep(page, origin, id, { problems });
  assert.ok(total >= steps.length, `answered ${total} questions on ${steps.join(', ')}`);
  return total;
}

/** On /tulokset, add the first suggested action to the plan; on /suunnitelma, add an own action. */
export async function addPlanItems(page, origin, { problems } = {}) {
  await gotoRoute(page, origin, '/tulokset', { problems });
  await page.locator('main .cards button.button').first().click();
  await gotoRoute(page, origin, '/suunnitelma', { problems });
  await page.locator('#own-action-title').fill('Oma testitoimenpide');
  await page.locator('form.own-action button[type="submit"]').click();
  await page.locator('.plan-item').nth(1).waitFor({ timeout: 5000 });
}

/**
 * On /vaihe/footprint, enter amounts for two years (the first three sources each), so that the
 * chart, the total and the year comparison table are shown.
 */
export async function fillFootprint(page, origin, { problems } = {}) {
  await gotoRoute(page, origin, '/vaihe/footprint', { problems });
  // The sources are collapsed groups (<details>): open them all, as a user filling in bills would.
  await openFootprintGroups(page);
  const years = await page.locator('#fp-year option').evaluateAll((os) => os.map((o) => o.value));
  for (const year of years.slice(0, 2)) {
    await page.locator('#fp-year').selectOption(year);
    const inputs = page.locator('.fp-form input[type="text"]');
    for (let i = 0; i < 3; i++) {
      await inputs.nth(i).fill(String(1200 * (i + 1)));
      await inputs.nth(i).press('Tab');
    }
  }
  // The chart and its table appear with the first amount; below 32rem only the table is shown.
  await page.locator('.fp-result figure.chart').waitFor({ state: 'attached', timeout: 5000 });
  await page.locator('.fp-result .table-wrap table').waitFor({ timeout: 5000 });
}

/** On /vaihe/footprint, open every collapsed source group by clicking its summary. */
export async function openFootprintGroups(page) {
  const summaries = page.locator('details.fp-source > summary');
  await summaries.first().waitFor({ timeout: 5000 });
  for (let i = 0; i < (await summaries.count()); i++) {
    const s = summaries.nth(i);
    if (!(await s.evaluate((el) => el.parentElement.open))) await s.click();
  }
}

/** Click the export button on /tiedot and return the downloaded file's text. */
export async function exportFile(page, origin, { problems } = {}) {
  await gotoRoute(page, origin, '/tiedot', { problems });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }),
    page.locator('main button.button').first().click(),
  ]);
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

/** Choose a file in the import field of /tiedot (the page must be open). */
export async function chooseImportFile(page, text, name = 'tuonti.json') {
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

/** An import file that fails validation in several places (an error list, not one message). */
export const BAD_IMPORT = JSON.stringify({
  app: 'ilmastoaskeleet',
  schema: 1,
  kind: 'company',
  saved_at: '2025-01-01T00:00:00Z',
  data: {
    id: 'c1',
    created: 'eilen',
    updated: 'tänään',
    answers: { 'no.such.question': { choice: 'x' }, 'profile.size': { choice: 'nope' } },
    plan: 'not a list',
    extra: true,
  },
});

/** Init script: make window.localStorage throw, as in a blocked third-party frame. */
export function blockStorageScript() {
  const deny = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
}

/**
 * Everything that can take keyboard focus in the top document, as labels (window.__label), in
 * document order. Radio buttons count once per group (Tab visits one radio of a group).
 * Scrollable boxes without focusable content count too (they must be reachable to scroll them
 * with the keyboard). Returns { focusable, unfocusable }: `unfocusable` lists elements that
 * look interactive (an interactive ARIA role or a click cursor) but cannot take focus.
 */
export function focusableInPage() {
  const sel = [
    'a[href]',
    'area[href]',
    'button',
    'input:not([type="hidden"])',
    'select',
    'textarea',
    'iframe',
    'summary',
    '[tabindex]',
    '[contenteditable=""]',
    '[contenteditable="true"]',
  ].join(',');
  const visible = (el) => {
    if (el.closest('[inert]')) return false;
    const cs = getComputedStyle(el);
    if (cs.visibility !== 'visible' || cs.display === 'none') return false;
    // A summary's <details> content is hidden when closed, the summary itself is not; so is
    // everything inside any closed <details> further out (a help inside a collapsed group).
    for (let d = el.parentElement?.closest('details:not([open])'); d; d = d.parentElement?.closest('details:not([open])')) {
      if (!(el.tagName === 'SUMMARY' && el.parentElement === d)) return false;
    }
    for (let p = el; p; p = p.parentElement) if (getComputedStyle(p).display === 'none') return false;
    return el.getClientRects().length > 0 || el.classList.contains('skip-link');
  };
  const out = [];
  const groups = new Set();
  for (const el of document.querySelectorAll(sel)) {
    if (el.disabled || el.closest('fieldset[disabled]')) continue;
    const ti = el.getAttribute('tabindex');
    if (ti !== null && Number(ti) < 0) continue;
    if (el.tagName === 'SUMMARY' && el.parentElement?.tagName !== 'DETAILS') continue;
    if (el.tagName === 'SUMMARY' && el.parentElement.querySelector(':scope > summary') !== el) continue;
    if (!visible(el)) continue;
    if (el.type === 'radio' && el.name) {
      const key = `radio:${el.form ? 'f' : ''}${el.name}`;
      if (groups.has(key)) continue;
      groups.add(key);
      out.push(key);
      continue;
    }
    out.push(window.__label(el));
  }
  const set = new Set(out);
  const focusable = (el) => el.tabIndex >= 0 && !el.disabled;
  const unfocusable = [];
  const roles = /^(button|link|checkbox|radio|switch|tab|menuitem|option|slider|spinbutton|textbox|combobox)$/;
  for (const el of document.body.querySelectorAll('*')) {
    if (!visible(el)) continue;
    const role = el.getAttribute('role') || '';
    const clicky = getComputedStyle(el).cursor === 'pointer' && !el.closest('a[href], button, label, summary, select, input');
    if ((roles.test(role) || clicky) && !focusable(el) && !el.closest('[aria-disabled="true"]')) unfocusable.push(window.__label(el));
    const ox = getComputedStyle(el).overflowX;
    const oy = getComputedStyle(el).overflowY;
    const scrolls =
      (/(auto|scroll)/.test(ox) && el.scrollWidth > el.clientWidth + 1) || (/(auto|scroll)/.test(oy) && el.scrollHeight > el.clientHeight + 1);
    if (scrolls && el !== document.documentElement && el !== document.body && el.tagName !== 'TEXTAREA' && el.tagName !== 'SELECT') {
      const hasFocusable = [...el.querySelectorAll('*')].some((d) => set.has(window.__label(d)));
      if (!hasFocusable && !set.has(window.__label(el))) out.push(window.__label(el));
    }
  }
  return { focusable: out, unfocusable };
}

/** Installs window.__label(el): a stable, readable label of an element (for focus walks). */
export function labelScript() {
  window.__label = (el) => {
    if (!el || el === document.body) return 'body';
    if (el.type === 'radio' && el.name) return `radio:${el.form ? 'f' : ''}${el.name}`;
    const parts = [];
    for (let e = el; e && e !== document.body && e.nodeType === 1; e = e.parentElement) {
      let s = e.tagName.toLowerCase();
      if (e.id) {
        parts.unshift(`${s}#${e.id}`);
        break;
      }
      const sibs = e.parentElement ? [...e.parentElement.children].filter((x) => x.tagName === e.tagName) : [];
      if (sibs.length > 1) s += `:nth-of-type(${sibs.indexOf(e) + 1})`;
      parts.unshift(s);
    }
    const text = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${parts.join(' > ')}${text ? ` "${text}"` : ''}`;
  };
}
