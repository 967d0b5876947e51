// Finds a Chromium-family browser (Chrome, Edge, Chromium) for browser mode, where NetDesk opens
// in an --app window of its own. Only Chromium-family browsers understand --app and
// --user-data-dir; anything else gets the URL printed instead.
// Pure: the platform, environment and file check come in as parameters, so tests can play
// Windows, macOS and Linux on any machine.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export interface BrowserLookupContext {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  homeDir: string;
}

export interface BrowserLookup {
  /** Absolute path of the browser to start, when one was found. */
  path: string | undefined;
  /** Set when NETDESK_BROWSER names a file that does not exist (it is then ignored). */
  warning?: string;
}

/** Every place NetDesk looks, in order of preference, for the given platform. */
export function browserCandidates(ctx: Omit<BrowserLookupContext, 'exists'>): string[] {
  const { env } = ctx;
  if (ctx.platform === 'win32') {
    const programFiles = env.ProgramFiles ?? 'C:\\Program Files';
    const programFilesX86 = env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)';
    const localAppData = env.LOCALAPPDATA ?? win32.join(ctx.homeDir, 'AppData', 'Local');
    const chrome = ['Google', 'Chrome', 'Application', 'chrome.exe'];
    const edge = ['Microsoft', 'Edge', 'Application', 'msedge.exe'];
    // Chrome first where the user installed it on purpose; Edge ships with every Windows 10/11.
    return [
      win32.join(programFiles, ...chrome),
      win32.join(programFilesX86, ...chrome),
      win32.join(localAppData, ...chrome),
      win32.join(programFilesX86, ...edge),
      win32.join(programFiles, ...edge),
      win32.join(localAppData, ...edge),
      win32.join(localAppData, 'Chromium', 'Application', 'chrome.exe'),
    ];
  }
  if (ctx.platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Chromium.app/Contents/MacOS/Chromium',
    ];
    return [
      ...apps.map((app) => posix.join('/Applications', app)),
      ...apps.map((app) => posix.join(ctx.homeDir, 'Applications', app)),
    ];
  }
  const names = [
    'google-chrome-stable',
    'google-chrome',
    'chromium',
    'chromium-browser',
    'microsoft-edge',
    'microsoft-edge-stable',
  ];
  const pathDirs = (env.PATH ?? '').split(':').filter((dir) => dir !== '');
  const onPath = names.flatMap((name) => pathDirs.map((dir) => posix.join(dir, name)));
  return [...onPath, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];
}

/** NETDESK_BROWSER first (the supervisor's explicit choice), then the platform's usual places. */
export function findBrowser(ctx: BrowserLookupContext = defaultContext()): BrowserLookup {
  const chosen = ctx.env.NETDESK_BROWSER?.trim();
  let warning: string | undefined;
  if (chosen) {
    if (ctx.exists(chosen)) return { path: chosen };
    warning = `NETDESK_BROWSER=${chosen} does not exist; looking for Chrome, Edge or Chromium instead.`;
  }
  const found = browserCandidates(ctx).find((candidate) => ctx.exists(candidate));
  return warning === undefined ? { path: found } : { path: found, warning };
}

export function defaultContext(): BrowserLookupContext {
  return { platform: process.platform, env: process.env, exists: existsSync, homeDir: homedir() };
}
