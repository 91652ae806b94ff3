// "The answer a busy owner acts on" (issue #14), at 390 × 844: the Kerava café (fi) and the
// Inkoo builder (sv) walk the quick path; Results shows a non-zero footprint with its range, the
// three next actions with their first step and at least one local contact within the first two
// screens, no vehicle action for a company without vehicles; the café's walk is counted in taps
// and screens and fails only on a clear regression.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';
import { storedAnswers } from './lib/questions.mjs';
import { PHONE, CAFE_KERAVA, BUILDER_INKOO, walkQuickPath, vehicleActionIds } from './lib/owner.mjs';

const env = useAppAndBrowser();
const TWO_SCREENS = 2 * PHONE.height;
// A clear regression only. The café's quick path took 41 taps and 34 screens when this was
// written (28 answers, each at least one tap, plus "Start" and ten "next" buttons), so the
// issue's example of 30 taps is below what the current questions allow.
const MAX_TAPS = 50;
const MAX_SCREENS = 40;

/** The bottom edge (page coordinates) of an element, or Infinity when it is not shown. */
async function bottomOf(locator) {
  const box = await locator.boundingBox();
  if (!box) return Infinity;
  const scrollY = await locator.page().evaluate(() => window.scrollY);
  return box.y + scrollY + box.height;
}

async function checkResults(page, { name, municipality, range, firstStep }) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const total = page.locator('.results-footprint .rough-total');
  const text = (await total.textContent()).trim();
  const m = text.match(/(\d[\d\u00a0,.]*)\s*t CO2e/);
  assert.ok(m, `${name}: a footprint in tonnes: "${text}"`);
  assert.ok(Number(m[1].replace(/\u00a0/g, '').replace(',', '.')) > 0, `${name}: non-zero footprint: "${text}"`);
  assert.match(text, range, `${name}: the range is shown: "${text}"`);
  assert.ok(!/\d[.,]\d\d\b/.test(text), `${name}: no false precision: "${text}"`);
  assert.ok((await bottomOf(total)) < TWO_SCREENS, `${name}: the footprint within two screens`);

  const actions = page.locator('ol.next-actions > li');
  assert.equal(await actions.count(), 3, `${name}: three next actions`);
  for (let i = 0; i < 3; i++) {
    const card = actions.nth(i);
    assert.match((await card.locator('.first-step').textContent()).trim(), firstStep, `${name}: action ${i + 1} has its first step`);
    assert.ok((await card.locator('.meta').textContent()).trim().length > 5, `${name}: impact, effort, cost`);
    const bottom = await bottomOf(card);
    assert.ok(bottom < TWO_SCREENS, `${name}: next action ${i + 1} ends at ${Math.round(bottom)} px, within ${TWO_SCREENS} px`);
  }
  const contact = page.locator('.contacts > li').first();
  assert.equal(await contact.count(), 1, `${name}: a local contact is shown`);
  assert.ok((await contact.locator('h3').textContent()).trim(), `${name}: the contact has a name`);
  assert.ok((await contact.locator('.organiser').textContent()).trim(), `${name}: and an organiser`);
  const contactBottom = await bottomOf(contact);
  assert.ok(contactBottom < TWO_SCREENS, `${name}: the first contact ends at ${Math.round(contactBottom)} px, within ${TWO_SCREENS} px`);
  assert.equal((await storedAnswers(page))['profile.municipality']?.value, municipality, `${name}: municipality stored`);

  // No vehicle action anywhere on the page (next three and every suggestion) without vehicles.
  const vehicle = new Set(vehicleActionIds());
  assert.ok(vehicle.size >= 5, 'the vehicle actions were read from content/actions.toml');
  const shown = await page.locator('[data-action]').evaluateAll((els) => els.map((e) => e.dataset.action));
  assert.ok(shown.length >= 3, `${name}: actions are listed`);
  const wrong = shown.filter((id) => vehicle.has(id));
  assert.deepEqual(wrong, [], `${name}: no vehicle action for a company without vehicles`);
}

test('the Kerava café (fi): quick path at 390×844, the answer within two screens, taps and screens counted', async () => {
  const { page, context, problems, assertClean } = await openPage(env.browser, {
    appOrigin: env.app.origin,
    contextOptions: { viewport: PHONE, locale: 'fi-FI' },
  });
  try {
    const walk = await walkQuickPath(page, env.app.origin, CAFE_KERAVA, { problems });
    console.log(`# café quick path: ${walk.taps} taps, ${walk.screens} screens over ${walk.pages} pages, ${walk.answered} answers`);
    await checkResults(page, { name: 'café', municipality: '245', range: /todennäköisesti \S+–\S+ t\)/, firstStep: /^Aloita näin: \S/ });
    await screenshot(page, 'owner-cafe-results', { fullPage: false });
    // The supports page offers the micro café in rented premises in a city nothing it cannot get:
    // no energy aid with a minimum project size, no audit aid with an energy-use threshold, no
    // rural Leader aid, no agreement scheme for large energy users.
    await page.getByRole('link', { name: 'Kaikki tuet ja palvelut' }).click();
    await page.locator('main .support-list > li').first().waitFor();
    const offered = await page.locator('main .support-list > li[data-support]').evaluateAll((els) => els.map((e) => e.dataset.support));
    assert.ok(offered.length >= 3, `café: supports are offered (${offered.length})`);
    const contacts = offered.filter((id) => id.startsWith('business-advice-') || id.includes('kerava'));
    assert.ok(contacts.length >= 1, `café: a local contact among the supports: ${offered.join(', ')}`);
    for (const id of ['business-finland-energy-aid', 'energy-audit-aid', 'leader-business-aid', 'energy-efficiency-agreements']) {
      assert.ok(!offered.includes(id), `café: ${id} is not offered (it cannot get it)`);
    }
    assert.ok(walk.taps <= MAX_TAPS, `café quick path: ${walk.taps} taps (at most ${MAX_TAPS})`);
    assert.ok(walk.screens <= MAX_SCREENS, `café quick path: ${walk.screens} screens (at most ${MAX_SCREENS})`);
    assertClean();
  } finally {
    await context.close();
  }
});

test('the Inkoo builder (sv): quick path at 390×844, the answer within two screens', async () => {
  const { page, context, problems, assertClean } = await openPage(env.browser, {
    appOrigin: env.app.origin,
    contextOptions: { viewport: PHONE, locale: 'sv-FI' },
  });
  try {
    const walk = await walkQuickPath(page, env.app.origin, BUILDER_INKOO, { problems });
    console.log(`# builder quick path (sv): ${walk.taps} taps, ${walk.screens} screens`);
    await checkResults(page, { name: 'builder', municipality: '149', range: /sannolikt \S+–\S+ t\)/, firstStep: /^Börja så här: \S/ });
    await screenshot(page, 'owner-builder-results', { fullPage: false });
    assertClean();
  } finally {
    await context.close();
  }
});
