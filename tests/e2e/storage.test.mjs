// Local data is never lost (issue "local data never lost"): unreadable saved data is kept aside
// and can be downloaded; blocked or full storage is reported while answers stay in memory and can
// be exported; two tabs stay in step; export + import gives back the same answers; a bad import
// file changes nothing; data from a newer app version is shown read-only and never overwritten.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, waitForApp } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';
import { readStored, storedAnswers, stepProgress, answerVisible } from './lib/questions.mjs';
import { blockStorageScript } from './lib/routes.mjs';

const KEY = 'ilmastoaskeleet';
const T = 10000;

const env = useAppAndBrowser();
let tmp;

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ilmasto-storage-'));
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A stored envelope as the app writes it. */
const envelope = (answers, { schema = 1, plan = [] } = {}) =>
  JSON.stringify({
    app: KEY,
    schema,
    kind: 'workspace',
    saved_at: '2026-01-02T03:04:05.000Z',
    data: { companies: [{ id: 'c1', path: 'quick', answers, plan, footprints: {}, snapshots: [], created: '', updated: '' }], active: 'c1' },
  });

/** Open a fresh context with `raw` already in localStorage when the app first loads `path`. */
async function openWithStored(raw, path = '/vaihe/profile', options = {}) {
  const opened = await openPage(env.browser, { appOrigin: env.app.origin, ...options });
  // Seed once, before the app's own scripts run on the first page load only.
  await opened.context.addInitScript(
    ([key, value]) => {
      if (!window.sessionStorage.getItem('seeded')) {
        window.sessionStorage.setItem('seeded', '1');
        window.localStorage.setItem(key, value);
      }
    },
    [KEY, raw],
  );
  await opened.page.goto(env.url(path));
  await waitForApp(opened.page, { problems: opened.problems });
  return opened;
}

/** Click `button` and return the download's file name and text. */
async function downloadFrom(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: T }), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const notice = (page, text) => page.locator('.notices .notice').filter({ hasText: text });

test('corrupt saved data: a notice, the raw data kept aside, downloadable as it was, and a fresh start', async () => {
  const raw = '{"app":"ilmastoaskeleet","schema":1,"data":{"companies":[{"id":"c1","answers":{"profile.size": BROKEN';
  const { context, page, assertClean } = await openWithStored(raw, '/vaihe/profile');
  const alert = page.getByRole('alert').filter({ hasText: 'Tallennettuja tietoja ei voitu lukea.' });
  await alert.waitFor({ timeout: T });

  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('ilmastoaskeleet.corrupt.'))
      .map((k) => [k, localStorage.getItem(k)]),
  );
  assert.equal(kept.length, 1, 'one copy kept aside');
  assert.match(kept[0][0], /^ilmastoaskeleet\.corrupt\.\d{4}-\d{2}-\d{2}T/);
  assert.equal(kept[0][1], raw, 'the kept copy is the raw data, unchanged');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null, 'the unreadable data is no longer under the main key');

  const file = await downloadFrom(page, alert.getByRole('button', { name: 'Lataa talteen otetut tiedot' }));
  assert.equal(file.name, 'ilmastoaskeleet-vioittunut.json');
  assert.equal(file.text, raw, 'the download is exactly the raw data');

  await alert.getByRole('button', { name: 'Aloita alusta' }).click();
  await alert.waitFor({ state: 'detached', timeout: T });
  await page.locator('#q-profile-size-micro').check();
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes('"micro"'), KEY, { timeout: T });
  assert.deepEqual(await storedAnswers(page), { 'profile.size': { type: 'choice', value: 'micro' } });
  assert.equal(
    await page.evaluate((k) => localStorage.getItem(k), kept[0][0]),
    raw,
    'the kept copy survives the fresh start',
  );
  assertClean();
  await context.close();
});

test('storage blocked: a persistent notice, answers work in memory and the export still downloads them', async () => {
  const { context, page, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  // Makes window.localStorage throw, as in a blocked third-party frame or a locked-down browser.
  await context.addInitScript(blockStorageScript);
  await page.goto(env.url('/vaihe/profile'));
  await waitForApp(page, { problems });
  assert.equal(await page.evaluate(() => { try { return typeof window.localStorage; } catch (e) { return e.name; } }), 'SecurityError');

  const blocked = notice(page, 'Selain ei salli tallentamista');
  await blocked.waitFor({ timeout: T });
  assert.equal(await blocked.getAttribute('role'), 'status');

  await answerVisible(page, { choose: { 'profile.name': 'Muistikahvila', 'profile.size': 'solo', 'profile.sector': 'i' } });
  const [a, t] = await stepProgress(page);
  assert.equal(a, t, 'every answer is taken in memory');

  // Another page of the app (client-side), then back: the answers are still there, the notice too.
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Tulokset' }).click();
  await page.waitForURL((u) => u.pathname === '/tulokset', { timeout: T });
  await blocked.waitFor({ timeout: T });
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Vaiheet' }).click();
  await page.waitForURL((u) => u.pathname === '/vaihe/profile', { timeout: T });
  assert.equal(await page.locator('#q-profile-size-solo').isChecked(), true);
  assert.equal(await page.locator('#q-profile-name-input').inputValue(), 'Muistikahvila');

  await blocked.getByRole('link', { name: 'Vie tiedot talteen' }).click();
  await page.waitForURL((u) => u.pathname === '/tiedot', { timeout: T });
  await blocked.waitFor({ timeout: T });
  const file = await downloadFrom(page, page.getByRole('button', { name: 'Lataa tiedosto' }));
  assert.match(file.name, /^ilmastoaskeleet-muistikahvila-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(file.text);
  assert.equal(exported.app, KEY);
  assert.equal(exported.kind, 'company');
  assert.equal(exported.data.answers['profile.name'].value, 'Muistikahvila');
  assert.equal(exported.data.answers['profile.size'].value, 'solo');
  assert.equal(exported.data.answers['profile.sector'].value, 'i');
  assert.equal(Object.keys(exported.data.answers).length, t, 'all the answers are in the file');
  assertClean();
  await context.close();
});

// Storage that is full for the app's data: setItem throws QuotaExceededError for our key.
function fullStorage() {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key === 'ilmastoaskeleet') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return setItem.call(this, key, value);
  };
}

test('storage full: the user is told and the answers stay on the page', async () => {
  const { context, page, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  await context.addInitScript(fullStorage);
  await page.goto(env.url('/vaihe/profile'));
  await waitForApp(page, { problems });
  assert.equal(await page.locator('.notices .notice').count(), 0, 'no notice before anything is saved');

  await page.locator('#q-profile-size-micro').check();
  const full = page.getByRole('alert').filter({ hasText: 'Selaimen tallennustila on täynnä.' });
  await full.waitFor({ timeout: T });
  assert.equal(await full.getByRole('link', { name: 'Vie tiedot talteen' }).count(), 1, 'it offers the export');

  await page.locator('#q-profile-sector-i').check();
  await page.locator('#q-profile-name-input').fill('Täysi kahvila');
  assert.equal(await page.locator('#q-profile-size-micro').isChecked(), true);
  assert.equal(await page.locator('#q-profile-sector-i').isChecked(), true);
  const [a] = await stepProgress(page);
  assert.equal(a, 3, 'the progress counts the unsaved answers');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null, 'nothing was stored');

  // Still there on another page of the app and back.
  await page.getByRole('navigation', { name: 'Vaiheet' }).getByRole('link', { name: 'Miksi ja kuka?' }).click();
  await page.waitForURL((u) => u.pathname === '/vaihe/why', { timeout: T });
  await page.getByRole('navigation', { name: 'Vaiheet' }).getByRole('link', { name: 'Yrityksesi perustiedot' }).click();
  await page.waitForURL((u) => u.pathname === '/vaihe/profile', { timeout: T });
  assert.equal(await page.locator('#q-profile-name-input').inputValue(), 'Täysi kahvila');
  await full.waitFor({ timeout: T });
  assertClean();
  await context.close();
});

test('two tabs: an answer in one appears in the other with a notice, and a later answer there keeps it', async () => {
  const { context, page: a, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  await a.goto(env.url('/vaihe/profile'));
  await waitForApp(a, { problems });
  const b = await context.newPage();
  await b.goto(env.url('/vaihe/profile'));
  await waitForApp(b, { problems });

  await a.locator('#q-profile-size-micro').check();
  await b.waitForFunction(() => document.querySelector('#q-profile-size-micro')?.checked, null, { timeout: T });
  const other = notice(b, 'Vastauksia muutettiin toisessa välilehdessä');
  await other.waitFor({ timeout: T });
  assert.equal(await notice(a, 'Vastauksia muutettiin toisessa välilehdessä').count(), 0, 'no notice in the tab that made the change');

  await b.locator('#q-profile-sector-i').check();
  await a.waitForFunction(() => document.querySelector('#q-profile-sector-i')?.checked, null, { timeout: T });
  assert.equal(await a.locator('#q-profile-size-micro').isChecked(), true, "A's answer is still there in A");
  assert.equal(await b.locator('#q-profile-size-micro').isChecked(), true, "A's answer is still there in B");
  const stored = await storedAnswers(a);
  assert.deepEqual(stored, {
    'profile.sector': { type: 'choice', value: 'i' },
    'profile.size': { type: 'choice', value: 'micro' },
  });

  await other.getByRole('button', { name: 'Sulje' }).click();
  await other.waitFor({ state: 'detached', timeout: T });
  assertClean();
  await context.close();
});

test('export, clear the storage, import the file: the same answers come back', async () => {
  const { context, page, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  await page.goto(env.url('/vaihe/profile'));
  await waitForApp(page, { problems });
  await answerVisible(page, {
    choose: { 'profile.name': 'Vientikahvila', 'profile.sector': 'i', 'profile.flags': ['food', 'tourism'], 'profile.size': 'micro' },
  });
  await page.goto(env.url('/vaihe/current'));
  await waitForApp(page, { problems });
  await answerVisible(page);
  const before = await readStored(page);
  const company = before.data.companies[0];
  assert.ok(Object.keys(company.answers).length >= 10, 'a good number of answers to compare');

  await page.goto(env.url('/tiedot'));
  await waitForApp(page, { problems });
  const file = await downloadFrom(page, page.getByRole('button', { name: 'Lataa tiedosto' }));
  const path = join(tmp, file.name);
  writeFileSync(path, file.text);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForApp(page, { problems });
  assert.deepEqual(await storedAnswers(page), {}, 'nothing stored after clearing');

  await page.getByLabel('Valitse tiedosto').setInputFiles(path);
  const preview = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Tarkista ennen tuontia' }) });
  await preview.waitFor({ timeout: T });
  const table = preview.getByRole('table');
  const nameRow = await table.getByRole('row', { name: /Yrityksen nimi/ }).getByRole('cell').allTextContents();
  assert.deepEqual(nameRow, ['–', 'Vientikahvila'], 'the preview compares the current and the file');
  const countRow = await table.getByRole('row', { name: /Vastauksia/ }).getByRole('cell').allTextContents();
  assert.deepEqual(countRow, ['0', String(Object.keys(company.answers).length)]);

  await preview.getByRole('button', { name: 'Korvaa valitun yrityksen tiedot' }).click();
  await page.getByText('Tiedot on tuotu.', { exact: true }).waitFor({ timeout: T });
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes('Vientikahvila'), KEY, { timeout: T });
  const after = (await readStored(page)).data.companies[0];
  assert.equal(JSON.stringify(after.answers), JSON.stringify(company.answers), 'identical answers');
  assert.deepEqual(after.plan, company.plan);
  assert.equal(after.path, company.path);
  assertClean();
  await context.close();
});

test('a malformed import file shows what is wrong, field by field, and changes nothing', async () => {
  const good = envelope({ 'profile.size': { type: 'choice', value: 'solo' } });
  const { context, page, assertClean } = await openWithStored(good, '/tiedot');
  await page.getByRole('heading', { level: 1, name: 'Omat tiedot' }).waitFor({ timeout: T });
  const storedBefore = await page.evaluate((k) => localStorage.getItem(k), KEY);
  const keysBefore = await page.evaluate(() => Object.keys(localStorage).sort());

  const wrongApp = join(tmp, 'wrong-app.json');
  writeFileSync(wrongApp, JSON.stringify({ app: 'joku-muu', schema: 1, kind: 'company', saved_at: '', data: { id: 'c1', answers: {} } }));
  const badValues = join(tmp, 'bad-values.json');
  writeFileSync(
    badValues,
    JSON.stringify({
      app: KEY,
      schema: 1,
      kind: 'company',
      saved_at: '2026-01-01T00:00:00Z',
      data: {
        id: 'c1',
        path: 'quick',
        answers: {
          'profile.size': { type: 'choice', value: 'jattiyritys' },
          'profile.sector': { type: 'choice', value: 'i' },
          'current.vehicle-count': { type: 'number', value: 9999 },
        },
        plan: [{ id: 'p1', action: 'energy.renewable-electricity', status: 'joskus' }],
      },
    }),
  );

  const input = page.getByLabel('Valitse tiedosto');
  const failed = page.getByRole('alert').filter({ hasText: 'Tiedostoa ei voitu tuoda, eikä mitään muutettu.' });

  await input.setInputFiles(wrongApp);
  await failed.waitFor({ timeout: T });
  assert.deepEqual(await failed.getByRole('listitem').allTextContents(), ['app: Tiedosto ei ole Ilmastoaskeleista viety tiedosto.']);

  await input.setInputFiles(badValues);
  await failed.getByText('data.answers.profile.size', { exact: false }).waitFor({ timeout: T });
  assert.deepEqual((await failed.getByRole('listitem').allTextContents()).sort(), [
    'data.answers.current.vehicle-count: Luku on sallitun vaihteluvälin ulkopuolella.',
    'data.answers.profile.size: Arvoa ei tunneta.',
    'data.plan[0].status: Arvoa ei tunneta.',
  ]);
  assert.equal(await page.getByRole('button', { name: 'Korvaa valitun yrityksen tiedot' }).count(), 0, 'nothing to confirm');

  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), storedBefore, 'stored data unchanged');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).sort()), keysBefore, 'no backup or other key written');
  assertClean();
  await context.close();
});

test('data from a newer app version (schema 99): read-only notice, inputs disabled, storage never overwritten', async () => {
  const newer = envelope({ 'profile.size': { type: 'choice', value: 'micro' }, 'profile.sector': { type: 'choice', value: 'i' } }, {
    schema: 99,
    plan: [{ id: 'p1', action: 'energy.renewable-electricity', status: 'planned', owner: 'Matti', due: '2027-01', note: '', added: '2026-01-01' }],
  });
  const { context, page, problems, assertClean } = await openWithStored(newer, '/vaihe/profile');
  const readOnly = notice(page, 'Tiedot on tallennettu sovelluksen uudemmalla versiolla.');
  await readOnly.waitFor({ timeout: T });

  // The newer data is shown...
  assert.equal(await page.locator('#q-profile-size-micro').isChecked(), true);
  assert.equal(await page.locator('#q-profile-sector-i').isChecked(), true);
  // ...and nothing can be changed.
  const enabled = (sel) =>
    page.$$eval(sel, (els) => els.filter((el) => !el.disabled).map((el) => el.id || el.name || el.textContent.trim()));
  assert.deepEqual(await enabled('form.questions input, form.questions textarea, form.questions button'), [], 'question inputs are disabled');

  await page.goto(env.url('/vaihe/footprint'));
  await waitForApp(page, { problems });
  await readOnly.waitFor({ timeout: T });
  assert.deepEqual(await enabled('form.questions input, .footprint input, .footprint form select'), [], 'footprint inputs are disabled');

  await page.goto(env.url('/suunnitelma'));
  await waitForApp(page, { problems });
  await page.locator('li.plan-item').first().waitFor({ timeout: T });
  assert.deepEqual(
    await enabled('li.plan-item input, li.plan-item select, li.plan-item textarea, li.plan-item button, form.own-action input, form.own-action button'),
    [],
    'plan fields are disabled',
  );
  assert.equal(await page.getByLabel('Vastuuhenkilö').inputValue(), 'Matti', 'the plan of the newer data is shown');

  await page.goto(env.url('/'));
  await waitForApp(page, { problems });
  assert.deepEqual(await enabled('#path-quick, #path-full'), [], 'the path choice is disabled');

  await page.goto(env.url('/tiedot'));
  await waitForApp(page, { problems });
  assert.equal(await page.getByLabel('Valitse tiedosto').isDisabled(), true, 'import is disabled');
  for (const name of ['Lisää yritys', /^Tallenna vuoden \d+ tilanne$/, 'Poista kaikki tiedot']) {
    assert.equal(await page.getByRole('button', { name }).isDisabled(), true, `"${name}" is disabled`);
  }
  // Export still works: it is the way to keep the data.
  assert.equal(await page.getByRole('button', { name: 'Lataa tiedosto' }).isEnabled(), true);

  // Whatever happened above, the stored text is exactly what the newer version wrote.
  await page.getByRole('button', { name: 'Svenska' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'sv', null, { timeout: T });
  await page.reload();
  await waitForApp(page, { problems });
  await readOnly.or(notice(page, 'Uppgifterna har sparats med en nyare version')).first().waitFor({ timeout: T });
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), newer, 'storage never overwritten');
  assertClean();
  await context.close();
});
