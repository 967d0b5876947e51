// NetDesk: start opening the ledger (the IndexedDB database "netdesk") while the application's
// code is still loading, and read the dashboard's three counts at once. Opening a ten-year ledger
// takes the browser most of a second; begun here, it passes during the script load instead of
// after it, the app's own open (Dexie, renderer/db/schema.ts) then finds the database ready, and
// the dashboard's first frame can show the counts read here (renderer/features/dashboard/counts.ts).
// This connection only reads: it creates nothing, closes when the app upgrades the database, and
// closes by itself after a few seconds.
// A plain script (not part of the bundle) so that it runs as soon as the page's head is parsed.
/* global indexedDB, IDBKeyRange, self */
(function () {
  'use strict';
  var WARM_MS = 10000;
  // The counts the dashboard shows: live records of each table (all, less the tombstones, which
  // are the only records in the deletedAt index). The same rule as readLedgerCounts().
  var COUNTED = ['people', 'departments', 'devices'];
  // Read by the app (renderer/features/dashboard/counts.ts): `done` resolves to the counts
  // { people, departments, devices }, or null if they could not be read; `counts` holds them once read.
  var start = { counts: null, done: null };
  var settle;
  start.done = new Promise(function (resolve) {
    settle = function (counts) {
      if (counts) start.counts = counts;
      resolve(counts);
    };
  });
  self.netdeskStart = start;
  function mark(name) {
    if (typeof performance !== 'undefined' && performance.mark) performance.mark('netdesk:' + name);
  }
  function readCounts(db) {
    var tx = db.transaction(COUNTED, 'readonly');
    var counts = {};
    var pending = COUNTED.length * 2;
    COUNTED.forEach(function (name) {
      var store = tx.objectStore(name);
      var all = store.count();
      var deleted = store.index('deletedAt').count(IDBKeyRange.lowerBound('', true));
      var done = function () {
        if (--pending === 0) {
          COUNTED.forEach(function (n) {
            counts[n] = counts[n + ':all'] - counts[n + ':deleted'];
            delete counts[n + ':all'];
            delete counts[n + ':deleted'];
          });
          mark('warm-counts');
          settle(counts);
        }
      };
      all.onsuccess = function () {
        counts[name + ':all'] = all.result;
        done();
      };
      deleted.onsuccess = function () {
        counts[name + ':deleted'] = deleted.result;
        done();
      };
    });
    tx.onabort = function () {
      settle(null);
    };
  }
  try {
    if (typeof indexedDB === 'undefined') return settle(null);
    var request = indexedDB.open('netdesk');
    // No ledger yet (first start): create nothing; the app creates it with its schema.
    request.onupgradeneeded = function () {
      request.transaction.abort();
    };
    request.onsuccess = function () {
      var db = request.result;
      mark('warm-open');
      db.onversionchange = function () {
        db.close();
      };
      setTimeout(function () {
        db.close();
      }, WARM_MS);
      try {
        readCounts(db);
      } catch {
        // A ledger from before these tables or indexes: the app reads the counts itself.
        settle(null);
      }
    };
    request.onerror = function (event) {
      settle(null);
      // The aborted first-start open lands here; it is expected, not an error to report.
      if (event && typeof event.preventDefault === 'function') event.preventDefault();
    };
  } catch {
    // Warming is only ever a head start: the app opens the ledger itself and reports problems.
    settle(null);
  }
})();
