// End-to-end harness: starts NetDesk in browser mode (the real loopback server and services,
// the built renderer) with its own data folder, and opens it in Debian's Chromium through
// playwright-core with a persistent profile, so IndexedDB survives a restart like on a user's PC.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const outputDir = join(repoRoot, 'test-output', 'e2e');

export interface AppUnderTest {
  home: string;
  port: number;
  url: string;
  page: Page;
  context: BrowserContext;
  server: ChildProcess;
  serverLog: () => string;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function newHome(label: string): string {
  mkdirSync(outputDir, { recursive: true });
  return mkdtempSync(join(tmpdir(), `netdesk-e2e-${label}-`));
}

async function waitFor<T>(what: string, fn: () => T | undefined, timeoutMs = 120_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Start (or restart, with the same home and port) NetDesk in browser mode and open it. */
export async function startApp(opts: {
  home: string;
  port?: number;
  locale?: string;
  /** Show the first-run setup on an empty ledger; other scenarios start on the dashboard. */
  firstRun?: boolean;
  /** The data folder (NETDESK_HOME) when it is not `home` itself, e.g. one on a read-only drive. */
  dataDir?: string;
}): Promise<AppUnderTest> {
  const port = opts.port ?? (await freePort());
  const urlFile = join(opts.home, `launch-url-${Date.now()}.txt`);
  let log = '';
  const server = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'electron/browser/main.ts'),
      '--no-open',
      '--port',
      String(port),
      '--print-url-file',
      urlFile,
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, NETDESK_HOME: opts.dataDir ?? opts.home },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  let exited: number | null = null;
  server.once('exit', (code) => (exited = code ?? -1));
  const url = await waitFor(`the launch URL (server log: ${log})`, () => {
    if (exited !== null) throw new Error(`browser-mode server exited with ${exited}:\n${log}`);
    return existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() || undefined : undefined;
  });
  const executablePath = process.env.NETDESK_TEST_BROWSER ?? '/usr/bin/chromium';
  const context = await chromium.launchPersistentContext(join(opts.home, 'chromium-profile'), {
    executablePath,
    headless: true,
    locale: opts.locale ?? 'zh-CN',
    viewport: { width: 1366, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  if (!opts.firstRun) {
    await context.addInitScript(() => {
      try {
        localStorage.setItem('netdesk.firstRunDone', '1');
      } catch {
        // No storage on this page (about:blank): nothing to put off.
      }
    });
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url);
  return {
    home: opts.home,
    port,
    url,
    page,
    context,
    server,
    serverLog: () => log + (pageErrors.length ? `\npage errors:\n${pageErrors.join('\n')}` : ''),
    async close() {
      await context.close();
      if (exited === null) {
        const done = new Promise((r) => server.once('exit', r));
        server.kill('SIGTERM');
        await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
        if (exited === null) server.kill('SIGKILL');
      }
    },
  };
}

/** The number a screen shows in the element with `testId` (digits only: "1,234 人" → 1234). */
export async function numberIn(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).textContent())?.replace(/\D/g, ''));
}

/** Load the demo ledger from the dashboard and wait until its people are counted there. */
export async function loadDemoLedger(page: Page): Promise<void> {
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('load-demo').click();
  // A click while the confirmation is still zooming in can land where the button was a frame
  // before and be lost (a clean-clone CI run found the dialog still open 30 s later).
  await page.getByTestId('load-demo-confirm').waitFor();
  await dialogsSettled(page);
  await page.getByTestId('load-demo-confirm').click();
  try {
    await expect
      .poll(() => numberIn(page, 'dashboard-count-people'), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(30);
  } catch (err) {
    // Say what the window showed instead (a message, the counts), and keep a picture of it.
    await page.screenshot({ path: join(outputDir, `demo-load-failed-${Date.now()}.png`) });
    const shown = await page
      .locator('.ant-message, .ant-notification, [data-testid^="dashboard-count-"], [data-testid^="ledger-"]')
      .allTextContents();
    throw new Error(`the demo data did not show on the dashboard; the window shows: ${shown.join(' | ')}`, {
      cause: err,
    });
  }
}

/**
 * Choose `text` in the antd Select with data-testid `testId` by typing `typed` into it. The list
 * re-renders as it filters (and again when its data arrives), so a click can land on a row being
 * replaced: wait until the list holds just one row with that text, point at it so it is the
 * active row, and choose it with Enter, which picks the active row whatever the DOM does; then
 * check the Select shows it, and go again if a re-render still won the race.
 */
export async function pick(page: Page, testId: string, text: string, typed = text): Promise<void> {
  const select = page.getByTestId(testId);
  const option = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
    { hasText: text },
  );
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page.keyboard.type(typed);
    await expect.poll(() => option.count()).toBe(1);
    await option.hover();
    await expect.poll(() => option.getAttribute('class')).toContain('ant-select-item-option-active');
    await page.keyboard.press('Enter');
    try {
      await expect.poll(() => select.textContent(), { timeout: 3000 }).toContain(text);
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Wait until every open antd dialog has finished its opening animation. A click aimed at a
 * dialog's button while the dialog is still zooming in can land where the button was a frame
 * before (on the mask), and is lost; the supervisor's click comes after the dialog has settled.
 */
export async function dialogsSettled(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll('.ant-modal')].every(
          (m) => m.getAnimations({ subtree: true }).length === 0,
        ),
      ),
    )
    .toBe(true);
}
