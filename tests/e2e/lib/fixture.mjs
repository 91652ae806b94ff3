// The shared set-up of the browser test files: a server for dist/ and a headless browser,
// started in a node:test `before` hook and closed in an `after` hook.
//
//   import { useAppAndBrowser } from './lib/fixture.mjs';
//   const env = useAppAndBrowser();                 // at the top level of a test file (or in a describe)
//   test('…', async () => {
//     const { page, context, problems, assertClean } = await openPage(env.browser, { appOrigin: env.app.origin });
//     await page.goto(env.url('/vaihe/profile'));   // = new URL('/vaihe/profile', env.app.url).href
//   });
//
// `env.app`, `env.browser` (and `env.host`) are filled once `before` has run: read them inside
// tests and hooks, not when the file is loaded.
//
// Options:
//   app       options for startServer (default {}), or false for no app server (a file that
//             starts its own servers per test)
//   browser   options for launchBrowser (default {})
//   hostHtml  (app) => HTML: also start a second server, another origin and without a CSP
//             header, that answers "/" with this page (e.g. hostPage(app.origin, {...})) and
//             serves dist/ for every other path; it is `env.host`
import { before, after } from 'node:test';
import { startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';

/** Register before/after hooks that start and close the app server, the host server and the browser. */
export function useAppAndBrowser({ app = {}, browser = {}, hostHtml } = {}) {
  const env = {
    /** The app's server (startServer), or undefined with `app: false`. */
    app: undefined,
    /** The second-origin host page's server when `hostHtml` is given. */
    host: undefined,
    /** The headless browser (launchBrowser). */
    browser: undefined,
    /** An absolute URL of `path` on the app server. */
    url: (path = '/') => new URL(path, env.app.url).href,
  };

  before(async () => {
    if (app !== false) env.app = await startServer(app);
    if (hostHtml) {
      env.host = await startServer({
        csp: false,
        handler: (req, res, url) => {
          if (url.pathname !== '/') return false;
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          res.end(hostHtml(env.app));
          return true;
        },
      });
    }
    env.browser = await launchBrowser(browser);
  });

  after(async () => {
    await env.browser?.close();
    await env.host?.close();
    await env.app?.close();
  });

  return env;
}
