// The embedded app keeps everything and reaches everything (issue #16): the host page and the app
// on different origins, the app framed through /embed.html by embed.js. Inside the frame the
// compact navigation reaches the supports and the report (which can print: the sandbox has
// allow-modals); "open in the full app" carries the whole company (answers, plan, footprint,
// snapshot) to a new tab, where it is offered with a preview and taken in as a new company.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostPage } from './lib/server.mjs';
import { openPage, waitForApp } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';

const env = useAppAndBrowser({
  hostHtml: (app) => hostPage(app.origin, { kunta: '245', lang: 'fi' }),
});
const KEY = 'ilmastoaskeleet';

// A company with answers, two plan items, a footprint year and a closed year (snapshot).
const company = {
  id: 'c1',
  path: 'quick',
  answers: {
    'profile.name': { type: 'text', value: 'Upotettu Oy' },
    'profile.size': { type: 'choice', value: 'micro' },
    'profile.municipality': { type: 'municipality', value: '245' },
  },
  plan: [
    { id: 'p1', action: 'energy.renewable-electricity', status: 'planned', owner: 'Anna', due: '2026-06', note: 'tarjous pyydetty', added: '2026-01-02' },
    { id: 'p2', title: 'Oma toimi', status: 'idea', owner: '', due: '', note: '', added: '2026-01-03' },
  ],
  footprints: { 2025: { 'electricity.grid': { amount: 12000, unit: 'kWh' } } },
  snapshots: [{ id: 's1', year: 2025, closed_on: '2026-01-15', answers: { 'profile.size': { type: 'choice', value: 'micro' } }, footprint: { 'electricity.grid': { amount: 12000, unit: 'kWh' } } }],
  created: '2026-01-02T10:00:00.000Z',
  updated: '2026-01-15T10:00:00.000Z',
};
const stored = JSON.stringify({ app: 'ilmastoaskeleet', schema: 1, kind: 'workspace', saved_at: '2026-01-15T10:00:00.000Z', data: { companies: [company], active: 'c1' } });

async function embeddedFrame(page) {
  await page.goto(env.host.url);
  const handle = await page.waitForSelector('iframe.ilmastoaskeleet-frame');
  const frame = await handle.contentFrame();
  await frame.waitForSelector('main h1', { timeout: 20000 });
  return frame;
}

test('inside the frame the compact navigation reaches the steps, results, plan, supports and report; the report prints', async () => {
  assert.notEqual(new URL(env.host.url).origin, env.app.origin, 'host and app are different origins');
  const { page, context, problems } = await openPage(env.browser, { appOrigin: env.app.origin, allowOrigins: [env.host.origin] });
  const frame = await embeddedFrame(page);
  const nav = frame.locator('.embed-bar nav');
  for (const name of ['Vaiheet', 'Tulokset', 'Suunnitelma', 'Tuet ja palvelut', 'Raportti', 'Omat tiedot']) {
    assert.equal(await nav.getByRole('link', { name, exact: true }).count(), 1, `the bar links to ${name}`);
  }
  await nav.getByRole('link', { name: 'Tuet ja palvelut', exact: true }).click();
  await frame.waitForURL(/\/tuki/);
  await frame.waitForSelector('main h1');
  await nav.getByRole('link', { name: 'Raportti', exact: true }).click();
  await frame.waitForURL(/\/raportti/);
  await frame.waitForSelector('main h1');
  assert.equal(await frame.locator('html.embed').count(), 1, 'still the embedded view');
  // Printing opens the browser's print dialog: record the call inside the frame.
  await frame.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await frame.getByRole('button', { name: 'Tulosta' }).click();
  assert.equal(await frame.evaluate(() => window.__printed), 1, 'the report prints from inside the frame');
  assert.deepEqual(problems.foreignRequests, [], 'no request to a foreign origin');
  assert.deepEqual(problems.cspViolations, []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a company with answers, plan items, a footprint and a snapshot arrives complete in the full app', async () => {
  const { page, context, problems } = await openPage(env.browser, { appOrigin: env.app.origin, allowOrigins: [env.host.origin] });
  let frame = await embeddedFrame(page);
  // The frame's own (partitioned) storage holds the company; reload the frame to read it.
  await frame.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, stored]);
  await page.reload();
  frame = await embeddedFrame(page);
  const link = frame.getByRole('link', { name: /Avaa koko sovellus/ });
  await frame.waitForFunction(() => /#a=/.test(document.querySelector('.embed-full-app')?.href ?? ''));
  assert.equal(await frame.locator('.embed-too-large').count(), 0, 'the company fits a link');
  const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await waitForApp(popup);
  assert.equal(new URL(popup.url()).origin, env.app.origin);
  assert.equal(new URL(popup.url()).hash, '', 'the fragment is removed at once');
  const notice = popup.locator('.notice.info', { hasText: 'kaikki tiedot' });
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /3 vastausta/);
  assert.match(text, /2 suunnitelman toimenpidettä/);
  assert.match(text, /1 vuoden hiilijalanjäljen/);
  assert.match(text, /1 vuositilannetta/);
  await popup.getByRole('button', { name: 'Tuo uutena yrityksenä' }).click();
  await popup.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? 'null')?.data?.companies?.length === 2, KEY);
  const ws = JSON.parse(await popup.evaluate((k) => localStorage.getItem(k), KEY)).data;
  const arrived = ws.companies.find((c) => c.id === ws.active);
  assert.deepEqual(arrived.answers, company.answers);
  assert.deepEqual(arrived.plan, company.plan);
  assert.deepEqual(arrived.footprints, company.footprints);
  assert.deepEqual(arrived.snapshots, company.snapshots);
  assert.deepEqual(problems.foreignRequests, []);
  assert.deepEqual(problems.pageErrors, []);
  await popup.close();
  await context.close();
});
