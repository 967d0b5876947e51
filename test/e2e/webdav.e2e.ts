// WebDAV sync between two PCs, end to end in browser mode, against a real Apache (mod_dav_fs) on
// a loopback port. On A the supervisor chooses "WebDAV server" on the sync screen, types the
// address (plain http to this PC: the warning is in view), user and password (browser mode: the
// note says it is kept only in the service's memory), saves, and initialises the server folder.
// A person entered on A reaches B, set up the same way, after a sync; a wrong password on B shows
// the 401 status in Chinese. A NAS with a self-signed certificate (an HTTPS front to the same
// Apache) is shown by its SHA-256 fingerprint in a dialog and syncs once trusted.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DAV_PASSWORD, DAV_USER, startApache, type ApacheServer } from '../servers/apache';
import { dialogsSettled, newHome, outputDir, startApp, type AppUnderTest } from './harness';

const apps: AppUnderTest[] = [];
let apache: ApacheServer;
let front: Server;
let httpsBase: string;
let lastStep = '';

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 100 } } });
  apache = await startApache();
  const target = new URL(apache.origin);
  const cert = readFileSync(new URL('../servers/nas-selfsigned.crt', import.meta.url));
  const key = readFileSync(new URL('../servers/nas-selfsigned.key', import.meta.url));
  front = createServer({ cert, key }, (req, res) => {
    const headers = { ...req.headers };
    if (typeof headers.destination === 'string')
      headers.destination = headers.destination.replace(/^https:\/\/[^/]+/, apache.origin);
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  httpsBase = `https://127.0.0.1:${(front.address() as AddressInfo).port}/dav/`;
}, 30_000);
afterAll(async () => {
  await new Promise((resolve) => front?.close(resolve));
  await apache?.stop();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    console.error(`webdav e2e failed after step: ${lastStep}`);
    for (const [i, app] of apps.entries()) {
      await app.page
        .screenshot({ path: join(outputDir, `webdav-failed-${i}.png`), fullPage: true })
        .catch(() => undefined);
      console.error(app.serverLog());
    }
  }
  for (const app of apps.splice(0)) await app.close();
});

function step(name: string) {
  lastStep = name;
}

async function pc(label: string) {
  const app = await startApp({ home: newHome(label) });
  apps.push(app);
  return app;
}

async function openSyncScreen(page: Page) {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-sync').click();
  await expect.poll(() => page.getByTestId('sync-status').count()).toBe(1);
}

/** Choose WebDAV on the sync screen and save address, user and password. */
async function setUpWebDav(page: Page, url: string, password: string) {
  await openSyncScreen(page);
  await page.getByTestId('sync-via').getByText('WebDAV').click();
  await expect.poll(() => page.getByTestId('webdav-form').count()).toBe(1);
  await page.getByTestId('webdav-url').fill(url);
  await page.getByTestId('webdav-user').fill(DAV_USER);
  await page.getByTestId('webdav-password').fill(password);
  await page.getByTestId('webdav-save').click();
}

async function syncNow(page: Page) {
  await expect.poll(() => page.getByTestId('sync-now').isEnabled(), { timeout: 30_000 }).toBe(true);
  await page.getByTestId('sync-now').click();
  await expect
    .poll(() => page.getByTestId('sync-status').getAttribute('data-connected'), { timeout: 30_000 })
    .toBe('true');
  await expect.poll(() => page.getByTestId('sync-now').isEnabled(), { timeout: 30_000 }).toBe(true);
}

describe('WebDAV sync between two PCs (browser mode, Apache)', () => {
  it('sets WebDAV up on the sync screen, carries a person from A to B, and trusts a NAS certificate by its fingerprint', async () => {
    const area = `${apache.davUrl}e2e/`;
    await fetch(area, {
      method: 'MKCOL',
      headers: { Authorization: `Basic ${Buffer.from(`${DAV_USER}:${DAV_PASSWORD}`).toString('base64')}` },
    });
    const a = await pc('webdav-a');
    const b = await pc('webdav-b');

    step('WebDAV on A');
    await setUpWebDav(a.page, area, DAV_PASSWORD);
    // Plain http to this PC: accepted, with the warning in view; browser mode keeps the password
    // only in the service's memory, and says so.
    await expect.poll(() => a.page.getByTestId('webdav-http-warning').count()).toBe(1);
    await expect.poll(() => a.page.getByTestId('webdav-memory-note').textContent()).toContain('内存');
    await expect.poll(() => a.page.getByTestId('webdav-kept').textContent()).toContain('内存');
    await expect.poll(() => a.page.getByTestId('sync-status-reason').textContent()).toContain('没有同步账本');
    await a.page.getByTestId('sync-init').click();
    await a.page.getByTestId('sync-init-confirm').click();
    await expect
      .poll(() => a.page.getByTestId('sync-status').getAttribute('data-connected'), { timeout: 30_000 })
      .toBe('true');
    expect(readFileSync(join(a.home, 'settings.json'), 'utf8')).not.toContain(DAV_PASSWORD);

    step('person on A');
    await a.page.getByTestId('nav-people').click();
    await a.page.getByTestId('add-person').click();
    await a.page.getByTestId('person-employee-no').fill('NT-8801');
    await a.page.getByTestId('person-name').fill('钱多多');
    await a.page.getByTestId('person-name').press('Control+Enter');
    await expect
      .poll(() => a.page.locator('[data-testid="person-row"][data-employee-no="NT-8801"]').count())
      .toBe(1);
    await openSyncScreen(a.page);
    await syncNow(a.page);
    await expect.poll(() => a.page.getByTestId('sync-waiting').textContent()).toBe('0');

    step('wrong password on B');
    await setUpWebDav(b.page, area, 'wrong-password');
    await expect
      .poll(() => b.page.getByTestId('sync-status-reason').textContent(), { timeout: 30_000 })
      .toContain('401');

    step('right password on B');
    await b.page.getByTestId('webdav-password').fill(DAV_PASSWORD);
    await b.page.getByTestId('webdav-save').click();
    await syncNow(b.page);
    await b.page.getByTestId('nav-people').click();
    await expect
      .poll(() => b.page.locator('[data-testid="person-row"][data-employee-no="NT-8801"]').count(), {
        timeout: 30_000,
      })
      .toBe(1);

    step('self-signed NAS certificate on B');
    await setUpWebDav(b.page, `${httpsBase}e2e/`, DAV_PASSWORD);
    await expect
      .poll(() => b.page.getByTestId('webdav-cert-fingerprint').textContent(), { timeout: 30_000 })
      .toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const shown = await b.page.getByTestId('webdav-cert-fingerprint').textContent();
    await dialogsSettled(b.page);
    await b.page.getByRole('button', { name: '信任此证书' }).click();
    // Trusted: that very fingerprint is pinned in the settings (and the dialog is gone).
    const pinned = () =>
      (JSON.parse(readFileSync(join(b.home, 'settings.json'), 'utf8')) as { webdavPin: string }).webdavPin;
    await expect.poll(pinned, { timeout: 30_000 }).toBe(shown);
    await expect
      .poll(() => b.page.getByTestId('webdav-cert-fingerprint').count(), { timeout: 30_000 })
      .toBe(0);
    await syncNow(b.page);
    await b.page.screenshot({ path: join(outputDir, 'webdav-sync.png'), fullPage: true });
  });
});
