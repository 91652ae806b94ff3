// The app read as a Swedish (and as an English) user: with ?lang=sv, every route and the main states
// (a filled profile, the footprint, results, a plan with a done action, supports, report) show no
// Finnish UI words and no running Finnish text, apart from proper names. Each failure names the
// route and the snippet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useAppAndBrowser } from './lib/fixture.mjs';
import { openPage } from './lib/browser.mjs';
import { ROUTES, gotoRoute, useFullPath, answerSeveralSteps, fillFootprint } from './lib/routes.mjs';

const env = useAppAndBrowser();
const MUNICIPALITIES = JSON.parse(readFileSync(new URL('../../content/municipalities.json', import.meta.url), 'utf8'));

/**
 * Words that are Finnish and neither Swedish nor English: function words and the app's own UI
 * words. One of them in a Swedish or English page is a text that was not translated.
 */
const FINNISH = new Set(
  `ja tai ei ovat oli olla ole olet että kun jos mutta sekä myös kuin eli jotta koska vaan
   tämä tämän tässä tästä nämä siitä niiden joka jotka mikä mitä miten missä milloin
   sinä sinun sinulle sinua voit voi voidaan kanssa mukaan jälkeen ennen kautta ilman aina vielä
   yhdessä alun perin ylläpito rahoittaja vetäjänä päätökset
   yritys yrityksen yrityksesi yrityksellesi yritykset yrityksille yrityksiä yrityspalvelut
   seuraava edellinen tallenna tallennettu vaihe vaiheet vaiheen aloita jatka takaisin sulje valitse
   lisää poista tyhjennä kopioi tulosta lataa tuo vie kyllä osittain tiedä vastattu vastaa
   tulokset tulos suunnitelma raportti tiedot tietoa ohjeet tuki tuet tukea tukia palvelu palvelut
   toimenpide toimenpiteet toimenpiteen kustannus vaikutus työmäärä tila tavoite tavoitteet
   kunta kunnan kaupunki kaupungin kaupungit kunnille alue alueen alueelliset seudun maksuton maksullinen hinta
   suomen liitto yliopisto ammattikorkeakoulu virasto keskus keskukset kauppakamari kauppakamarit
   ilmasto ilmastotyö ilmastotyön hiilijalanjälki päästöt päästöjä energia sähkö lämmitys jätteet`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Proper names that are Finnish in every language (the service's and programmes' own names, the
 * municipalities' Finnish names), removed before looking for Finnish words.
 */
const PROPER_NAMES = [
  'Ilmastoaskeleet',
  'Kestävyysloikka',
  'Motiva',
  'Yritysten ilmastotyön askeleet',
  'Keravan Yrittäjät',
  'Varsinais-Suomen Yrittäjät',
  'Keski-Suomen Yrittäjät',
  'Kaarinan Kehitys',
  'Linnan Kehitys',
  'Kalajoen Lämpö',
  'Keravan Energia',
  'Kestävä Tampere',
  'Vähähiilinen yritysekosysteemi',
  'Suomen ympäristöopisto Sykli',
  'Vastuullisuuslautakunta',
  'Suomi',
  ...MUNICIPALITIES.municipalities.map((m) => m.fi),
  ...MUNICIPALITIES.regions.map((r) => r.fi),
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAMES = new RegExp(
  PROPER_NAMES.sort((a, b) => b.length - a.length)
    .map((n) => `(?<![\\p{L}])${escape(n)}(?![\\p{L}])`)
    .join('|'),
  'gu',
);

/** Web addresses, host names and identifiers (kunta_1_20250101): not text, blanked before the search. */
const NOT_TEXT = /https?:\/\/\S+|[\p{L}\d.-]+\.(?:fi|ax|com|org|net|eu|se)\b\S*|\S*_\S*/gu;

/**
 * The Finnish words in `text`: [{ words, snippet }], one per passage (words less than 30 characters
 * apart are one passage). In Swedish, "Ja" (yes) is a Swedish word: only a lowercase "ja" between
 * two words counts (Finnish "and").
 */
export function finnishWords(text, lang) {
  const blank = (m) => ' '.repeat(m.length);
  const clean = text.replace(NOT_TEXT, blank).replace(NAMES, blank);
  const hits = [];
  for (const m of clean.matchAll(/[\p{L}]+(?:-[\p{L}]+)*/gu)) {
    const word = m[0];
    const lower = word.toLowerCase();
    if (!FINNISH.has(lower)) continue;
    if (lower === 'ja' && lang === 'sv') {
      const before = clean.slice(Math.max(0, m.index - 2), m.index);
      const after = clean.slice(m.index + 2, m.index + 4);
      if (word !== 'ja' || !/\p{L} $/u.test(before) || !/^ \p{L}/u.test(after)) continue;
    }
    const last = hits.at(-1);
    if (last && m.index - last.end < 30) {
      last.words.push(word);
      last.end = m.index + word.length;
    } else hits.push({ words: [word], start: m.index, end: m.index + word.length });
  }
  return hits.map(({ words, start, end }) => ({
    words,
    snippet: text.slice(Math.max(0, start - 40), end + 40).replace(/\s+/g, ' ').trim(),
  }));
}

/** The text a reader meets on the page: visible text with every disclosure opened, labels, and field values. */
async function pageText(page) {
  return page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    // Parameter names and code samples (e.g. `kunta` on /kunnille) are not translated text.
    for (const el of document.querySelectorAll('code, kbd, samp, pre')) el.textContent = '';
    const parts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (el.getAttribute(a)) parts.push(el.getAttribute(a));
    }
    for (const el of document.querySelectorAll('textarea, option')) parts.push(el.value || el.textContent);
    return parts.join('\n');
  });
}

/** Read `route` in `lang`; returns 'route: “…snippet…” (word)' lines. */
async function readRoute(page, route, lang, problems, label = route) {
  const sep = route.includes('?') ? '&' : '?';
  await gotoRoute(page, env.app.origin, `${route}${sep}lang=${lang}`, { problems });
  assert.equal(await page.getAttribute('html', 'lang'), lang, `${label}: <html lang>`);
  const text = await pageText(page);
  assert.ok(text.length > 100, `${label}: the page has text`);
  return finnishWords(text, lang).map(({ words, snippet }) => `${label}: “${snippet}” (${words.join(', ')})`);
}

test('the Finnish-word detector finds Finnish and leaves Swedish, English and proper names alone', () => {
  const words = (text, lang) => finnishWords(text, lang).flatMap((f) => f.words);
  assert.deepEqual(words('Seuraava vaihe', 'sv'), ['Seuraava', 'vaihe']);
  assert.deepEqual(words('Keravan kaupunki ja Kervo stad', 'sv'), ['kaupunki', 'ja']);
  assert.equal(finnishWords('Keravan kaupunki ja Kervo stad', 'sv').length, 1, 'one passage');
  assert.deepEqual(words('Ja, vi har en plan. Ja', 'sv'), []);
  assert.deepEqual(words('uppgifterna har inte kunnat kontrolleras', 'sv'), []);
  assert.deepEqual(words('Kestävyysloikka (på finska och engelska), Ilmastoaskeleet, Keravan Energia', 'sv'), []);
  assert.deepEqual(words('Tallenna', 'en'), ['Tallenna']);
  assert.deepEqual(words('Click on the button to save your plan', 'en'), []);
  assert.deepEqual(words('Stegens struktur bygger på arbetsboken ”Yritysten ilmastotyön askeleet”', 'sv'), []);
  assert.deepEqual(words('https://stat.fi/fi/luokitukset/kunta/kunta_1_20250101 and www.kerava.fi/kunta-ja-kaupunki', 'en'), []);
});

for (const lang of ['sv', 'en']) {
  test(`${lang}: no Finnish on any route, empty and with data`, async () => {
    const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
    const found = [];
    // 1. Every route of a first visit (nothing answered yet).
    for (const route of ROUTES) found.push(...(await readRoute(page, route, lang, problems, `${route} (empty)`)));

    // 2. The main states: Kerava (?kunta=245), the full path, several steps answered, the footprint,
    //    a plan with one suggested action (done) and one own action. (The helpers open routes
    //    without ?lang, so the answering happens in Finnish; reading is in `lang` again.)
    await gotoRoute(page, env.app.origin, `/?kunta=245&lang=${lang}`, { problems });
    await useFullPath(page, env.app.origin, { problems });
    await answerSeveralSteps(page, env.app.origin, { problems });
    await fillFootprint(page, env.app.origin, { problems });
    await gotoRoute(page, env.app.origin, '/tulokset', { problems });
    await page.locator('main .cards button.button').first().click();
    await gotoRoute(page, env.app.origin, '/suunnitelma', { problems });
    await page.locator('#own-action-title').fill(lang === 'sv' ? 'Egen teståtgärd' : 'Own test action');
    await page.locator('form.own-action button[type="submit"]').click();
    await page.locator('.plan-item').nth(1).waitFor({ timeout: 5000 });
    await page.locator('.plan-item select').first().selectOption('done');
    for (const route of ROUTES) found.push(...(await readRoute(page, route, lang, problems, `${route} (with data)`)));

    const unique = [...new Set(found)];
    assert.deepEqual(unique, [], `${unique.length} Finnish snippet(s) on the ${lang} pages:\n${unique.join('\n')}`);
    assertClean();
    await context.close();
  });
}
