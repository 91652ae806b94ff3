// Guided assessment (issue "guided assessment"): the quick path from the landing page through the
// profile and the nine steps to the results, the plan and the report (also as a PDF); the full
// path with number fields; answers surviving a reload and a language switch; the quick path with
// the keyboard only.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, waitForApp } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';
import { qid, readStored, storedAnswers, stepProgress, pendingQuestions, answerVisible } from './lib/questions.mjs';

const STEPS = ['profile', 'why', 'current', 'footprint', 'goals', 'actions', 'renewal', 'monitoring', 'communication', 'support'];
const T = 10000; // timeout for waits on the app's own state

const COMPANY = 'Kahvila Kuppi Testi';
// A one-person café in Kerava, renting its premises, without vehicles.
const SOLO_PROFILE = {
  'profile.name': COMPANY,
  'profile.sector': 'i',
  'profile.flags': ['food'],
  'profile.size': 'solo',
  'profile.municipality': 'Kerava',
  'profile.premises': 'rented',
  'profile.vehicles': ['none'],
  'profile.customers': ['consumers'],
};

const env = useAppAndBrowser();

/** Wait until the step page of `id` is shown (URL and the step's progress bar). */
async function waitForStep(page, id) {
  await page.waitForURL((u) => u.pathname === `/vaihe/${id}`, { timeout: T });
  await page.locator('#step-progress').waitFor({ timeout: T });
}

/** Wait until the step's progress label reads `answered/total`. */
async function waitForProgress(page, answered, total) {
  await page.waitForFunction(
    ([a, t]) => {
      const m = document.querySelector('label[for="step-progress"]')?.textContent.match(/(\d+)\s*\/\s*(\d+)/);
      return m && Number(m[1]) === a && Number(m[2]) === t;
    },
    [answered, total],
    { timeout: T },
  );
}

/** Answer every visible question of the step; checks the progress label after each answer. */
async function answerStepChecked(page, choose = {}) {
  const [, total] = await stepProgress(page);
  const answered = await answerVisible(page, {
    choose,
    onAnswer: async (q, [a, t]) => {
      await waitForProgress(page, a + 1, t).catch(() => assert.fail(`progress did not go from ${a}/${t} to ${a + 1}/${t} after answering ${q.dom}`));
    },
  });
  assert.ok(answered.length > 0, 'the step shows questions');
  await waitForProgress(page, total, total);
  assert.deepEqual(await pendingQuestions(page), [], 'no visible question left unanswered');
  return answered;
}

/** Click the step's "next" button (the last step's is "Katso tulokset"). */
async function next(page, i) {
  const nav = page.getByRole('navigation', { name: 'Siirtyminen vaiheiden välillä' });
  if (i < STEPS.length - 1) await nav.getByRole('link', { name: /^Seuraava: / }).click();
  else await nav.getByRole('link', { name: 'Katso tulokset' }).click();
}

describe('quick path of a one-person company', () => {
  let ctx;
  let page;
  let problems;
  let assertClean;
  const added = [];

  before(async () => {
    ({ context: ctx, page, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin }));
  });
  after(async () => ctx?.close());

  test('from "Aloita" through the profile and all nine steps to the results, with the progress updating', async () => {
    await page.goto(env.app.url);
    await waitForApp(page, { problems });
    assert.equal(await page.getByRole('radio', { name: /Pikapolku/ }).isChecked(), true, 'the quick path is the default');
    await page.getByRole('link', { name: 'Aloita', exact: true }).click();
    await waitForStep(page, 'profile');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Yrityksesi perustiedot');

    for (const [i, id] of STEPS.entries()) {
      await waitForStep(page, id);
      const label = (await page.locator('.step-label').textContent()).trim();
      assert.equal(label, i === 0 ? 'Aluksi' : `Vaihe ${i}/9`);
      const [a0] = await stepProgress(page);
      assert.equal(a0, 0, `${id}: nothing answered yet`);
      await answerStepChecked(page, id === 'profile' ? SOLO_PROFILE : {});
      await next(page, i);
    }
    await page.waitForURL((u) => u.pathname === '/tulokset', { timeout: T });
    await page.getByRole('heading', { level: 1, name: 'Tulokset' }).waitFor({ timeout: T });

    // Everything on the quick path is answered: the landing page says so.
    const stored = await storedAnswers(page);
    assert.equal(stored['profile.size']?.value, 'solo');
    assert.equal(stored['profile.municipality']?.value, '245', 'Kerava is stored by its code');
    assert.equal(stored['profile.name']?.value, COMPANY);
    await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Etusivu' }).click();
    const overall = page.getByText(/^Olet vastannut \d+\/\d+ kysymykseen\.$/);
    await overall.waitFor({ timeout: T });
    const [, a, t] = (await overall.textContent()).match(/(\d+)\/(\d+)/);
    assert.equal(a, t, `every quick-path question answered (${a}/${t})`);
    assert.equal(Number(a), Object.keys(stored).length, 'the count matches the stored answers');
    assertClean();
  });

  test('results show the overall level, the maturity chart and its table, and the suggested actions with reasons', async () => {
    await page.goto(env.url('/tulokset'));
    await waitForApp(page, { problems });
    const overall = page.getByRole('heading', { level: 2, name: /^Kokonaistaso: / });
    await overall.waitFor({ timeout: T });
    assert.match(await overall.textContent(), /^Kokonaistaso: (Ei vielä huomioitu|Matkalla|Edelläkävijä)$/);
    // The maturity per step and every suggestion follow the answer at the top, collapsed.
    await page.locator('details.more > summary', { hasText: 'Tarkemmat tulokset vaiheittain' }).click();
    await page.locator('details.more > summary', { hasText: 'Kaikki ehdotukset' }).click();

    const chart = page.getByRole('img', { name: 'Ilmastotyön taso vaiheittain' });
    assert.equal(await chart.count(), 1, 'one maturity chart (svg role=img) named by its title');
    assert.equal(await chart.evaluate((el) => el.tagName.toLowerCase()), 'svg');
    assert.equal(await chart.locator('text.bar-label').count(), 9, 'a bar for each of the nine steps');

    const table = page.getByRole('table', { name: 'Ilmastotyön taso vaiheittain' });
    const rows = table.locator('tbody tr');
    assert.equal(await rows.count(), 9, 'the table has a row per step');
    for (let i = 0; i < 9; i++) {
      const cells = await rows.nth(i).locator('th, td').allTextContents();
      assert.match(cells[1], /^(Ei vielä huomioitu|Matkalla|Edelläkävijä)$/, `step row ${i + 1} has a level: ${cells.join(' | ')}`);
      const [ans, vis] = cells[3].split('/').map((x) => Number(x.trim()));
      assert.ok(vis > 0 && ans === vis, `step row ${i + 1} fully answered: ${cells[3]}`);
    }
    // The chart's bar labels are the same steps as the table rows.
    assert.deepEqual(
      await chart.locator('text.bar-label').allTextContents(),
      await rows.locator('th').allTextContents(),
    );

    const suggestions = page.getByRole('region', { name: 'Ehdotetut seuraavat askeleet' }).getByRole('listitem');
    assert.ok((await suggestions.count()) >= 5, 'at least five suggested actions (all of them, collapsed)');
    for (let i = 0; i < 5; i++) {
      const card = suggestions.nth(i);
      assert.ok((await card.getByRole('heading', { level: 3 }).textContent()).trim(), 'a title');
      const reasons = (await card.locator('.reasons').textContent()).trim();
      assert.match(reasons, /^Miksi ehdotamme:\s*\S/, `card ${i + 1} gives a reason: "${reasons}"`);
      assert.equal(await card.getByRole('button', { name: /^Lisää suunnitelmaan: \S/ }).count(), 1);
    }
    assertClean();
  });

  test('two suggestions can be added to the plan', async () => {
    const section = page.getByRole('region', { name: 'Ehdotetut seuraavat askeleet' });
    for (let i = 0; i < 2; i++) {
      const button = section.getByRole('button', { name: /^Lisää suunnitelmaan: \S/ }).first();
      const title = (await button.getAttribute('aria-label')).replace(/^Lisää suunnitelmaan: /, '').trim();
      await button.click();
      added.push(title);
      const card = section.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
      await card.getByText('Suunnitelmassa', { exact: true }).waitFor({ timeout: T });
    }
    const plan = (await readStored(page)).data.companies[0].plan;
    assert.equal(plan.length, 2, 'two items stored in the plan');
    assert.ok(plan.every((p) => p.action && p.status === 'idea'), 'library actions, status idea');
    assertClean();
  });

  test('the plan page sets status, owner and due month of an item', async () => {
    await clickLink(page, 'Siirry suunnitelmaan');
    await page.waitForURL((u) => u.pathname === '/suunnitelma', { timeout: T });
    const items = page.locator('li.plan-item');
    await items.first().waitFor({ timeout: T });
    assert.deepEqual((await items.locator('h3').allTextContents()).sort(), [...added].sort(), 'both added actions are listed');

    const item = items.filter({ has: page.getByRole('heading', { name: added[0], exact: true }) });
    await item.getByLabel('Tila').selectOption({ label: 'Käynnissä' });
    await item.getByLabel('Vastuuhenkilö').fill('Maija Meikäläinen');
    await item.getByLabel('Vastuuhenkilö').press('Tab');
    await item.getByLabel('Tavoiteaika (kuukausi)').fill('2027-03');
    await item.getByLabel('Tavoiteaika (kuukausi)').press('Tab');

    await page.waitForFunction(
      (title) => {
        const raw = localStorage.getItem('ilmastoaskeleet');
        const plan = raw && JSON.parse(raw).data.companies[0].plan;
        return plan && plan.some((p) => p.status === 'in-progress' && p.owner === 'Maija Meikäläinen' && p.due === '2027-03');
      },
      added[0],
      { timeout: T },
    );
    // The page shows what was stored (the row was not re-created with empty fields).
    assert.equal(await item.getByLabel('Tila').inputValue(), 'in-progress');
    assert.equal(await item.getByLabel('Vastuuhenkilö').inputValue(), 'Maija Meikäläinen');
    assert.equal(await item.getByLabel('Tavoiteaika (kuukausi)').inputValue(), '2027-03');
    assertClean();
  });

  test('marking an item done shows its completion date', async () => {
    const item = page.locator('li.plan-item').filter({ has: page.getByRole('heading', { name: added[1], exact: true }) });
    const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
    assert.equal(await item.getByText(/^Valmis \d{4}-\d{2}-\d{2}$/).count(), 0, 'no date before it is done');
    await item.getByLabel('Tila').selectOption({ label: 'Valmis' });
    await item.getByText(`Valmis ${today}`, { exact: true }).waitFor({ timeout: T });
    const plan = (await readStored(page)).data.companies[0].plan;
    const stored = plan.find((p) => p.status === 'done');
    assert.equal(stored?.done_on, today, 'done_on stored');
    assertClean();
  });

  test('the report page contains the profile, maturity, plan and supports', async () => {
    await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Raportti' }).click();
    await page.waitForURL((u) => u.pathname === '/raportti', { timeout: T });
    const h1 = page.getByRole('heading', { level: 1 });
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent.startsWith('Ilmastotyön tilannekatsaus'), null, { timeout: T });
    assert.equal(await h1.textContent(), `Ilmastotyön tilannekatsaus: ${COMPANY}`);

    const sectionOf = (name) => page.locator('.report section').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });
    const profile = sectionOf('Yrityksen perustiedot');
    const profileText = await profile.textContent();
    for (const want of [COMPANY, 'Majoitus ja ravitsemus', 'Vain minä', 'Kerava']) {
      assert.ok(profileText.includes(want), `profile section shows "${want}"`);
    }

    const maturity = sectionOf('Ilmastotyön taso vaiheittain');
    assert.match(await maturity.textContent(), /Kokonaistaso: (Ei vielä huomioitu|Matkalla|Edelläkävijä) — /);
    assert.equal(await maturity.locator('tbody tr').count(), 9, 'a row per step');

    const plan = sectionOf('Ilmastosuunnitelma');
    const rows = plan.locator('tbody tr');
    assert.equal(await rows.count(), 2, 'both plan items');
    const first = await rows.filter({ hasText: added[0] }).locator('th, td').allTextContents();
    assert.deepEqual(first, [added[0], 'Käynnissä', 'Maija Meikäläinen', '2027-03']);
    const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
    const second = await rows.filter({ hasText: added[1] }).locator('th, td').allTextContents();
    assert.equal(second[1], `Valmis (${today})`);

    const supports = sectionOf('Suositellut tuet ja palvelut').getByRole('listitem');
    assert.ok((await supports.count()) > 0, 'supports are listed');
    assert.match(await supports.first().textContent(), /Kerava|Keravan/, 'the first support is local to Kerava');
    assertClean();
  });

  test('the report prints to an A4 PDF with the company name and section headings', async () => {
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'ilmasto-pdf-'));
    try {
      const file = join(dir, 'raportti.pdf');
      writeFileSync(file, pdf);
      const info = poppler('pdfinfo', [file]);
      assert.match(info, /Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/, 'A4 pages');
      const text = poppler('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ');
      for (const want of [
        `Ilmastotyön tilannekatsaus: ${COMPANY}`,
        'Yrityksen perustiedot',
        'Ilmastotyön taso vaiheittain',
        'Ilmastosuunnitelma',
        'Suositellut tuet ja palvelut',
      ]) {
        assert.ok(text.includes(want), `PDF text contains "${want}"`);
      }
      // Table cells may wrap inside a name, so the plan row is checked word by word.
      for (const word of ['Maija', 'Meikäläinen', 'Käynnissä', '2027-03']) {
        assert.ok(text.includes(word), `PDF plan table contains "${word}"`);
      }
      // Print styles hide the site chrome and buttons.
      for (const hidden of ['Siirry sisältöön', 'Omat tiedot', 'Tulosta']) {
        assert.ok(!text.includes(hidden), `PDF text does not contain "${hidden}"`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assertClean();
  });
});

/** Run a poppler-utils tool (pdfinfo, pdftotext); scripts/setup.sh installs the package. */
function poppler(tool, args) {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (err) {
    if (err.code === 'ENOENT') throw new Error(`${tool} not found: install poppler-utils (scripts/setup.sh does it on Debian)`);
    throw err;
  }
}

/** Click a link by its accessible name. */
async function clickLink(page, linkName) {
  await page.getByRole('link', { name: linkName, exact: true }).click();
}

/** Every field of the current step's questions: id -> checked (choices) or value (fields). */
async function fieldStates(page) {
  return page.$$eval('form.questions .question input, form.questions .question textarea', (els) =>
    Object.fromEntries(els.map((el) => [el.id, el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value])),
  );
}

test('full path: every visible question is answered, number fields take a decimal comma and reject text', async () => {
  const { context, page, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  await page.goto(env.app.url);
  await waitForApp(page, { problems });
  await page.getByRole('radio', { name: /Koko polku/ }).check();
  await page.getByRole('link', { name: 'Aloita', exact: true }).click();

  // Two people with a car, so that the vehicle and commuting number questions are shown.
  const profile = { ...SOLO_PROFILE, 'profile.size': 'micro', 'profile.vehicles': ['cars'] };
  const numbers = [];
  for (const [i, id] of STEPS.entries()) {
    await waitForStep(page, id);
    const pending = await pendingQuestions(page);
    for (const q of pending.filter((q) => q.kind === 'number')) {
      numbers.push(q.dom);
      const input = page.locator(`#${q.dom}-input`);
      const error = page.locator(`#${q.dom}-error`);
      await input.fill('abc');
      await input.press('Tab');
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.trim() !== '', `#${q.dom}-error`, { timeout: T });
      assert.equal((await error.textContent()).trim(), 'Anna luku, esimerkiksi 1200 tai 12,5.');
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      assert.equal(await input.getAttribute('aria-describedby'), `${q.dom}-error`, 'the error is tied to the field');
      assert.equal(Object.keys(await storedAnswers(page)).some((k) => qid(k) === q.dom), false, 'text is not stored as an answer');

      // Every number question of the content asks for a whole number: "12,5" is read as twelve
      // and a half (so the comma is a decimal separator), and refused for that reason.
      await input.fill('12,5');
      await input.press('Tab');
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('kokonaisluku'), `#${q.dom}-error`, { timeout: T });
      assert.equal((await error.textContent()).trim(), 'Anna kokonaisluku ilman desimaaleja.');

      await input.fill('12');
      await input.press('Tab');
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.trim() === '', `#${q.dom}-error`, { timeout: T });
      assert.equal(await input.getAttribute('aria-invalid'), 'false');
      const stored = Object.entries(await storedAnswers(page)).find(([k]) => qid(k) === q.dom)?.[1];
      assert.deepEqual(stored, { type: 'number', value: 12 });
    }
    if (id === 'footprint') {
      // The footprint calculator's number fields take decimals: "12,5" kWh is 12.5.
      const fp = page.getByLabel('Tavallinen verkkosähkö (Suomen keskiarvo)');
      // The sources are collapsed groups: open electricity first.
      await page.locator('details.fp-source > summary').filter({ hasText: 'Sähkö' }).first().click();
      await fp.fill('12,5');
      await fp.press('Tab');
      await page.waitForFunction(() => {
        const raw = localStorage.getItem('ilmastoaskeleet');
        const fps = raw && JSON.parse(raw).data.companies[0].footprints;
        return fps && Object.values(fps).some((y) => y['electricity.grid']?.amount === 12.5);
      }, null, { timeout: T });
      assert.equal(await fp.getAttribute('aria-invalid'), 'false');
      assert.equal(await fp.inputValue(), '12,5', 'shown back with a decimal comma');
      assert.equal((await page.locator('#fp-electricity-grid-error').textContent()).trim(), '');
    }
    await answerStepChecked(page, id === 'profile' ? profile : {});
    await next(page, i);
  }
  await page.waitForURL((u) => u.pathname === '/tulokset', { timeout: T });
  assert.deepEqual(numbers, ['q-current-vehicle-count', 'q-footprint-commute-car', 'q-monitoring-renewable-share'], 'the full path shows the number questions');

  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Etusivu' }).click();
  const overall = page.getByText(/^Olet vastannut \d+\/\d+ kysymykseen\.$/);
  await overall.waitFor({ timeout: T });
  const [, a, t] = (await overall.textContent()).match(/(\d+)\/(\d+)/);
  assert.equal(a, t, `every full-path question answered (${a}/${t})`);
  const stored = await readStored(page);
  assert.equal(stored.data.companies[0].path, 'full');
  assert.equal(Object.keys(stored.data.companies[0].answers).length, Number(t));
  assertClean();
  await context.close();
});

test('a reload in the middle of a step keeps every answer', async () => {
  const { context, page, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  await page.goto(env.url('/'));
  await waitForApp(page, { problems });
  await page.getByRole('radio', { name: /Koko polku/ }).check();
  await page.goto(env.url('/vaihe/profile'));
  await waitForApp(page, { problems });
  await answerVisible(page, { choose: { ...SOLO_PROFILE, 'profile.vehicles': ['cars', 'machines'], 'profile.customers': ['consumers', 'public'] } });
  const profileBefore = await fieldStates(page);
  const [profileCount, profileTotal] = await stepProgress(page);
  assert.equal(profileCount, profileTotal, 'the profile is complete');

  // Half of the next step: a choice, the number and the free text; the rest stays open.
  await page.goto(env.url('/vaihe/current'));
  await waitForApp(page, { problems });
  await waitForStep(page, 'current');
  await page.locator('#q-current-heating-heat-pump').check();
  await page.locator('#q-current-vehicle-count-input').fill('4');
  await page.locator('#q-current-vehicle-count-input').press('Tab');
  await page.locator('#q-current-done-input').fill('Lajittelemme biojätteen ja kahvinporot.');
  await page.locator('#q-current-waste-some').check();
  await waitForProgress(page, 4, (await stepProgress(page))[1]);
  const progressBefore = await stepProgress(page);
  assert.ok(progressBefore[0] < progressBefore[1], 'the step is only partly answered');
  const before = await fieldStates(page);
  const storedBefore = await storedAnswers(page);
  assert.equal(Object.keys(storedBefore).length, profileCount + 4, 'the profile answers + 4 on this step');

  await page.reload();
  await waitForApp(page, { problems });
  await waitForStep(page, 'current');
  await waitForProgress(page, ...progressBefore);
  assert.deepEqual(await fieldStates(page), before, 'every field of the step as it was');
  assert.deepEqual(await storedAnswers(page), storedBefore, 'stored answers unchanged');
  assert.equal(await page.locator('#q-current-vehicle-count-input').inputValue(), '4');
  assert.equal(await page.locator('#q-current-done-input').inputValue(), 'Lajittelemme biojätteen ja kahvinporot.');

  await page.getByRole('navigation', { name: 'Vaiheet' }).getByRole('link', { name: 'Yrityksesi perustiedot' }).click();
  await waitForStep(page, 'profile');
  await waitForProgress(page, profileCount, profileTotal);
  assert.deepEqual(await fieldStates(page), profileBefore, 'the profile answers too');
  assert.equal(await page.locator('#q-profile-municipality-input').inputValue(), 'Kerava');
  assertClean();
  await context.close();
});

test('switching to Svenska mid-way keeps every answer; <html lang> and the title follow', async () => {
  const { context, page, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  await page.goto(env.url('/vaihe/profile'));
  await waitForApp(page, { problems });
  await answerVisible(page, { choose: SOLO_PROFILE });
  const profileBefore = await fieldStates(page);
  await next(page, 0);
  await waitForStep(page, 'why');
  await page.locator('#q-why-stage-some').check();
  await page.locator('#q-why-responsible-self').check();
  await waitForProgress(page, 2, 3);
  const before = await fieldStates(page);
  const storedBefore = await storedAnswers(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fi');
  assert.equal(await page.title(), 'Miksi ja kuka? – Ilmastoaskeleet');

  assert.equal(await page.getByRole('group', { name: 'Kieli' }).getByRole('button', { name: 'Svenska' }).count(), 1);
  const sv = page.getByRole('button', { name: 'Svenska' });
  await sv.click();
  await page.waitForFunction(() => document.documentElement.lang === 'sv', null, { timeout: T });
  assert.equal(await sv.getAttribute('aria-pressed'), 'true');
  await page.waitForFunction(() => document.title === 'Varför och vem? – Ilmastoaskeleet', null, { timeout: T });
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Varför och vem?');
  assert.equal((await page.locator('label[for="step-progress"]').textContent()).trim(), 'Besvarade 2 av 3');
  assert.deepEqual(await fieldStates(page), before, 'the same options are still chosen');
  assert.deepEqual(await storedAnswers(page), storedBefore, 'stored answers unchanged');

  // Back on the profile, in Swedish: the same answers, the municipality by its Swedish name.
  await page.getByRole('navigation', { name: 'Navigering mellan stegen' }).getByRole('link', { name: 'Föregående' }).click();
  await waitForStep(page, 'profile');
  await page.waitForFunction(() => document.title === 'Ditt företags grunduppgifter – Ilmastoaskeleet', null, { timeout: T });
  const profileNow = await fieldStates(page);
  assert.equal(profileNow['q-profile-municipality-input'], 'Kervo');
  assert.deepEqual({ ...profileNow, 'q-profile-municipality-input': 'Kerava' }, profileBefore);
  assert.equal(await page.getByText('Bara jag', { exact: true }).count(), 1, 'option labels are in Swedish');

  // The choice of language is remembered over a reload.
  await page.reload();
  await waitForApp(page, { problems });
  await page.waitForFunction(() => document.documentElement.lang === 'sv', null, { timeout: T });
  assert.deepEqual(await storedAnswers(page), storedBefore);
  assertClean();
  await context.close();
});

test('keyboard only: the quick path from the landing page to the results', async () => {
  const { context, page, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  await page.goto(env.app.url);
  await waitForApp(page, { problems });

  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      const q = el?.closest('form.questions .question');
      const inputs = q ? [...q.querySelectorAll('input[type=radio], input[type=checkbox]')] : [];
      return {
        tag: el?.tagName.toLowerCase(),
        type: el?.type || '',
        id: el?.id || '',
        text: (el?.textContent || '').trim(),
        inQuestion: Boolean(q),
        groupAnswered: inputs.some((i) => i.checked),
        value: el?.value ?? '',
        nextLink: Boolean(el?.matches('nav.step-buttons a.button:not(.secondary)')),
        path: location.pathname,
      };
    });
  const type = async (text) => {
    for (const ch of text) await page.keyboard.press(ch === ' ' ? 'Space' : ch);
  };

  // Landing: Tab to "Aloita" and press Enter.
  let f;
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    f = await focused();
    if (f.tag === 'a' && f.text === 'Aloita') break;
  }
  assert.equal(f.text, 'Aloita', 'the start link is reachable with Tab');
  await page.keyboard.press('Enter');

  for (const [i, id] of STEPS.entries()) {
    await waitForStep(page, id);
    let presses = 0;
    for (;;) {
      assert.ok(presses++ < 200, `step ${id}: reached the next button within 200 key presses`);
      await page.keyboard.press('Tab');
      f = await focused();
      if (f.inQuestion && (f.type === 'radio' || f.type === 'checkbox') && !f.groupAnswered) {
        if (f.id.startsWith('q-profile-sector-')) {
          // The sector: move down the radio group with the arrow keys (arrows also select) to
          // "Majoitus ja ravitsemus", and back up one to check ArrowUp too.
          for (let k = 0; k < 9 && (await focused()).id !== 'q-profile-sector-j'; k++) await page.keyboard.press('ArrowDown');
          await page.keyboard.press('ArrowUp');
          assert.equal((await focused()).id, 'q-profile-sector-i');
        } else {
          await page.keyboard.press('Space');
        }
      } else if (f.inQuestion && f.type === 'text' && !f.value) {
        await type(f.id === 'q-profile-municipality-input' ? 'Kerava' : 'Kahvila');
      } else if (f.nextLink) {
        const [a, t] = await stepProgress(page);
        if (a === t) break;
        // Something was missed: go back through the fields once more.
        for (let k = 0; k < 3; k++) await page.keyboard.press('Shift+Tab');
      }
    }
    const [a, t] = await stepProgress(page);
    assert.equal(a, t, `step ${id}: every question answered with the keyboard`);
    await page.keyboard.press('Enter');
  }
  await page.waitForURL((u) => u.pathname === '/tulokset', { timeout: T });
  await page.getByRole('heading', { level: 2, name: /^Kokonaistaso: / }).waitFor({ timeout: T });
  // Focus moved to the new page's heading, for keyboard and screen-reader users.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  const stored = await storedAnswers(page);
  assert.equal(stored['profile.sector']?.value, 'i', 'chosen with the arrow keys');
  assert.equal(stored['profile.size']?.value, 'solo', 'the first option, chosen with Space');
  assert.equal(stored['profile.municipality']?.value, '245', 'typed municipality committed on Tab');
  assert.equal(stored['profile.name']?.value, 'Kahvila');
  assertClean();
  await context.close();
});
