// NetDesk: start opening the ledger (the IndexedDB database "netdesk") while the application's
// code is still loading. Opening a ten-year ledger takes the browser about a second; begun here,
// that second passes during the script load instead of after it, and the app's own open (Dexie,
// renderer/db/schema.ts) then finds the database ready. This connection only warms: it reads
// nothing, closes when the app upgrades the database, and closes by itself after a few seconds.
// A plain script (not part of the bundle) so that it runs as soon as the page's head is parsed.
/* global indexedDB */
(function () {
  'use strict';
  var WARM_MS = 10000;
  try {
    if (typeof indexedDB === 'undefined') return;
    var request = indexedDB.open('netdesk');
    // No ledger yet (first start): create nothing; the app creates it with its schema.
    request.onupgradeneeded = function () {
      request.transaction.abort();
    };
    request.onsuccess = function () {
      var db = request.result;
      db.onversionchange = function () {
        db.close();
      };
      setTimeout(function () {
        db.close();
      }, WARM_MS);
    };
    request.onerror = function (event) {
      // The aborted first-start open lands here; it is expected, not an error to report.
      if (event && typeof event.preventDefault === 'function') event.preventDefault();
    };
  } catch {
    // Warming is only ever a head start: the app opens the ledger itself and reports problems.
  }
})();
