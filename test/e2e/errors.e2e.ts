// Errors a supervisor can act on, in a real Chromium against the browser-mode server: a ledger a
// newer NetDesk has upgraded is refused with a clear screen and left as it was; "copy diagnostic
// information" gives the version, the ledger and the last problems without the page's token; and
// the page's problem is in the log file in the data folder, written through the server.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newHome, repoRoot, startApp, type AppUnderTest } from './harness';

let app: AppUnderTest | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('errors people can act on', () => {
  it('refuses a ledger from a newer NetDesk with a clear screen, copies diagnostics, logs it, and changes nothing', async () => {
    const home = newHome('errors');
    app = await startApp({ home });
    const { page } = app;
    await expect.poll(() => page.getByTestId('nav-people').textContent(), { timeout: 60_000 }).toBe('人员');

    // A newer NetDesk upgrades the ledger (IndexedDB version 990: NetDesk schema version 99).
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('netdesk', 990);
          request.onupgradeneeded = () => request.result.createObjectStore('futureThings', { keyPath: 'id' });
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('futureThings', 'readwrite');
            tx.objectStore('futureThings').put({ id: 'f1', note: '新版本的记录' });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
          };
          request.onerror = () => reject(new Error(String(request.error)));
          request.onblocked = () => reject(new Error('blocked'));
        }),
    );

    await page.reload();
    const refused = page.getByTestId('ledger-newer');
    await refused.waitFor({ timeout: 60_000 });
    expect(await refused.textContent()).toContain('这个台账已由更新版本的网管工作台使用过');
    // The user guide shows this screen (docs/images/).
    await page.screenshot({ path: join(repoRoot, 'docs', 'images', 'errors-newer-ledger.png') });

    await page.getByTestId('copy-diagnostics').click();
    const text = await page.getByTestId('diagnostics-text').inputValue();
    expect(text).toContain('version: 0.1.0 (browser)');
    expect(text).toContain('os: ');
    expect(text).toContain('ledger: ');
    expect(text).toContain('the ledger could not be opened');
    const token = await page.getAttribute('meta[name="netdesk-token"]', 'content');
    expect(token && token.length > 8).toBe(true);
    expect(text).not.toContain(token!);

    // The page's problem went through the server into the data folder's log.
    const logFile = join(home, 'logs', 'netdesk.log');
    expect(existsSync(logFile)).toBe(true);
    const logged = readFileSync(logFile, 'utf8');
    expect(logged).toContain('"from":"renderer"');
    expect(logged).toContain('the ledger could not be opened');
    expect(logged).not.toContain(token!);

    // The newer ledger is exactly as the newer version left it.
    const after = await page.evaluate(
      () =>
        new Promise<{ version: number; stores: string[] }>((resolve) => {
          const request = indexedDB.open('netdesk');
          request.onsuccess = () => {
            const db = request.result;
            const found = { version: db.version, stores: [...db.objectStoreNames] };
            db.close();
            resolve(found);
          };
        }),
    );
    expect(after.version).toBe(990);
    expect(after.stores).toContain('futureThings');
    expect(after.stores).toContain('people');
  });
});
