/*! Ilmastoaskeleet embed script. No dependencies, no cookies, no third-party requests.
 *
 * Usage on a host page (e.g. a municipality's CMS):
 *
 *   <div data-ilmastoaskeleet data-kunta="091" data-lang="fi" data-theme="default">
 *     <a href="https://APP-ORIGIN/">Avaa Ilmastoaskeleet</a>   (optional fallback, replaced)
 *   </div>
 *   <script src="https://APP-ORIGIN/embed.js" defer></script>
 *
 * or, pinned (the app's page /kunnille gives the current name and hash):
 *   <script src="https://APP-ORIGIN/embed-<hash>.js" integrity="sha384-…" crossorigin="anonymous" defer></script>
 *
 * Every such element gets an <iframe> pointing at the app's embed entry (embed.html, in the
 * directory this script was loaded from; the full app refuses to be framed) with
 * ?embed=1&kunta=…&lang=…&theme=…&origin=<host origin>, sandboxed with only what the app needs
 * (see SANDBOX). The app inside posts, to this page's origin only,
 *   {type: "ilmastoaskeleet:resize", height: N}   -> the iframe gets height N px (200…20000)
 *   {type: "ilmastoaskeleet:scroll-top"}           -> the iframe is scrolled into view
 * Messages are accepted only from one of our iframes' windows and from the app's origin.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src) return;
  var appBase;
  try {
    appBase = new URL('./', script.src); // the directory embed.js lives in = the app root
  } catch (e) {
    return;
  }
  var APP_ORIGIN = appBase.origin;
  var MIN_H = 200;
  var MAX_H = 20000;
  var TITLES = {
    fi: 'Ilmastoaskeleet – pienyrityksen ilmastotyö askel kerrallaan',
    sv: 'Ilmastoaskeleet – klimatarbete i små företag steg för steg',
    en: 'Ilmastoaskeleet – climate work for small companies, step by step'
  };
  // Values are passed on URL-encoded; the app validates them against its own allow-lists.
  // The iframe's sandbox, token by token:
  //   allow-scripts, allow-same-origin  the app is a wasm program that keeps the answers in its own
  //                     origin's localStorage and fetches its language texts from that origin
  //   allow-forms       its forms (questions, own actions) are handled by script on submit; without
  //                     the flag the browser drops the submit event (nothing is ever sent: the
  //                     app's CSP has form-action 'none')
  //   allow-popups, allow-popups-to-escape-sandbox  "open in the full app" and the links to
  //                     support services open in a new tab, as normal pages
  //   allow-downloads   exporting the answers as a file
  //   allow-modals      printing the report (window.print)
  // Not allowed: allow-top-navigation* (the app cannot navigate this page), allow-pointer-lock,
  // allow-orientation-lock, allow-presentation, allow-storage-access-by-user-activation.
  var SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals';
  var PARAMS = {
    kunta: /^[0-9A-Za-z_-]{1,40}$/,
    lang: /^(fi|sv|en)$/,
    theme: /^[0-9A-Za-z_-]{1,40}$/
  };

  var frames = []; // iframes created by this script

  function mount(host) {
    if (host.getAttribute('data-ilmastoaskeleet-mounted') === '1') return;
    host.setAttribute('data-ilmastoaskeleet-mounted', '1');

    var url = new URL('embed.html', appBase.href);
    url.searchParams.set('embed', '1');
    for (var name in PARAMS) {
      var value = host.getAttribute('data-' + name);
      if (value && PARAMS[name].test(value)) url.searchParams.set(name, value);
    }
    url.searchParams.set('origin', window.location.origin);

    var lang = PARAMS.lang.test(host.getAttribute('data-lang') || '') ? host.getAttribute('data-lang') : 'fi';
    var iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', SANDBOX);
    iframe.src = url.href;
    iframe.title = host.getAttribute('data-title') || TITLES[lang];
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('allow', 'clipboard-write');
    iframe.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    iframe.className = 'ilmastoaskeleet-frame';
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.height = '720px';

    while (host.firstChild) host.removeChild(host.firstChild); // drop the fallback link
    host.appendChild(iframe);
    frames.push(iframe);
  }

  function frameFor(source) {
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow && frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function onMessage(event) {
    if (event.origin !== APP_ORIGIN) return;
    var iframe = frameFor(event.source);
    if (!iframe) return;
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'ilmastoaskeleet:resize') {
      var h = Number(data.height);
      if (!isFinite(h)) return;
      h = Math.min(MAX_H, Math.max(MIN_H, Math.ceil(h)));
      iframe.style.height = h + 'px';
    } else if (data.type === 'ilmastoaskeleet:scroll-top') {
      var top = iframe.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight * 0.5) {
        var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        iframe.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
      }
    }
  }

  function mountAll() {
    var hosts = document.querySelectorAll('[data-ilmastoaskeleet]');
    for (var i = 0; i < hosts.length; i++) mount(hosts[i]);
  }

  // If the script is included twice, each copy handles only the iframes it created.
  window.addEventListener('message', onMessage);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mountAll);
  } else {
    mountAll();
  }
})();
