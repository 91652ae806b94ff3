// Browser helpers for the end-to-end tests: playwright-core driving the system Chromium
// (no downloaded browsers), plus a watcher that records everything a test should fail on.
//
//   import { launchBrowser, openPage, waitForApp, screenshot } from './lib/browser.mjs';
//   const browser = await launchBrowser();
//   const { page, context, problems, assertClean } = await openPage(browser, { appOrigin: app.origin });
//   await page.goto(app.url);
//   await waitForApp(page);
//   assertClean();            // no console errors, CSP violations, page errors, foreign requests
//
// See tests/e2e/README.md for the whole list.
import { mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from './server.mjs';

const MAC_CHROMES = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The browser binary: $CHROME_PATH, else Debian's /usr/bin/chromium, else a macOS app. */
export function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', ...MAC_CHROMES]) if (existsSync(p)) return p;
  return '/usr/bin/chromium';
}

/** Flags that make Chromium work as root on a machine without outside network (toolchain.md). */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTIFACTS = join(REPO_ROOT, 'artifacts');

/** Launch headless Chromium. `args` are added to CHROME_ARGS; other options go to chromium.launch. */
export async function launchBrowser({ args = [], ...launchOptions } = {}) {
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [...CHROME_ARGS, ...args],
    ...launchOptions,
  });
}

// Runs in every frame before the page's own scripts: records CSP violation events.
function cspInitScript() {
  window.__cspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const v = {
        directive: e.effectiveDirective || e.violatedDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
        line: e.lineNumber,
        sample: e.sample,
        document: location.href,
      };
      window.__cspViolations.push(v);
      console.error('[csp-violation] ' + JSON.stringify(v));
    },
    true,
  );
}

const isCspText = (t) => t.startsWith('[csp-violation]') || /Content Security Policy/i.test(t);

/**
 * Start recording problems on a browser context (all its pages and frames).
 * options.appOrigin     the app's origin ('http://127.0.0.1:PORT'); required for foreign requests
 * options.allowOrigins  more origins that are not "foreign" (e.g. the embedding host page)
 * options.ignoreConsole array of RegExp: console errors to ignore
 * Returns problems = { consoleErrors, cspViolations, pageErrors, foreignRequests, failedRequests, console }.
 */
export async function watch(context, { appOrigin, allowOrigins = [], ignoreConsole = [] } = {}) {
  const allowed = new Set([appOrigin, ...allowOrigins].filter(Boolean));
  const problems = {
    consoleErrors: [],
    cspViolations: [],
    pageErrors: [],
    foreignRequests: [],
    failedRequests: [],
    console: [], // every console message, for debugging
  };
  await context.addInitScript(cspInitScript);

  const attach = (page) => {
    page.on('console', (msg) => {
      const text = msg.text();
      const where = msg.location()?.url || page.url();
      problems.console.push(`${msg.type()}: ${text}`);
      if (isCspText(text)) problems.cspViolations.push(`${text} (${where})`);
      else if (msg.type() === 'error' && !ignoreConsole.some((re) => re.test(text))) {
        problems.consoleErrors.push(`${text} (${where})`);
      }
    });
    page.on('pageerror', (err) => problems.pageErrors.push(String(err?.stack || err)));
  };
  context.pages().forEach(attach);
  context.on('page', attach);

  context.on('request', (req) => {
    const url = req.url();
    if (/^(data|blob|about):/.test(url)) return;
    let origin;
    try {
      origin = new URL(url).origin;
    } catch {
      origin = url;
    }
    if (!allowed.has(origin)) problems.foreignRequests.push(`${req.method()} ${url}`);
  });
  context.on('requestfailed', (req) => problems.failedRequests.push(`${req.url()} (${req.failure()?.errorText})`));
  return problems;
}

/** The recorded problems as text lines (empty when there are none); failedRequests excluded. */
export function formatProblems(problems, { allowConsoleErrors = false } = {}) {
  const lines = [];
  const add = (name, list) => list.length && lines.push(`${name} (${list.length}):`, ...list.map((x) => `  - ${x}`));
  add('CSP violations', problems.cspViolations);
  add('page errors', problems.pageErrors);
  add('foreign requests', problems.foreignRequests);
  if (!allowConsoleErrors) add('console errors', problems.consoleErrors);
  return lines;
}

/** Throw one readable assertion error listing every recorded problem. */
export function assertNoProblems(problems, options) {
  const lines = formatProblems(problems, options);
  if (lines.length) assert.fail(`browser problems:\n${lines.join('\n')}`);
}

/**
 * New context + page with a watcher. Options: appOrigin, allowOrigins, ignoreConsole,
 * contextOptions (for browser.newContext, e.g. { viewport, locale: 'fi-FI', offline }).
 */
export async function openPage(browser, { contextOptions = {}, ...watchOptions } = {}) {
  const context = await browser.newContext({ locale: 'fi-FI', ...contextOptions });
  const problems = await watch(context, watchOptions);
  const page = await context.newPage();
  return { context, page, problems, assertClean: (opts) => assertNoProblems(problems, opts) };
}

/**
 * Wait until the app has mounted (a <main> with an <h1>). Pass the `problems` from openPage to
 * fail at once when a CSP violation or page error happens first (e.g. the loader was blocked),
 * with the problems in the error, instead of waiting for the timeout.
 */
export async function waitForApp(page, { timeout = 20000, selector = 'main h1', problems } = {}) {
  let timer;
  const fatal = new Promise((_, reject) => {
    if (!problems) return;
    timer = setInterval(() => {
      if (problems.cspViolations.length || problems.pageErrors.length) reject(new Error('a CSP violation or page error came first'));
    }, 100);
  });
  try {
    await Promise.race([page.waitForFunction((sel) => document.querySelector(sel), selector, { timeout }), fatal]);
  } catch (err) {
    const lines = problems ? formatProblems(problems) : [];
    if (lines.length) throw new Error(`app did not mount (${selector}): ${err.message.split('\n')[0]}\n${lines.join('\n')}`, { cause: err });
    throw err;
  } finally {
    clearInterval(timer);
  }
}

/** Wait until a service worker controls the page (after the first load it needs clients.claim). */
export async function waitForServiceWorker(page, { timeout = 20000 } = {}) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
    timeout,
  });
}

/** Screenshot into artifacts/<name>.png (the directory is ignored by git). Returns the path. */
export async function screenshot(page, name, options = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name.replace(/[^A-Za-z0-9_.-]+/g, '_')}.png`);
  await page.screenshot({ path, fullPage: true, ...options });
  return path;
}

/**
 * axe-core accessibility check (WCAG 2.1 A/AA by default); returns the violations array.
 * options: { tags, include, exclude, disableRules }
 */
export async function axeViolations(page, { tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], include, exclude, disableRules } = {}) {
  const { AxeBuilder } = await import('@axe-core/playwright');
  let builder = new AxeBuilder({ page }).withTags(tags);
  if (include) builder = builder.include(include);
  if (exclude) builder = builder.exclude(exclude);
  if (disableRules) builder = builder.disableRules(disableRules);
  const result = await builder.analyze();
  return result.violations;
}

/** One line per axe violation, for assertion messages. */
export function formatAxe(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`)
    .join('\n');
}
