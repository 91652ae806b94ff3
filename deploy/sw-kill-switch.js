// Ilmastoaskeleet service worker kill switch, for operators.
//
// If a broken or unwanted sw.js ever reached users, copy this file over sw.js on the server
// (cp deploy/sw-kill-switch.js /srv/ilmastoaskeleet/sw.js). Browsers check sw.js on every visit
// (it is served with Cache-Control: no-cache, and at least once a day); this worker then takes
// over at once, deletes the app's caches and unregisters itself. It has no fetch handler, so from
// that moment every request goes to the network. The users' answers are in localStorage, which
// this does not touch.
//
// The app registers sw.js again on the next visit and gets this file again, which unregisters
// itself again: harmless. To turn the service worker back on, deploy a normal build
// (make deploy), whose sw.js replaces this one.
'use strict';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((k) => k.startsWith('ilmastoaskeleet-')).map((k) => caches.delete(k)));
      await self.registration.unregister();
    })(),
  );
});
