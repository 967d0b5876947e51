// Opens NetDesk in browser mode: a Chromium-family browser started as an app window (--app, no
// tabs or address bar) with a profile folder of its own inside NetDesk's data folder, so
// NetDesk's IndexedDB lives apart from the supervisor's everyday browsing. Without such a browser,
// or when it fails to start, a one-time sign-in link is printed for the supervisor to open by hand.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findBrowser, type BrowserLookup } from './find-browser';

export type SpawnFn = (command: string, args: string[], options: SpawnOptions) => ChildProcess;

export interface OpenAppOptions {
  dataDir: string;
  lookup?: () => BrowserLookup;
  spawn?: SpawnFn;
  platform?: NodeJS.Platform;
  /** Chromium refuses to start as root on Linux unless its sandbox is switched off. */
  isRoot?: boolean;
  log?: (message: string) => void;
  /** Whether Debian/Ubuntu's apt-get is there (decides which install command is printed). */
  hasAptGet?: boolean;
}

/** The one thing to do when no Chromium-family browser is installed, as a person would type it. */
export function browserInstallHint(platform: NodeJS.Platform, hasAptGet: boolean): string {
  if (platform === 'linux' && hasAptGet) return 'sudo apt-get install -y chromium';
  if (platform === 'linux')
    return 'install Chromium or Google Chrome with your distribution’s package manager';
  if (platform === 'darwin') return 'https://www.google.com/chrome/ (Google Chrome)';
  return 'https://www.microsoft.com/edge (Microsoft Edge)';
}

export interface OpenAppResult {
  opened: boolean;
  browser?: string;
}

/** The command line for the app window; exported so the flags are tested as a user sees them. */
export function appWindowArgs(url: string, dataDir: string, withoutSandbox: boolean): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${join(dataDir, 'browser-profile')}`,
    '--no-first-run',
    '--no-default-browser-check',
    // The UI is Chinese by design; on an English-locale machine Chromium would offer to translate it.
    '--disable-features=Translate',
    ...(withoutSandbox ? ['--no-sandbox'] : []),
  ];
}

/** How long a printed sign-in link stays good: time to copy it into a browser by hand. */
export const PRINTED_CODE_TTL_MS = 60_000;

/** A sign-in URL with a fresh one-time code good for `ttlMs` (BrowserServer.launchUrl). */
export type LaunchUrlFn = (ttlMs?: number) => string;

/**
 * Print what a person needs to open NetDesk by hand: a one-time link, good for a minute, and how
 * to get another. Printed only when no window could be opened (or on request), never the token.
 */
export function printSignInLink(launchUrl: LaunchUrlFn, log: (message: string) => void): void {
  const seconds = PRINTED_CODE_TTL_MS / 1000;
  log(`请在 ${seconds} 秒内用浏览器打开以下一次性地址（只能使用一次；过期后在此窗口按回车键获取新地址）：`);
  log(
    `Open this one-time address in a browser within ${seconds} s (it works once; press Enter here for a new one):`,
  );
  log(`  ${launchUrl(PRINTED_CODE_TTL_MS)}`);
}

/**
 * Open NetDesk as an app window. The sign-in code is made just before the browser starts, so the
 * few seconds it is good for (the command line is readable by other users) are not spent waiting.
 */
export async function openAppWindow(launchUrl: LaunchUrlFn, options: OpenAppOptions): Promise<OpenAppResult> {
  const log = options.log ?? ((message: string) => console.log(message));
  const lookup = (options.lookup ?? (() => findBrowser()))();
  if (lookup.warning) log(lookup.warning);
  const platform = options.platform ?? process.platform;
  if (!lookup.path) {
    log('未找到 Chrome、Edge 或 Chromium，无法打开 NetDesk 窗口。');
    log('No Chrome, Edge or Chromium was found, so no NetDesk window could be opened.');
    const install = browserInstallHint(platform, options.hasAptGet ?? existsSync('/usr/bin/apt-get'));
    log(`安装一个浏览器 / install one: ${install}`);
    printSignInLink(launchUrl, log);
    return { opened: false };
  }
  const isRoot = options.isRoot ?? process.getuid?.() === 0;
  const args = appWindowArgs(launchUrl(), options.dataDir, platform === 'linux' && isRoot);
  const started = await startDetached(options.spawn ?? spawn, lookup.path, args);
  if (!started.ok) {
    log(`无法启动浏览器 ${lookup.path}: ${started.error}`);
    printSignInLink(launchUrl, log);
    return { opened: false };
  }
  return { opened: true, browser: lookup.path };
}

/**
 * Open an http(s) link in the supervisor's default browser (the service has already checked the
 * scheme). No shell is involved, so characters such as & in the link cannot run commands.
 */
export async function openInDefaultBrowser(
  url: string,
  platform: NodeJS.Platform = process.platform,
  spawnFn: SpawnFn = spawn,
): Promise<boolean> {
  const [command, args] =
    platform === 'win32'
      ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
      : platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  return (await startDetached(spawnFn, command, args)).ok;
}

/** Start a program that outlives NetDesk's launcher; resolves once it started or failed to. */
function startDetached(
  spawnFn: SpawnFn,
  command: string,
  args: string[],
): Promise<{ ok: true } | { ok: false; error: string }> {
  return new Promise((done) => {
    let child: ChildProcess;
    try {
      child = spawnFn(command, args, { detached: true, stdio: 'ignore', windowsHide: false });
    } catch (err) {
      done({ ok: false, error: err instanceof Error ? err.message : String(err) });
      return;
    }
    child.once('error', (err) => done({ ok: false, error: err.message }));
    child.once('spawn', () => {
      child.unref();
      done({ ok: true });
    });
  });
}
