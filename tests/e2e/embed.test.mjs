// public/embed.js on a host page of another origin: the iframe it creates, and the
// resize / scroll-top message protocol. The app inside the iframe is replaced by a stub page
// here, so these tests check embed.js alone (the app's side is tested separately).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostPage } from './lib/server.mjs';
import { openPage } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';

const STUB = '<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8"><title>stub</title><link rel="icon" href="data:,"></head><body><main><h1>stub</h1></main></body></html>';
const html = (res, body) => (res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }), res.end(body), true);

// env.app serves dist/embed.js, and the stub page for the embed entry "/embed.html"; env.host is
// the municipality's page, another origin.
const env = useAppAndBrowser({
  app: { handler: (req, res, url) => url.pathname === '/embed.html' && html(res, STUB) },
  hostHtml: (app) => hostPage(app.origin, { kunta: '091', lang: 'sv', theme: 'dark<script>' }, { after: '<div style="height:3000px"></div><p id="end">end</p>' }),
});

async function loadHost() {
  const opened = await openPage(env.browser, { appOrigin: env.app.origin, allowOrigins: [env.host.origin] });
  await opened.page.goto(env.host.url);
  await opened.page.waitForSelector('iframe.ilmastoaskeleet-frame');
  const frameHandle = await opened.page.$('iframe.ilmastoaskeleet-frame');
  const frame = await frameHandle.contentFrame();
  await frame.waitForSelector('main h1');
  return { ...opened, frame };
}

const height = (page) => page.$eval('iframe.ilmastoaskeleet-frame', (f) => f.style.height);

test('embed.js creates a titled, lazy, sandboxed iframe to the embed entry with validated parameters', async () => {
  const { page, context, assertClean } = await loadHost();
  const attrs = await page.$eval('iframe.ilmastoaskeleet-frame', (f) => ({
    src: f.src,
    title: f.title,
    loading: f.getAttribute('loading'),
    sandbox: [...f.sandbox].sort(),
  }));
  const src = new URL(attrs.src);
  assert.equal(src.origin, env.app.origin);
  assert.equal(src.pathname, '/embed.html', 'the embed entry, the only document that may be framed');
  assert.deepEqual(
    attrs.sandbox,
    ['allow-downloads', 'allow-forms', 'allow-modals', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-same-origin', 'allow-scripts'],
    'sandboxed with only what the app needs (no top navigation)',
  );
  assert.equal(src.searchParams.get('embed'), '1');
  assert.equal(src.searchParams.get('kunta'), '091');
  assert.equal(src.searchParams.get('lang'), 'sv');
  assert.equal(src.searchParams.get('theme'), null, 'an invalid theme is not passed on');
  assert.equal(src.searchParams.get('origin'), env.host.origin);
  assert.equal(attrs.loading, 'lazy');
  assert.match(attrs.title, /Ilmastoaskeleet/);
  assert.equal(await page.$('#embed a'), null, 'the fallback link is replaced');
  assertClean();
  await context.close();
});

test('resize messages from the iframe set its height, clamped to 200…20000', async () => {
  const { page, context, frame } = await loadHost();
  const post = (msg) => frame.evaluate((m) => parent.postMessage(m, '*'), msg);
  const settle = () => page.waitForTimeout(100);

  await post({ type: 'ilmastoaskeleet:resize', height: 1234.2 });
  await settle();
  assert.equal(await height(page), '1235px');
  await post({ type: 'ilmastoaskeleet:resize', height: 5 });
  await settle();
  assert.equal(await height(page), '200px');
  await post({ type: 'ilmastoaskeleet:resize', height: 1e9 });
  await settle();
  assert.equal(await height(page), '20000px');
  await post({ type: 'ilmastoaskeleet:resize', height: 'NaN' });
  await post({ type: 'other', height: 900 });
  await settle();
  assert.equal(await height(page), '20000px', 'malformed and unknown messages are ignored');
  await context.close();
});

test('messages not from the iframe are ignored', async () => {
  const { page, context, frame } = await loadHost();
  await frame.evaluate(() => parent.postMessage({ type: 'ilmastoaskeleet:resize', height: 800 }, '*'));
  await page.waitForTimeout(100);
  assert.equal(await height(page), '800px');
  // The host page itself (wrong source and origin) cannot resize it.
  await page.evaluate(() => window.postMessage({ type: 'ilmastoaskeleet:resize', height: 4000 }, '*'));
  await page.waitForTimeout(100);
  assert.equal(await height(page), '800px');
  await context.close();
});

test('scroll-top scrolls the iframe into view', async () => {
  const { page, context, frame } = await loadHost();
  await frame.evaluate(() => parent.postMessage({ type: 'ilmastoaskeleet:resize', height: 2000 }, '*'));
  await page.evaluate(() => document.getElementById('end').scrollIntoView());
  const before = await page.$eval('iframe.ilmastoaskeleet-frame', (f) => f.getBoundingClientRect().top);
  assert.ok(before < 0, 'the iframe top is above the viewport');
  await frame.evaluate(() => parent.postMessage({ type: 'ilmastoaskeleet:scroll-top' }, '*'));
  await page.waitForFunction(() => Math.abs(document.querySelector('iframe.ilmastoaskeleet-frame').getBoundingClientRect().top) < 2, null, { timeout: 5000 });
  await context.close();
});
