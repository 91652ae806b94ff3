// Recommendations (issue "recommendations"): a café in Kerava gets Kerava's own services first,
// with a reason naming Kerava; external links open safely in a new tab; the filters narrow the
// list; the contact summary names the municipality and goes into a mailto link; ?kunta=245
// preselects Kerava on a fresh start and an unknown ?kunta is ignored.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForApp } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';
import { storedAnswers } from './lib/questions.mjs';

const T = 10000;
const KERAVA_REASON = 'tarjolla kunnassasi (Kerava)';

const env = useAppAndBrowser();

const cards = (page) => page.locator('ul.support-list > li.card');

/** The number in "Sopivia tukia ja palveluja: N". */
async function shownCount(page) {
  const text = await page.getByText(/^Sopivia tukia ja palveluja: \d+$/).textContent();
  return Number(text.match(/\d+$/)[0]);
}

/** Wait until the list shows between `min` and `max` cards and the count text agrees. */
async function waitForCount(page, { min = 0, max = Infinity }, what) {
  await page
    .waitForFunction(
      ([lo, hi]) => {
        const n = document.querySelectorAll('ul.support-list > li.card').length;
        const m = [...document.querySelectorAll('main p')].map((p) => p.textContent.match(/^Sopivia tukia ja palveluja: (\d+)$/)).find(Boolean);
        return Boolean(m) && Number(m[1]) === n && n >= lo && n <= hi;
      },
      [min, max === Infinity ? Number.MAX_SAFE_INTEGER : max],
      { timeout: T },
    )
    .catch(() => assert.fail(`support list: ${what}`));
}

describe('a café in Kerava', () => {
  let context;
  let page;
  let problems;
  let assertClean;
  let all;

  before(async () => {
    ({ context, page, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin }));
    await page.goto(env.url('/vaihe/profile'));
    await waitForApp(page, { problems });
    const municipality = page.getByLabel('Missä kunnassa yrityksesi toimii?');
    await municipality.fill('Kerava');
    await municipality.press('Tab');
    await page.getByText('Valittu kunta: Kerava (Uusimaa)').waitFor({ timeout: T });
    await page.locator('#q-profile-sector-i').check();
    await page.locator('#q-profile-size-micro').check();
    await page.waitForFunction(() => /"micro"/.test(localStorage.getItem('ilmastoaskeleet') || ''), null, { timeout: T });
    const answers = await storedAnswers(page);
    assert.deepEqual(
      [answers['profile.municipality'], answers['profile.sector'], answers['profile.size']],
      [
        { type: 'municipality', value: '245' },
        { type: 'choice', value: 'i' },
        { type: 'choice', value: 'micro' },
      ],
    );
    await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Tuet ja palvelut' }).click();
    await page.waitForURL((u) => u.pathname === '/tuki', { timeout: T });
    await cards(page).first().waitFor({ timeout: T });
    all = await shownCount(page);
  });
  after(async () => context?.close());

  test('the first card is a local Kerava service with a reason naming Kerava', async () => {
    assert.equal(await cards(page).count(), all, 'the count matches the cards');
    assert.equal(await page.getByText('Kerro kuntasi perustiedoissa', { exact: false }).count(), 0, 'no "tell us your municipality" notice');
    const first = cards(page).first();
    const reasons = (await first.locator('.reasons').textContent()).trim();
    assert.ok(reasons.startsWith('Miksi suosittelemme:'), reasons);
    assert.ok(reasons.includes(KERAVA_REASON), `the first card's reason names Kerava: "${reasons}"`);
    assert.match(await first.locator('.organiser').textContent(), /Kerava/, 'organised in Kerava');
    // Local services come before regional and national ones.
    const tiers = await cards(page).locator('.reasons').evaluateAll((els) =>
      els.map((el) => (el.textContent.includes('tarjolla kunnassasi') ? 0 : el.textContent.includes('tarjolla alueellasi') ? 1 : 2)),
    );
    assert.deepEqual(tiers, [...tiers].sort((a, b) => a - b), 'local, then regional, then national');
    assert.ok(tiers.includes(2), 'national services are listed too');
    assertClean();
  });

  test('every external link opens in a new tab with rel="noopener noreferrer" and says so', async () => {
    const links = await page.locator('main a[href]').evaluateAll((els) =>
      els
        .filter((a) => new URL(a.href).origin !== location.origin && !a.href.startsWith('mailto:'))
        .map((a) => ({ href: a.href, target: a.target, rel: a.rel, name: a.textContent })),
    );
    assert.ok(links.length >= all, `at least one external link per card (${links.length} links, ${all} cards)`);
    for (const l of links) {
      assert.equal(l.target, '_blank', `${l.href} opens in a new tab`);
      const rel = l.rel.split(/\s+/);
      assert.ok(rel.includes('noopener') && rel.includes('noreferrer'), `${l.href} rel="${l.rel}"`);
      assert.match(l.href, /^https:\/\//, `${l.href} is https`);
      assert.ok(l.name.includes('(avautuu uuteen välilehteen)'), `${l.href} tells that it opens a new tab`);
    }
    assertClean();
  });

  test('the kind, cost and area filters change the list', async () => {
    await page.getByLabel('Tyyppi').selectOption({ label: 'Rahoitus' });
    await waitForCount(page, { min: 1, max: all - 1 }, 'funding only');
    for (const kind of await cards(page).locator('.kind').allTextContents()) assert.equal(kind, 'Rahoitus');
    await page.getByLabel('Tyyppi').selectOption({ label: 'Kaikki' });
    await waitForCount(page, { min: all, max: all }, 'back to all');

    await page.getByLabel('Hinta').selectOption({ label: 'Maksuton' });
    await waitForCount(page, { min: 1, max: all - 1 }, 'free only');
    for (const meta of await cards(page).locator('.meta').allTextContents()) assert.ok(meta.startsWith('Maksuton'), meta);
    await page.getByLabel('Hinta').selectOption({ label: 'Kaikki' });
    await waitForCount(page, { min: all, max: all }, 'back to all');

    await page.getByLabel('Alue').selectOption({ label: 'Oma kunta' });
    await waitForCount(page, { min: 1, max: all - 1 }, 'Kerava only');
    for (const r of await cards(page).locator('.reasons').allTextContents()) assert.ok(r.includes(KERAVA_REASON), r);
    await page.getByLabel('Alue').selectOption({ label: 'Koko Suomi' });
    await waitForCount(page, { min: 1, max: all - 1 }, 'national only');
    for (const r of await cards(page).locator('.reasons').allTextContents()) assert.ok(r.includes('valtakunnallinen'), r);
    assert.equal(await cards(page).locator('.reasons', { hasText: 'Kerava' }).count(), 0);

    // Two filters together: national and free is no more than either alone.
    const national = await shownCount(page);
    await page.getByLabel('Hinta').selectOption({ label: 'Maksuton' });
    await waitForCount(page, { max: national }, 'national and free');
    await page.getByLabel('Hinta').selectOption({ label: 'Kaikki' });
    await page.getByLabel('Alue').selectOption({ label: 'Kaikki' });
    await waitForCount(page, { min: all, max: all }, 'back to all');
    assertClean();
  });

  test('the contact summary names the municipality and the e-mail link carries it', async () => {
    const summary = page.getByLabel('Yhteenveto');
    const text = await summary.inputValue();
    assert.ok(text.startsWith('Hei! Tässä lyhyt yhteenveto ilmastotyöstämme'), text);
    assert.ok(text.includes('Kunta: Kerava'), `the summary names Kerava: ${text}`);
    assert.equal(await summary.getAttribute('readonly'), '', 'read-only text');

    const href = await page.getByRole('link', { name: 'Avaa sähköpostissa' }).getAttribute('href');
    assert.match(href, /^mailto:\?subject=[^&]+&body=/);
    const [, subject, body] = href.match(/^mailto:\?subject=([^&]*)&body=(.*)$/);
    assert.equal(decodeURIComponent(subject), 'Yrityksemme ilmastotyö: pyyntö neuvonnasta');
    assert.equal(decodeURIComponent(body), text, 'the body is the summary');
    assert.ok(!/[\s]/.test(body), 'the body is URL-encoded');
    assertClean();
  });
});

test('?kunta=245 preselects Kerava on a fresh start', async () => {
  const { context, page, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  await page.goto(env.url('/?kunta=245'));
  await waitForApp(page, { problems });
  await page.getByRole('link', { name: 'Aloita', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/vaihe/profile', { timeout: T });
  const municipality = page.getByLabel('Missä kunnassa yrityksesi toimii?');
  await municipality.waitFor({ timeout: T });
  assert.equal(await municipality.inputValue(), 'Kerava');
  await page.getByText('Valittu kunta: Kerava (Uusimaa)').waitFor({ timeout: T });

  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Tuet ja palvelut' }).click();
  await page.waitForURL((u) => u.pathname === '/tuki', { timeout: T });
  await cards(page).first().waitFor({ timeout: T });
  assert.ok((await cards(page).first().locator('.reasons').textContent()).includes(KERAVA_REASON));
  assert.ok((await page.getByLabel('Yhteenveto').inputValue()).includes('Kunta: Kerava'));

  // The first answer saves the preselected municipality with it.
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Vaiheet' }).click();
  await page.waitForURL((u) => u.pathname === '/vaihe/profile', { timeout: T });
  await page.locator('#q-profile-size-solo').check();
  await page.waitForFunction(() => /"solo"/.test(localStorage.getItem('ilmastoaskeleet') || ''), null, { timeout: T });
  assert.deepEqual((await storedAnswers(page))['profile.municipality'], { type: 'municipality', value: '245' });
  assertClean();
  await context.close();
});

test('?kunta=245 does not replace a municipality chosen earlier', async () => {
  const { context, page, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  await page.goto(env.url('/vaihe/profile'));
  await waitForApp(page, { problems });
  const municipality = page.getByLabel('Missä kunnassa yrityksesi toimii?');
  await municipality.fill('Tampere');
  await municipality.press('Tab');
  await page.waitForFunction(() => /"municipality"/.test(localStorage.getItem('ilmastoaskeleet') || ''), null, { timeout: T });
  await page.goto(env.url('/vaihe/profile?kunta=245'));
  await waitForApp(page, { problems });
  assert.equal(await municipality.inputValue(), 'Tampere');
  assertClean();
  await context.close();
});

test('?kunta=Atlantis is ignored with a console warning and the app works', async () => {
  const { context, page, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
  await page.goto(env.url('/?kunta=Atlantis'));
  await waitForApp(page, { problems });
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Yrityksesi ilmastotyö askel kerrallaan');
  assert.ok(
    problems.console.some((m) => m.startsWith('warning:') && m.includes('Ilmastoaskeleet') && m.includes('kunta')),
    `a console warning about kunta: ${problems.console.join(' / ')}`,
  );

  await page.getByRole('link', { name: 'Aloita', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/vaihe/profile', { timeout: T });
  const municipality = page.getByLabel('Missä kunnassa yrityksesi toimii?');
  await municipality.waitFor({ timeout: T });
  assert.equal(await municipality.inputValue(), '', 'no municipality chosen');
  await page.locator('#q-profile-size-solo').check();
  await page.waitForFunction(() => /"solo"/.test(localStorage.getItem('ilmastoaskeleet') || ''), null, { timeout: T });
  assert.equal((await storedAnswers(page))['profile.municipality'], undefined);

  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Tuet ja palvelut' }).click();
  await page.waitForURL((u) => u.pathname === '/tuki', { timeout: T });
  await page.getByText('Kerro kuntasi perustiedoissa', { exact: false }).waitFor({ timeout: T });
  assert.ok((await cards(page).count()) > 0, 'national supports are still listed');
  assert.deepEqual(problems.pageErrors, [], 'no page error');
  assertClean();
  await context.close();
});
