// The real app embedded in a municipality's page on another origin (embedding issue): resize
// messages reach the host, the municipality, language and theme are preselected, the host page
// cannot read the answers, and with storage blocked inside the frame the user can still answer
// and export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hostPage } from './lib/server.mjs';
import { openPage } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';

// env.host: a municipality's page on another origin that embeds the app.
const env = useAppAndBrowser({
  hostHtml: (app) => hostPage(app.origin, { kunta: '245', lang: 'fi', theme: 'sea' }),
});

// Loading another page inside the frame goes through the embed entry (the full app's own
// addresses refuse to be framed): ?step=profile opens the profile step.
const profileInFrame = () => new URL('/embed.html?step=profile', env.app.origin).href;

async function embeddedFrame(page) {
  await page.goto(env.host.url);
  const handle = await page.waitForSelector('iframe.ilmastoaskeleet-frame');
  const frame = await handle.contentFrame();
  await frame.waitForSelector('main h1', { timeout: 20000 });
  return { handle, frame };
}

test('the embedded app sizes its frame, is preselected and compact', async () => {
  assert.notEqual(new URL(env.host.url).origin, env.app.origin, 'host and app are different origins');
  const { page, context } = await openPage(env.browser, { appOrigin: env.app.origin, allowOrigins: [env.host.origin] });
  const { handle, frame } = await embeddedFrame(page);
  // The app reports its height; embed.js sets it (the initial height is 720px).
  await page.waitForFunction(() => document.querySelector('iframe.ilmastoaskeleet-frame').style.height !== '720px', null, { timeout: 10000 });
  const frameHeight = parseInt(await handle.evaluate((f) => f.style.height), 10);
  const contentHeight = await frame.evaluate(() => Math.max(document.documentElement.scrollHeight, document.body.scrollHeight));
  assert.ok(Math.abs(frameHeight - contentHeight) <= 2, `frame ${frameHeight}px fits content ${contentHeight}px`);
  // Compact mode: no site header or footer, a bar with the storage note instead.
  assert.equal(await frame.locator('header.site-header').count(), 0);
  assert.equal(await frame.locator('footer.site-footer').count(), 0);
  assert.ok(await frame.locator('.embed-bar').isVisible());
  assert.match(await frame.locator('html').getAttribute('class'), /\bembed\b/);
  assert.match(await frame.locator('html').getAttribute('class'), /\btheme-sea\b/);
  // The municipality is preselected (and the profile page, longer than the landing page, grows the frame).
  const landingHeight = frameHeight;
  await frame.goto(profileInFrame());
  await frame.waitForSelector('main h1');
  assert.equal(await frame.locator('#q-profile-municipality-input').inputValue(), 'Kerava');
  await page.waitForFunction((h) => parseInt(document.querySelector('iframe.ilmastoaskeleet-frame').style.height, 10) > h, landingHeight);
  await context.close();
});

test('the host page cannot read the answers inside the frame', async () => {
  const { page, context } = await openPage(env.browser, { appOrigin: env.app.origin, allowOrigins: [env.host.origin] });
  const { frame } = await embeddedFrame(page);
  await frame.goto(profileInFrame());
  await frame.locator('#q-profile-size-solo').check();
  await frame.waitForFunction(() => localStorage.getItem('ilmastoaskeleet')?.includes('"solo"'));
  const attempts = await page.evaluate(() => {
    const f = document.querySelector('iframe.ilmastoaskeleet-frame');
    const out = {};
    try { out.doc = f.contentDocument === null ? 'null' : 'readable'; } catch (e) { out.doc = e.name; }
    try { out.storage = f.contentWindow.localStorage.getItem('ilmastoaskeleet'); } catch (e) { out.storage = e.name; }
    out.own = localStorage.getItem('ilmastoaskeleet');
    return out;
  });
  assert.equal(attempts.doc, 'null', 'the frame document is not reachable');
  assert.equal(attempts.storage, 'SecurityError', "the frame's storage is not reachable");
  assert.equal(attempts.own, null, "the host's own storage holds nothing of ours");
  await context.close();
});

test('with storage blocked in the frame the user can still answer and export', async () => {
  const { page, context } = await openPage(env.browser, { appOrigin: env.app.origin, allowOrigins: [env.host.origin] });
  // Blocked third-party storage: localStorage throws inside the frame only.
  await context.addInitScript(() => {
    if (window.top !== window) {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    }
  });
  const { frame } = await embeddedFrame(page);
  await frame.locator('.notice.warn').first().waitFor();
  assert.match(await frame.locator('.notice.warn').first().textContent(), /ei salli tallentamista/);
  // The true cause: storage denied because the app is inside another site's page.
  assert.match(await frame.locator('.notice.warn').first().textContent(), /tällä upotetulla sivulla, koska sovellus on toisen sivuston sisällä/);
  await frame.goto(profileInFrame()).catch(() => {});
  // A reload loses in-memory answers by design, so answer after navigating inside the app.
  await frame.waitForSelector('main h1');
  await frame.locator('#q-profile-size-micro').check();
  await frame.locator('#q-profile-name-input').fill('Upotettu Oy');
  await frame.getByRole('link', { name: 'Omat tiedot' }).click();
  await frame.waitForSelector('#export-title');
  const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Lataa tiedosto' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  const file = JSON.parse(text);
  assert.equal(file.app, 'ilmastoaskeleet');
  assert.deepEqual(file.data.answers['profile.size'], { type: 'choice', value: 'micro' });
  assert.deepEqual(file.data.answers['profile.name'], { type: 'text', value: 'Upotettu Oy' });
  await context.close();
});
