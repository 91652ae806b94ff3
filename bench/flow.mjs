// The user flow the benchmark drives to make the app emit its `answer` measures
// (performance.measure('answer', …) around handling one answer). Keep it in step with the UI.
// It must never fail the benchmark: on anything unexpected it stops and returns what it did.
//
// Now: follow the first link into the questionnaire (/vaihe/…), tick the visible unchecked
// radio buttons / checkboxes of each step page, go on with the last /vaihe/ button (Next),
// for up to `maxPages` pages or `maxAnswers` answers.
export async function answerFlow(page, { maxAnswers = 20, maxPages = 3 } = {}) {
  let answered = 0;
  const start = await page.$('main a[href^="/vaihe/"]');
  if (!start) return 0;
  await start.click();
  for (let p = 0; p < maxPages && answered < maxAnswers; p++) {
    await page.waitForSelector('main h1', { timeout: 5000 });
    const seen = new Set();
    for (const input of await page.$$('main input[type=radio]:not(:checked):not(:disabled), main input[type=checkbox]:not(:checked):not(:disabled)')) {
      if (answered >= maxAnswers) break;
      const name = await input.getAttribute('name');
      if (name && (await input.getAttribute('type')) === 'radio' && seen.has(name)) continue; // one option per question
      if (!(await input.isVisible().catch(() => false))) continue;
      try {
        await input.check({ timeout: 2000 });
        if (name) seen.add(name);
        answered++;
        await page.waitForTimeout(30);
      } catch {
        // covered or re-rendered: go on with the next one
      }
    }
    const next = (await page.$$('main a.button[href^="/vaihe/"]')).pop();
    if (!next) break;
    const before = page.url();
    await next.click();
    await page.waitForURL((u) => u.href !== before, { timeout: 5000 }).catch(() => {});
    if (page.url() === before) break;
  }
  return answered;
}
