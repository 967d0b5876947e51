// Opens NetDesk in browser mode: a Chromium-family browser started as an app window (--app, no
// tabs or address bar) with a profile folder of its own inside NetDesk's data folder, so
// NetDesk's IndexedDB lives apart from the supervisor's everyday browsing. Without such a browser,
// or when it fails to start, the URL is printed for the supervisor to open by hand.
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

export async function openAppWindow(url: string, options: OpenAppOptions): Promise<OpenAppResult> {
  const log = options.log ?? ((message: string) => console.log(message));
  const lookup = (options.lookup ?? (() => findBrowser()))();
  if (lookup.warning) log(lookup.warning);
  const platform = options.platform ?? process.platform;
  const printUrl = (): void => {
    log('请在浏览器中打开以下地址 / open this address in a browser:');
    log(`  ${url}`);
  };
  if (!lookup.path) {
    log('未找到 Chrome、Edge 或 Chromium，无法打开 NetDesk 窗口。');
    log('No Chrome, Edge or Chromium was found, so no NetDesk window could be opened.');
    const install = browserInstallHint(platform, options.hasAptGet ?? existsSync('/usr/bin/apt-get'));
    log(`安装一个浏览器 / install one: ${install}`);
    printUrl();
    return { opened: false };
  }
  const isRoot = options.isRoot ?? process.getuid?.() === 0;
  const args = appWindowArgs(url, options.dataDir, platform === 'linux' && isRoot);
  const started = await startDetached(options.spawn ?? spawn, lookup.path, args);
  if (!started.ok) {
    log(`无法启动浏览器 ${lookup.path}: ${started.error}`);
    printUrl();
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
