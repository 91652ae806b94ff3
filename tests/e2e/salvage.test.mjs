// Nothing lost, ever (issue #19): snapshots in the order of their years whatever the clock did;
// a storage failure told by its true cause (full because of other data, a private window with no
// space) while every answer stays on the page and in the export; data kept aside listed on
// "Omat tiedot" with its date and size over reloads until the user deletes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, waitForApp } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';
import { stepProgress } from './lib/questions.mjs';

const KEY = 'ilmastoaskeleet';
const T = 10000;

const env = useAppAndBrowser();

/** A stored workspace envelope as the app writes it, with one company. */
const envelope = (company) =>
  JSON.stringify({
    app: KEY,
    schema: 1,
    kind: 'workspace',
    saved_at: '2026-01-02T03:04:05.000Z',
    data: {
      companies: [{ id: 'c1', path: 'quick', answers: {}, plan: [], footprints: {}, snapshots: [], created: '', updated: '', ...company }],
      active: 'c1',
    },
  });

/** Open a fresh context with `raw` in localStorage (and `extra` keys) before the first load. */
async function openWithStored(raw, path, { extra = {}, initScripts = [] } = {}) {
  const opened = await openPage(env.browser, { appOrigin: env.app.origin });
  await opened.context.addInitScript(
    ([key, value, extra]) => {
      if (!window.sessionStorage.getItem('seeded')) {
        window.sessionStorage.setItem('seeded', '1');
        if (value !== null) window.localStorage.setItem(key, value);
        for (const [k, v] of Object.entries(extra)) window.localStorage.setItem(k, v);
      }
    },
    [KEY, raw, extra],
  );
  for (const s of initScripts) await opened.context.addInitScript(s);
  await opened.page.goto(env.url(path));
  await waitForApp(opened.page, { problems: opened.problems });
  return opened;
}

async function downloadFrom(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: T }), button.click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

const notice = (page, text) => page.locator('.notices .notice').filter({ hasText: text });

/** Answer the three profile questions and check they are all on the page. */
async function answerProfile(page, name) {
  await page.locator('#q-profile-size-micro').check();
  await page.locator('#q-profile-sector-i').check();
  await page.locator('#q-profile-name-input').fill(name);
  await page.locator('#q-profile-name-input').blur();
}

/** The export downloaded from "Omat tiedot" holds every answer given. */
async function exportHolds(page, answers) {
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Omat tiedot' }).click();
  await page.waitForURL((u) => u.pathname === '/tiedot', { timeout: T });
  const file = await downloadFrom(page, page.getByRole('button', { name: 'Lataa tiedosto' }));
  const got = JSON.parse(file.text).data.answers;
  for (const [k, v] of Object.entries(answers)) assert.equal(got[k]?.value, v, `${k} is in the export`);
}

test('snapshots made while the clock moved back are listed by year, then day', async () => {
  const snap = (id, year, closed_on) => ({ id, year, closed_on, answers: {}, footprint: null });
  const raw = envelope({ snapshots: [snap('s1', 2026, '2026-12-30'), snap('s2', 2028, '2028-12-30'), snap('s3', 2027, '2027-12-30')] });
  const { context, page, assertClean } = await openWithStored(raw, '/tiedot');
  const items = page.locator('section[aria-labelledby="snap-title"] li');
  await items.first().waitFor({ timeout: T });
  assert.deepEqual(await items.allTextContents(), ['2026 (2026-12-30)', '2027 (2027-12-30)', '2028 (2028-12-30)']);
  assertClean();
  await context.close();
});

// Fills this origin's storage with another key until not even one more character fits.
async function fillWithOtherData(page) {
  return page.evaluate(() => {
    let size = 1 << 20;
    let i = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`other-app.${i++}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return Object.keys(localStorage).filter((k) => k.startsWith('other-app.')).length;
  });
}

test('storage full because of another key: the notice says full and names the other data, never blocked; answers stay and export', async () => {
  const { context, page, assertClean } = await openWithStored(null, '/vaihe/profile');
  assert.ok((await fillWithOtherData(page)) > 0, 'the storage was filled by another key');
  await answerProfile(page, 'Täysi kahvila');
  const full = page.getByRole('alert').filter({ hasText: 'Selaimen tallennustila on täynnä, ja suurin osa siitä on tämän sivuston muiden tietojen käytössä' });
  await full.waitFor({ timeout: T });
  assert.equal(await notice(page, 'ei salli').count(), 0, 'the browser is not blamed for blocking storage');
  assert.equal(await full.getByRole('link', { name: 'Vie tiedot talteen' }).count(), 1);
  const [a, t] = await stepProgress(page);
  assert.ok(a >= 3 && a <= t, 'the answers are on the page');
  await exportHolds(page, { 'profile.size': 'micro', 'profile.sector': 'i', 'profile.name': 'Täysi kahvila' });
  assertClean();
  await context.close();
});

// A private window that gives no space at all: every write throws QuotaExceededError.
function zeroQuota() {
  Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}

test('a private window with no storage space: the notice says private mode, answers stay and export', async () => {
  const { context, page, assertClean } = await openWithStored(null, '/vaihe/profile', { initScripts: [zeroQuota] });
  const priv = notice(page, 'selain on yksityisessä selaustilassa');
  await priv.waitFor({ timeout: T });
  assert.equal(await priv.getAttribute('role'), 'status');
  await answerProfile(page, 'Yksityinen');
  assert.equal(await page.locator('#q-profile-size-micro').isChecked(), true);
  await exportHolds(page, { 'profile.size': 'micro', 'profile.sector': 'i', 'profile.name': 'Yksityinen' });
  await priv.waitFor({ timeout: T });
  assertClean();
  await context.close();
});

test('data kept aside stays listed on Omat tiedot over reloads with its date and size, downloads as it was, and goes only when deleted', async () => {
  const raw = '{"app":"ilmastoaskeleet","schema":1,"data":{"companies":[{"id":"c1","answers":{"profile.name":{"type":"text","value":"Kadonnut Oy"} BROKEN';
  const { context, page, problems, assertClean } = await openWithStored(raw, '/tiedot');
  await page.getByRole('alert').filter({ hasText: 'Tallennettuja tietoja ei voitu lukea.' }).waitFor({ timeout: T });
  const section = page.locator('section[aria-labelledby="set-aside-title"]');
  // Two more reloads: the notice of the first load is gone, the list stays.
  for (let i = 0; i < 2; i++) {
    await page.reload();
    await waitForApp(page, { problems });
  }
  await section.waitFor({ timeout: T });
  assert.equal(await section.getByRole('heading', { level: 2 }).textContent(), 'Talteen otetut tiedot');
  const item = section.locator('li');
  assert.equal(await item.count(), 1);
  assert.match(await item.textContent(), /Otettu talteen \d{4}-\d{2}-\d{2} \d{2}:\d{2}, koko \d+\u00a0t/);
  assert.match(await item.textContent(), new RegExp(`koko ${raw.length}\u00a0t`), 'the size is the size of the data');

  const file = await downloadFrom(page, item.getByRole('button', { name: /^Lataa tiedostona/ }));
  assert.match(file.name, /^ilmastoaskeleet-talteen-.*\.json$/);
  assert.equal(file.text, raw, 'the download is exactly the data kept aside');
  await page.reload();
  await waitForApp(page, { problems });
  await section.waitFor({ timeout: T });
  assert.equal(await section.locator('li').count(), 1, 'still listed after the download');

  // Deleting asks first; cancelling keeps it.
  page.once('dialog', (d) => d.dismiss());
  await section.getByRole('button', { name: 'Poista talteen otetut tiedot' }).click();
  assert.equal(await section.locator('li').count(), 1, 'kept when the user cancels');
  page.once('dialog', (d) => d.accept());
  await section.getByRole('button', { name: 'Poista talteen otetut tiedot' }).click();
  await section.waitFor({ state: 'detached', timeout: T });
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ilmastoaskeleet.corrupt.')));
  assert.deepEqual(left, [], 'deleted from storage');
  assertClean();
  await context.close();
});

for (const schema of ['"1"', '-1']) {
  test(`an envelope whose schema is ${schema}: kept untouched, shown read-only with its answers, downloadable`, async () => {
    const raw = envelope({
      answers: { 'profile.size': { type: 'choice', value: 'micro' }, 'profile.name': { type: 'text', value: 'Outo Oy' } },
    }).replace('"schema":1', `"schema":${schema}`);
    const { context, page, problems, assertClean } = await openWithStored(raw, '/vaihe/profile');
    const ro = notice(page, 'muodossa, jota tämä sovelluksen versio ei tunnista');
    await ro.waitFor({ timeout: T });
    assert.equal(await notice(page, 'uudemmalla versiolla').count(), 0, 'not called a newer version');
    assert.equal(await page.locator('#q-profile-size-micro').isChecked(), true, 'the answer is shown');
    assert.equal(await page.locator('#q-profile-name-input').inputValue(), 'Outo Oy');
    assert.equal(await page.locator('#q-profile-size-micro').isDisabled(), true, 'read-only');
    const file = await downloadFrom(page, ro.getByRole('button', { name: 'Lataa tallennetut tiedot' }));
    assert.equal(file.text, raw, 'the download is the stored data as it is');
    await page.reload();
    await waitForApp(page, { problems });
    await ro.waitFor({ timeout: T });
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), raw, 'never overwritten');
    const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ilmastoaskeleet.corrupt.')));
    assert.deepEqual(aside, [], 'not set aside');
    assertClean();
    await context.close();
  });
}

test('a stored value over the read limit: never called newer, kept untouched and offered as a download', async () => {
  // A workspace of about 5 MB: a long note in a plan item (the largest the app reads back is 5 000 000).
  const big = envelope({
    answers: { 'profile.size': { type: 'choice', value: 'micro' } },
    plan: [{ id: 'p1', title: 'Iso', status: 'idea', owner: '', due: '', note: 'x'.repeat(5_000_100), added: '' }],
  });
  const { context, page, assertClean } = await openWithStored(big, '/vaihe/profile');
  const stored = await page.evaluate((k) => localStorage.getItem(k)?.length, KEY);
  assert.equal(stored, big.length, 'the big value was stored');
  const ro = notice(page, 'suuremmat kuin sovellus pystyy lukemaan');
  await ro.waitFor({ timeout: T });
  assert.equal(await notice(page, 'uudemmalla versiolla').count(), 0, 'not called a newer version');
  const file = await downloadFrom(page, ro.getByRole('button', { name: 'Lataa tallennetut tiedot' }));
  assert.equal(file.text.length, big.length);
  assert.equal(JSON.parse(file.text).data.companies[0].answers['profile.size'].value, 'micro', 'the answer is in the download');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k)?.length, KEY), big.length, 'kept untouched');
  assertClean();
  await context.close();
});

test('one saved answer of the wrong type: only it is set aside and listed, every other answer is shown, the original downloads', async () => {
  const raw = envelope({
    answers: {
      'profile.name': { type: 'text', value: 'Pelastettu Oy' },
      'profile.size': { type: 'choice', value: 42 },
      'profile.sector': { type: 'choice', value: 'i' },
    },
    plan: [{ id: 'p1', title: 'Oma toimi', status: 'planned', owner: 'Anna', due: '2027-01', note: '', added: '' }],
  });
  const { context, page, problems, assertClean } = await openWithStored(raw, '/vaihe/profile');
  const alert = page.getByRole('alert').filter({ hasText: 'Osa tallennetuista tiedoista oli vioittunut.' });
  await alert.waitFor({ timeout: T });
  assert.deepEqual(await alert.locator('li').allTextContents(), ['Vastaus kysymykseen profile.size (yritys c1)']);
  assert.equal(await page.locator('#q-profile-name-input').inputValue(), 'Pelastettu Oy');
  assert.equal(await page.locator('#q-profile-sector-i').isChecked(), true);
  const file = await downloadFrom(page, alert.getByRole('button', { name: 'Lataa talteen otetut tiedot' }));
  assert.equal(file.text, raw, 'the original, unchanged');

  // Over a reload: the readable answers and the plan stay, the original stays listed, once.
  await page.reload();
  await waitForApp(page, { problems });
  assert.equal(await page.locator('#q-profile-name-input').inputValue(), 'Pelastettu Oy');
  assert.equal(await page.locator('#q-profile-sector-i').isChecked(), true);
  await page.goto(env.url('/tiedot'));
  await waitForApp(page, { problems });
  const items = page.locator('section[aria-labelledby="set-aside-title"] li');
  await items.first().waitFor({ timeout: T });
  assert.equal(await items.count(), 1, 'kept aside once');
  await page.goto(env.url('/suunnitelma'));
  await waitForApp(page, { problems });
  assert.equal(await page.getByLabel('Vastuuhenkilö').inputValue(), 'Anna', 'the plan item is kept');
  assertClean();
  await context.close();
});
