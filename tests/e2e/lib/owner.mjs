// The quick path of a busy owner, walked as a phone user (issue #14): from the landing page to
// the results, answering with taps, counting the taps and the screens read on the way.
// Shared by tests/e2e/owner.test.mjs and bench/run.mjs (the tap/screen figure of `make bench`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForApp } from './browser.mjs';
import { pendingQuestions, qid } from './questions.mjs';
import { REPO_ROOT } from './server.mjs';

/** The phone of the issue: 390 × 844 CSS px. */
export const PHONE = { width: 390, height: 844 };

/** The Kerava café of docs/personas.md and tests/owner.rs, quick path, in Finnish. */
export const CAFE_KERAVA = {
  lang: 'fi',
  municipality: 'Kerava',
  choose: {
    'profile.sector': 'i',
    'profile.flags': ['food'],
    'profile.size': 'micro',
    'profile.premises': 'rented',
    'profile.vehicles': ['none'],
    'profile.customers': ['consumers'],
    'why.customers-ask': 'yes-hard',
    'current.heating': 'district',
    'current.electricity': 'in-rent',
    'current.waste': 'some',
    'footprint.calculated': 'no',
    'renewal.offering': ['food', 'physical'],
    'renewal.handprint': 'yes',
    'support.interest': ['visibility', 'peers'],
  },
};

/** The Inkoo builder of tests/owner.rs (without vehicles), quick path, in Swedish. */
export const BUILDER_INKOO = {
  lang: 'sv',
  municipality: 'Ingå',
  choose: {
    'profile.sector': 'f',
    'profile.size': 'micro',
    'profile.premises': 'none',
    'profile.vehicles': ['none'],
    'profile.customers': ['companies', 'public'],
    'current.fuel': 'fossil',
    'support.interest': ['certificate', 'public-tenders'],
  },
};

/** Action ids whose `requires_any` names a vehicle fact (content/actions.toml). */
export function vehicleActionIds() {
  const text = readFileSync(join(REPO_ROOT, 'content', 'actions.toml'), 'utf8');
  return text
    .split(/^\[\[action\]\]$/m)
    .filter((block) => /^requires_any\s*=.*"vehicles:/m.test(block))
    .map((block) => block.match(/^id\s*=\s*"([^"]+)"/m)?.[1])
    .filter(Boolean);
}

/** How many screens of the viewport the current page is tall. */
async function screensOf(page) {
  return page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
}

/**
 * Walk from the landing page to /tulokset on the quick path: "Start", then every question of
 * every step with the persona's answer (else the first option, "3", a short text), then the
 * step's "next" button. One tap per click or checked option, one per text field filled.
 * Returns { taps, screens, pages, answered }: screens is the sum over the pages visited of the
 * page height in viewports (what a reader scrolls through).
 */
export async function walkQuickPath(page, origin, persona, { problems } = {}) {
  let taps = 0;
  let screens = 0;
  let pages = 0;
  let answered = 0;
  await page.goto(new URL(`/?lang=${persona.lang}`, origin).href);
  await waitForApp(page, { problems });
  screens += await screensOf(page);
  pages++;
  await page.locator('main .hero a.button').first().click();
  taps++;
  for (let step = 0; step < 20; step++) {
    await page.waitForFunction(() => location.pathname.startsWith('/vaihe/') || location.pathname === '/tulokset');
    if (new URL(page.url()).pathname === '/tulokset') break;
    await page.locator('main h1').waitFor();
    const done = [];
    for (let guard = 0; guard < 60; guard++) {
      const pending = (await pendingQuestions(page)).filter((q) => !done.includes(q.dom));
      if (!pending.length) break;
      const q = pending[0];
      done.push(q.dom);
      const key = Object.keys(persona.choose).find((k) => qid(k) === q.dom);
      if (q.kind === 'radio' || q.kind === 'checkbox') {
        const wanted = key ? [].concat(persona.choose[key]) : [q.options[0]];
        const ids = wanted.filter((id) => q.options.includes(id));
        for (const id of ids.length ? ids : [q.options[0]]) {
          await page.locator(`#${q.dom}-${id}`).check();
          taps++;
        }
      } else {
        const field = page.locator(`#${q.dom}-input`);
        const value = q.kind === 'municipality' ? persona.municipality : q.kind === 'number' ? '3' : 'Testi';
        await field.fill(value);
        await field.press('Tab');
        taps++;
      }
      answered++;
    }
    screens += await screensOf(page);
    pages++;
    const before = new URL(page.url()).pathname;
    await page.locator('nav.step-buttons a.button:not(.secondary)').click();
    taps++;
    await page.waitForFunction((p) => location.pathname !== p, before);
  }
  await page.locator('main h1').waitFor();
  await page.locator('.rough-total').waitFor();
  screens += await screensOf(page);
  pages++;
  return { taps, screens: Math.round(screens * 10) / 10, pages, answered };
}
