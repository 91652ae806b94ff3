// Footprint (issue "footprint"): a café's year on /vaihe/footprint — 20 000 kWh grid electricity,
// 15 MWh district heat, 300 km by train — gives 3,15 t CO2e with heating the largest source; the
// numbers survive a reload and appear on the report.
//   20 000 kWh × 0,060 + 15 000 kWh × 0,130 + 300 km × 0,00372 = 1 200 + 1 950 + 1,1 kg = 3,15 t
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForApp } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';
import { readStored } from './lib/questions.mjs';

const T = 10000;

const env = useAppAndBrowser();

describe('a café year in the footprint calculator', () => {
  let context;
  let page;
  let problems;
  let assertClean;
  let year;

  before(async () => {
    ({ context, page, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin }));
  });
  after(async () => context?.close());

  const electricity = () => page.getByLabel('Tavallinen verkkosähkö (Suomen keskiarvo)');
  const heat = () => page.getByLabel('Kaukolämpö (Suomen keskiarvo)');
  const heatUnit = () => page.locator('#fp-heating-district-unit');
  const train = () => page.getByLabel('Junamatkat');
  const total = () => page.getByText(/^Arvio yhteensä: /);

  test('electricity, district heat in MWh and train travel add up to 3,15 t CO2e, shown as about 3,2 t with its range', async () => {
    await page.goto(new URL('/vaihe/footprint', env.app.url).href);
    await waitForApp(page, { problems });
    await page.getByRole('heading', { level: 2, name: 'Hiilijalanjälki' }).waitFor({ timeout: T });
    // The sources are collapsed groups with their current figure: open the three used here.
    for (const name of ['Sähkö', 'Lämmitys', 'Liikematkat']) {
      await page.locator('details.fp-source > summary').filter({ hasText: name }).first().click();
    }
    year = await page.getByLabel('Vuosi').inputValue();
    assert.match(year, /^\d{4}$/);
    assert.equal((await total().textContent()).trim(), 'Arvio yhteensä: 0 t CO2e', 'nothing entered yet');

    // Typed as a Finn writes it, with a space between the thousands.
    await electricity().fill('20 000');
    await electricity().press('Tab');
    await page.waitForFunction(() => document.querySelector('.fp-total')?.textContent.includes('1,2 t'), null, { timeout: T });

    // The unit first, then the amount: the amount must be taken in the unit that is shown.
    await heatUnit().selectOption({ label: 'MWh' });
    await heat().fill('15');
    await heat().press('Tab');

    await train().fill('300');
    await train().press('Tab');

    // 3 151 kg, honestly rounded: two significant figures and the likely range, never "3,15 t".
    await page.waitForFunction(() => document.querySelector('.fp-total')?.textContent.includes('3,2'), null, { timeout: T }).catch(() => {});
    assert.equal((await total().textContent()).trim(), 'Arvio yhteensä: noin 3,2 t CO2e (todennäköisesti 2,3–4,0 t)');
    assert.equal(await heatUnit().inputValue(), 'MWh');
    assert.doesNotMatch(await page.locator('.footprint').textContent(), /scope \d/, 'scope figures only in the printed report');
    for (const field of [electricity(), heat(), train()]) assert.equal(await field.getAttribute('aria-invalid'), 'false');

    const stored = (await readStored(page)).data.companies[0].footprints;
    assert.deepEqual(stored, {
      [year]: {
        'electricity.grid': { amount: 20000, unit: 'kWh' },
        'heating.district': { amount: 15, unit: 'MWh' },
        'travel.train': { amount: 300, unit: 'km' },
      },
    });
    assertClean();
  });

  test('the largest source in the table is heating ("Lämmitys"), also first in the chart', async () => {
    const table = page.getByRole('table', { name: 'Suurimmat päästölähteet' });
    const rows = table.getByRole('row');
    const cells = [];
    for (let i = 0; i < (await rows.count()); i++) cells.push(await rows.nth(i).locator('th, td').allTextContents());
    assert.deepEqual(cells, [
      // 1 950 kg with two significant figures (honest rounding).
      ['Lämmitys', '2 t CO2e'],
      ['Sähkö', '1,2 t CO2e'],
      ['Liikematkat', '0 t CO2e'],
    ]);
    const chart = page.getByRole('img', { name: 'Suurimmat päästölähteet' });
    assert.deepEqual(await chart.locator('text.bar-label').allTextContents(), ['Lämmitys', 'Sähkö', 'Liikematkat']);
    assertClean();
  });

  test('a negative or non-numeric amount is refused with a message and changes nothing', async () => {
    const before = (await readStored(page)).data.companies[0].footprints;
    await train().fill('-5');
    await train().press('Tab');
    await page.waitForFunction(() => document.querySelector('#fp-travel-train')?.getAttribute('aria-invalid') === 'true', null, { timeout: T });
    assert.equal((await page.locator('#fp-travel-train-error').textContent()).trim(), 'Anna luku, joka on nolla tai suurempi.');
    assert.deepEqual((await readStored(page)).data.companies[0].footprints, before);
    assert.equal((await total().textContent()).trim(), 'Arvio yhteensä: noin 3,2 t CO2e (todennäköisesti 2,3–4,0 t)');
    await train().fill('300');
    await train().press('Tab');
    await page.waitForFunction(() => document.querySelector('#fp-travel-train')?.getAttribute('aria-invalid') === 'false', null, { timeout: T });
    assertClean();
  });

  test('after a reload the numbers and the unit are still there', async () => {
    await page.reload();
    await waitForApp(page, { problems });
    await total().waitFor({ timeout: T });
    assert.equal(await page.getByLabel('Vuosi').inputValue(), year);
    assert.equal(await electricity().inputValue(), '20000');
    assert.equal(await heat().inputValue(), '15');
    assert.equal(await heatUnit().inputValue(), 'MWh');
    assert.equal(await train().inputValue(), '300');
    assert.equal((await total().textContent()).trim(), 'Arvio yhteensä: noin 3,2 t CO2e (todennäköisesti 2,3–4,0 t)');
    assertClean();
  });

  test('the footprint appears on the report page', async () => {
    await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Raportti' }).click();
    await page.waitForURL((u) => u.pathname === '/raportti', { timeout: T });
    const section = page.locator('.report section').filter({ has: page.getByRole('heading', { level: 2, name: `Hiilijalanjälki ${year}`, exact: true }) });
    await section.waitFor({ timeout: T });
    assert.match(await section.textContent(), /Arvio yhteensä: noin 3,2 t CO2e \(todennäköisesti 2,3–4,0 t\)/);
    assert.match(await section.textContent(), /Ostettu energia \(scope 2\): 3,2 t/, 'electricity and district heat are scope 2');
    const rows = section.getByRole('row');
    assert.deepEqual(await rows.first().locator('th, td').allTextContents(), ['Lämmitys', '2,0 t CO2e'], 'heating first (1 950 kg, two significant figures)');
    assert.equal(await rows.count(), 3);
    assertClean();
  });
});
