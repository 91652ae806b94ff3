#!/usr/bin/env node
// make bench: measures the release build in dist/ (run `make build` first; `make bench` does),
// served with brotli -11 like the production host (deploy/nginx.conf).
//   - first-load transfer: brotli -11 bytes of every file the page itself loads (and, apart,
//     what the service worker precaches on the first visit)
//   - Lighthouse (npm lighthouse, mobile, system Chromium): performance / accessibility /
//     best-practices scores, FCP, LCP, TBT, CLS
//   - `answer` measures the app emits (performance.measure('answer', …)): count, median, p95,
//     after bench/flow.mjs has answered some questions; "none" when the app emits none
//   - JS heap (CDP Runtime.getHeapUsage after a GC, performance.memory) and wasm memory
//   - the owner's quick path (issue #14): taps and screens (page height / viewport, summed) of
//     the Kerava café from the landing page to the results at 390 × 844 (tests/e2e/lib/owner.mjs)
// Writes bench/results.json and bench/results.md. Never fails on the numbers themselves.
//   BENCH_LH_RUNS=3 node bench/run.mjs    median of 3 Lighthouse runs (default 1)
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';
import { startServer, DIST } from '../tests/e2e/lib/server.mjs';
import { launchBrowser, chromePath, CHROME_ARGS, waitForApp } from '../tests/e2e/lib/browser.mjs';
import { answerFlow } from './flow.mjs';
import { PHONE, CAFE_KERAVA, walkQuickPath } from '../tests/e2e/lib/owner.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const OUT_DIR = join(ROOT, 'bench');
const LH_RUNS = Math.max(1, Number(process.env.BENCH_LH_RUNS || 1));
const run = promisify(execFile);

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('dist/index.html missing: run `make build` first');
  process.exit(2);
}

const brCache = new Map();
function brotliSize(file) {
  if (!brCache.has(file)) {
    const buf = readFileSync(file);
    brCache.set(file, brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
  }
  return brCache.get(file);
}
function distFileFor(urlPath) {
  let p = decodeURIComponent(urlPath.split('?')[0]);
  if (p.endsWith('/')) p += 'index.html';
  const f = join(DIST, p);
  if (f.startsWith(DIST) && existsSync(f)) return f;
  return join(DIST, 'index.html'); // SPA fallback
}
const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);

// Runs in the page before its scripts: when <main><h1> appears, and the wasm memory object.
function initScript() {
  window.__bench = { h1At: null, wasmMemory: null };
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__bench.wasmMemory = e.detail && e.detail.wasm && e.detail.wasm.memory;
  });
  const check = () => {
    if (window.__bench.h1At === null && document.querySelector('main h1')) window.__bench.h1At = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

async function browserMeasurements(app) {
  const browser = await launchBrowser({ args: ['--enable-precise-memory-info'] });
  try {
    const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 412, height: 823 } });
    await context.addInitScript(initScript);
    const page = await context.newPage();
    const loaded = new Map(); // url path -> dist file
    page.on('request', (req) => {
      const u = new URL(req.url());
      if (u.origin === app.origin) loaded.set(u.pathname, distFileFor(u.pathname));
    });
    await page.goto(app.url, { waitUntil: 'load' });
    await waitForApp(page, { timeout: 30000 });
    await page.waitForLoadState('networkidle');

    const files = [...new Set(loaded.values())];
    const firstLoad = files.map((f) => ({ file: f.slice(DIST.length + 1), br: brotliSize(f) })).sort((a, b) => b.br - a.br);
    const firstLoadBr = firstLoad.reduce((a, x) => a + x.br, 0);

    // What the service worker adds on the first visit (its PRECACHE minus what the page loaded).
    let precacheExtraBr = null;
    const swFile = join(DIST, 'sw.js');
    if (existsSync(swFile)) {
      const m = readFileSync(swFile, 'utf8').match(/const PRECACHE = (\[[\s\S]*?\]);/);
      if (m) {
        const urls = JSON.parse(m[1]).map((u) => new URL(u, app.url).pathname);
        const extra = new Set(urls.map(distFileFor).filter((f) => !files.includes(f)));
        precacheExtraBr = [...extra].reduce((a, f) => a + brotliSize(f), 0);
      }
    }

    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        h1At: window.__bench.h1At,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
        load: nav ? nav.loadEventEnd : null,
      };
    });

    const answered = await answerFlow(page).catch(() => 0);
    await page.waitForTimeout(200);
    const answers = await page.evaluate(() => performance.getEntriesByType('measure').filter((e) => e.name === 'answer').map((e) => e.duration));

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const mem = await page.evaluate(() => ({
      usedJSHeapSize: performance.memory ? performance.memory.usedJSHeapSize : null,
      totalJSHeapSize: performance.memory ? performance.memory.totalJSHeapSize : null,
      wasmMemoryBytes: window.__bench.wasmMemory ? window.__bench.wasmMemory.buffer.byteLength : null,
    }));
    const version = browser.version();
    await context.close();
    return {
      browser: version,
      firstLoad: { files: firstLoad, brotliBytes: firstLoadBr, swPrecacheExtraBrotliBytes: precacheExtraBr },
      timing: { h1Ms: round(timing.h1At), domContentLoadedMs: round(timing.domContentLoaded), loadMs: round(timing.load) },
      answers: answers.length
        ? { count: answers.length, medianMs: round(median(answers), 2), p95Ms: round(percentile(answers, 95), 2), answeredByFlow: answered }
        : { count: 0, medianMs: 'none', p95Ms: 'none', answeredByFlow: answered },
      memory: {
        jsHeapUsedBytes: heap.usedSize,
        jsHeapTotalBytes: heap.totalSize,
        performanceMemoryUsedBytes: mem.usedJSHeapSize,
        wasmMemoryBytes: mem.wasmMemoryBytes,
      },
    };
  } finally {
    await browser.close();
  }
}

async function lighthouseOnce(url, outFile) {
  const bin = join(ROOT, 'node_modules', '.bin', 'lighthouse');
  const flags = ['--headless=new', ...CHROME_ARGS].join(' ');
  await run(
    bin,
    [url, '--quiet', '--output=json', `--output-path=${outFile}`, '--only-categories=performance,accessibility,best-practices', `--chrome-flags=${flags}`, '--max-wait-for-load=60000'],
    { env: { ...process.env, CHROME_PATH: chromePath() }, maxBuffer: 64 * 1024 * 1024, timeout: 180000 },
  );
  const r = JSON.parse(readFileSync(outFile, 'utf8'));
  const score = (k) => (r.categories[k] ? Math.round(r.categories[k].score * 100) : null);
  const num = (k) => r.audits[k]?.numericValue ?? null;
  return {
    lighthouseVersion: r.lighthouseVersion,
    formFactor: r.configSettings?.formFactor,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcpMs: round(num('first-contentful-paint')),
    lcpMs: round(num('largest-contentful-paint')),
    tbtMs: round(num('total-blocking-time')),
    cls: round(num('cumulative-layout-shift'), 4),
    failedAudits: Object.values(r.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id),
  };
}

async function lighthouse(url) {
  const dir = join(ROOT, 'target', 'bench');
  mkdirSync(dir, { recursive: true });
  const runs = [];
  for (let i = 0; i < LH_RUNS; i++) runs.push(await lighthouseOnce(url, join(dir, `lighthouse-${i + 1}.json`)));
  if (runs.length === 1) return { runs: 1, ...runs[0] };
  const med = (k) => median(runs.map((r) => r[k]).filter((x) => x !== null));
  return {
    runs: runs.length,
    lighthouseVersion: runs[0].lighthouseVersion,
    formFactor: runs[0].formFactor,
    performance: med('performance'),
    accessibility: med('accessibility'),
    bestPractices: med('bestPractices'),
    fcpMs: med('fcpMs'),
    lcpMs: med('lcpMs'),
    tbtMs: med('tbtMs'),
    cls: med('cls'),
    failedAudits: [...new Set(runs.flatMap((r) => r.failedAudits))],
  };
}

/** The café's quick path from the landing page to the results, as a phone user: taps and screens. */
async function quickPath(app) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ locale: 'fi-FI', viewport: PHONE });
    const page = await context.newPage();
    return await walkQuickPath(page, app.url, CAFE_KERAVA);
  } finally {
    await browser.close();
  }
}

function markdown(r) {
  const kb = (b) => (b === null ? 'n/a' : `${(b / 1024).toFixed(1)} KiB`);
  const lh = r.lighthouse;
  const lines = [
    '# Benchmark results',
    '',
    `${r.date} · ${r.browser ?? ''} · Lighthouse ${lh?.lighthouseVersion ?? 'n/a'} (${lh?.formFactor ?? ''}, ${lh?.runs ?? 0} run(s)) · generated by \`make bench\``,
    '',
    '| metric | value |',
    '|---|---|',
    `| first-load transfer (brotli -11, files the page loads) | ${kb(r.firstLoad?.brotliBytes ?? null)} (${r.firstLoad?.brotliBytes ?? 'n/a'} B) |`,
    `| service-worker precache on top (brotli) | ${kb(r.firstLoad?.swPrecacheExtraBrotliBytes ?? null)} |`,
    `| time to \`main h1\` (local, unthrottled) | ${r.timing?.h1Ms ?? 'n/a'} ms |`,
    `| Lighthouse performance / accessibility / best practices | ${lh ? `${lh.performance} / ${lh.accessibility} / ${lh.bestPractices}` : 'n/a'} |`,
    `| FCP / LCP (simulated mobile) | ${lh ? `${lh.fcpMs} ms / ${lh.lcpMs} ms` : 'n/a'} |`,
    `| TBT / CLS | ${lh ? `${lh.tbtMs} ms / ${lh.cls}` : 'n/a'} |`,
    `| \`answer\` measures: count / median / p95 | ${r.answers ? `${r.answers.count} / ${r.answers.medianMs}${r.answers.count ? ' ms' : ''} / ${r.answers.p95Ms}${r.answers.count ? ' ms' : ''}` : 'n/a'} |`,
    `| JS heap used (after GC) | ${kb(r.memory?.jsHeapUsedBytes ?? null)} |`,
    `| wasm linear memory | ${kb(r.memory?.wasmMemoryBytes ?? null)} |`,
    `| café quick path at 390×844: taps / screens (landing → results) | ${r.quickPath ? `${r.quickPath.taps} / ${r.quickPath.screens} (${r.quickPath.pages} pages)` : 'n/a'} |`,
    '',
    '## Files loaded on first visit (brotli bytes)',
    '',
    ...(r.firstLoad?.files ?? []).map((f) => `- ${f.file}: ${f.br}`),
  ];
  if (lh?.failedAudits?.length) lines.push('', `Lighthouse audits below 0.9: ${lh.failedAudits.join(', ')}`);
  if (r.errors.length) lines.push('', '## Errors', '', ...r.errors.map((e) => `- ${e}`));
  return lines.join('\n') + '\n';
}

const T0 = Date.now();
// Brotli like the production host (deploy/nginx.conf), so that Lighthouse sees real transfer sizes.
const app = await startServer({ compress: true });
const result = { date: new Date().toISOString(), url: app.url, errors: [] };
try {
  try {
    Object.assign(result, await browserMeasurements(app));
  } catch (e) {
    result.errors.push(`browser measurements: ${e.message.split('\n')[0]}`);
  }
  try {
    result.quickPath = await quickPath(app);
    console.log(`café quick path: ${result.quickPath.taps} taps, ${result.quickPath.screens} screens`);
  } catch (e) {
    result.errors.push(`quick path: ${e.message.split('\n')[0]}`);
  }
  try {
    result.lighthouse = await lighthouse(app.url);
  } catch (e) {
    result.errors.push(`lighthouse: ${(e.stderr || e.message || String(e)).toString().split('\n').slice(-3).join(' ')}`);
  }
} finally {
  await app.close();
}
result.seconds = Math.round((Date.now() - T0) / 1000);
writeFileSync(join(OUT_DIR, 'results.json'), JSON.stringify(result, null, 2) + '\n');
writeFileSync(join(OUT_DIR, 'results.md'), markdown(result));
process.stdout.write(markdown(result));
console.log(`\nwrote bench/results.json and bench/results.md in ${result.seconds}s`);
