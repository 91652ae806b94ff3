// Helpers that answer the questions of a step the way a user does (click, type), shared by
// flow.test.mjs, storage.test.mjs and supports.test.mjs.
//
//   import { readStored, storedAnswers, stepProgress, pendingQuestions, answerQuestion, answerVisible } from './lib/questions.mjs';
//
// DOM ids (src/widgets.rs): a question is `q-<id with non-alphanumerics as ->` (a <fieldset> for
// choices, a <div> for number/text/municipality), an option `q-…-<option id>`, a field `q-…-input`.
import assert from 'node:assert/strict';

/** The DOM id of a question ("current.heating" -> "q-current-heating"). */
export const qid = (id) => 'q-' + id.replace(/[^A-Za-z0-9]/g, '-');

/** The parsed envelope in localStorage["ilmastoaskeleet"] (null when nothing is stored). */
export async function readStored(page) {
  const raw = await page.evaluate(() => window.localStorage.getItem('ilmastoaskeleet'));
  return raw === null ? null : JSON.parse(raw);
}

/** The stored answers of the first company ({} when nothing is stored). */
export async function storedAnswers(page) {
  return (await readStored(page))?.data?.companies?.[0]?.answers ?? {};
}

/** The step's progress label "Vastattu a/b" as numbers [a, b]. */
export async function stepProgress(page) {
  const text = await page.locator('label[for="step-progress"]').textContent();
  const m = text.match(/(\d+)\s*\/\s*(\d+)|(\d+)\D+(\d+)/);
  assert.ok(m, `progress text has two numbers: ${text}`);
  return m[1] !== undefined ? [Number(m[1]), Number(m[2])] : [Number(m[3]), Number(m[4])];
}

/**
 * The questions shown on the current step that have no answer yet, in page order:
 * [{ dom, kind: 'radio'|'checkbox'|'number'|'text'|'textarea'|'municipality', options: [ids] }].
 */
export async function pendingQuestions(page) {
  return page.$$eval('form.questions .question', (els) =>
    els
      .map((el) => {
        const choices = [...el.querySelectorAll('input[type=radio], input[type=checkbox]')];
        if (choices.length) {
          return {
            dom: el.id,
            kind: choices[0].type,
            options: choices.map((c) => c.id.slice(el.id.length + 1)),
            answered: choices.some((c) => c.checked),
          };
        }
        const field = el.querySelector('input, textarea');
        const kind = field.getAttribute('list')
          ? 'municipality'
          : field.getAttribute('inputmode') === 'decimal'
            ? 'number'
            : field.tagName.toLowerCase() === 'textarea'
              ? 'textarea'
              : 'text';
        return { dom: el.id, kind, options: [], answered: field.value.trim() !== '' };
      })
      .filter((q) => !q.answered),
  );
}

/**
 * Answer one question with the mouse and keyboard. `value`: an option id (or a list of them for
 * checkboxes) or the text to type; by default the first option, "3" for numbers, a short text,
 * and "Kerava" for the municipality.
 */
export async function answerQuestion(page, q, value) {
  if (q.kind === 'radio' || q.kind === 'checkbox') {
    const ids = value === undefined ? [q.options[0]] : [].concat(value);
    for (const id of ids) await page.locator(`#${q.dom}-${id}`).check();
    return;
  }
  const field = page.locator(`#${q.dom}-input`);
  const text = value ?? (q.kind === 'number' ? '3' : q.kind === 'municipality' ? 'Kerava' : 'Testivastaus');
  await field.fill(String(text));
  // Number and municipality fields commit on `change`, which fires when the field loses focus.
  await field.press('Tab');
}

/**
 * Answer every unanswered question on the current step, re-reading the page after each answer
 * (an answer can show or hide questions). `choose` maps a question id ("profile.size") to the
 * value for answerQuestion. Returns the DOM ids answered, in order.
 */
export async function answerVisible(page, { choose = {}, onAnswer } = {}) {
  const done = [];
  for (let guard = 0; guard < 60; guard++) {
    const pending = (await pendingQuestions(page)).filter((q) => !done.includes(q.dom));
    if (!pending.length) return done;
    const q = pending[0];
    const key = Object.keys(choose).find((k) => qid(k) === q.dom);
    const before = onAnswer ? await stepProgress(page) : null;
    await answerQuestion(page, q, key ? choose[key] : undefined);
    done.push(q.dom);
    if (onAnswer) await onAnswer(q, before);
  }
  throw new Error('answerVisible: too many questions');
}
