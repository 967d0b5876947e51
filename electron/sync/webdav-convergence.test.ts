// The sync convergence property, with the shared folder on a real WebDAV server (Apache
// mod_dav_fs on a loopback port): PCs editing apart, syncing in any order, files seen late,
// changes delivered twice, clocks minutes apart, end with the same ledger. Fewer runs than the
// in-memory property: every file goes over HTTP.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { __run, opArb } from './convergence.test';
import { WebDavFs } from './webdav-fs';
import { DAV_PASSWORD, DAV_USER, startApache, type ApacheServer } from '../../test/servers/apache';

let apache: ApacheServer;
let run = 0;

beforeAll(async () => {
  apache = await startApache();
}, 20_000);
afterAll(async () => {
  await apache?.stop();
});

// 12 runs take ~13 s here (importing the runner also runs the in-memory property once); SYNC_WEBDAV_PROPERTY_RUNS=200 searches harder.
const RUNS = Number(process.env.SYNC_WEBDAV_PROPERTY_RUNS ?? 12);

describe('sync convergence over WebDAV (property)', () => {
  it(
    'every PC ends with the same ledger: every acknowledged change applied in clock order',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc
            .integer({ min: 3, max: 4 })
            .chain((n) =>
              fc.tuple(
                fc.constant(n),
                fc.array(opArb(n), { minLength: 5, maxLength: 30 }),
                fc.array(fc.integer({ min: -20 * 60_000, max: 20 * 60_000 }), { minLength: n, maxLength: n }),
              ),
            ),
          async ([n, ops, skews]) => {
            // Each run its own server folder, so no run sees another's files.
            const area = `prop-${++run}`;
            const login = { username: DAV_USER, password: DAV_PASSWORD };
            await new WebDavFs({ url: apache.davUrl, ...login }).mkdir(area);
            const fs = new WebDavFs({ url: `${apache.davUrl}${area}/`, ...login });
            await __run(n, ops, skews, fs);
          },
        ),
        { numRuns: RUNS },
      );
    },
    60_000 + RUNS * 5000,
  );
});
