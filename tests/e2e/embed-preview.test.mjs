// The /kunnille preview touches nothing (issue #16): its frame runs with ?preview=1, in memory
// only. The advisor's own localStorage (workspace and language) stays byte-for-byte the same,
// although the preview preselects a municipality, is answered and switches language; a save in
// another tab brings no "changed in another tab" notice into the preview.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForApp } from './lib/browser.mjs';
import { useAppAndBrowser } from './lib/fixture.mjs';

const env = useAppAndBrowser();
const KEY = 'ilmastoaskeleet';
// The advisor's own company: no municipality answered (a normal embed with ?kunta= would add it).
const company = {
  id: 'c1', path: 'quick',
  answers: { 'profile.name': { type: 'text', value: 'Neuvojan oma' }, 'profile.size': { type: 'choice', value: 'small' } },
  plan: [], footprints: {}, snapshots: [], created: '2026-01-02T10:00:00.000Z', updated: '2026-01-02T10:00:00.000Z',
};
const stored = JSON.stringify({ app: 'ilmastoaskeleet', schema: 1, kind: 'workspace', saved_at: '2026-01-02T10:00:00.000Z', data: { companies: [company], active: 'c1' } });
const dump = (page) => page.evaluate(() => JSON.stringify(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

test('the /kunnille preview leaves the advisor\'s localStorage byte-for-byte unchanged', async () => {
  const { page, context, problems } = await openPage(env.browser, { appOrigin: env.app.origin });
  await page.goto(new URL('/tietoa', env.app.origin).href);
  await waitForApp(page);
  await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); localStorage.setItem(`${k}.lang`, 'fi'); }, [KEY, stored]);
  const before = await dump(page);

  await page.goto(new URL('/kunnille', env.app.origin).href);
  await waitForApp(page);
  const handle = await page.waitForSelector('iframe.preview');
  assert.match(await handle.getAttribute('src'), /[?&]preview=1(&|$)/);
  const frame = await handle.contentFrame();
  await frame.waitForSelector('main h1', { timeout: 20000 });
  assert.equal(new URL(frame.url()).searchParams.get('preview'), '1', 'the loader keeps preview=1');
  // The preview starts empty (the advisor's company is not read) ...
  await frame.goto(new URL('/embed.html?step=profile&preview=1&kunta=245', env.app.origin).href);
  await frame.waitForSelector('main h1');
  assert.equal(await frame.locator('#q-profile-name-input').inputValue(), '', "the advisor's answers are not read");
  // ... is answered and switches language: none of it is written.
  await frame.locator('#q-profile-size-micro').check();
  await frame.locator('#q-profile-name-input').fill('Esikatselu Oy');
  await frame.locator('.lang-switch button[lang="sv"]').click();
  await frame.waitForFunction(() => document.documentElement.lang === 'sv');
  await page.waitForTimeout(300);
  assert.equal(await dump(page), before, 'localStorage is byte-for-byte unchanged after answering in the preview');
  // Another tab saves: the preview ignores it.
  const other = await context.newPage();
  await other.goto(new URL('/tietoa', env.app.origin).href);
  await waitForApp(other);
  const stored2 = stored.replace('Neuvojan oma', 'Toinen välilehti');
  await other.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, stored2]);
  await page.waitForTimeout(500);
  assert.equal(await frame.locator('.notice', { hasText: /annan flik|toisessa välilehdessä/ }).count(), 0, 'no "changed in another tab" notice in the preview');
  assert.equal(await frame.locator('#q-profile-name-input').inputValue(), 'Esikatselu Oy', 'the preview keeps its own answers');
  // Only the other tab's save is there: the preview wrote nothing after it.
  assert.equal(await dump(page), before.replace(JSON.stringify(stored).slice(1, -1), JSON.stringify(stored2).slice(1, -1)), 'localStorage holds exactly the other tab\'s save');
  assert.deepEqual(problems.foreignRequests, []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
