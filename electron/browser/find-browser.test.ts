import { describe, expect, it } from 'vitest';
import { browserCandidates, findBrowser, type BrowserLookupContext } from './find-browser';

function context(
  platform: NodeJS.Platform,
  files: string[],
  env: Record<string, string> = {},
): BrowserLookupContext {
  const present = new Set(files);
  return {
    platform,
    env,
    exists: (p) => present.has(p),
    homeDir: platform === 'win32' ? 'C:\\Users\\wang' : '/home/wang',
  };
}

describe('findBrowser', () => {
  it('uses NETDESK_BROWSER when that file exists, before anything installed', () => {
    const ctx = context('linux', ['/opt/my/chrome', '/usr/bin/chromium'], {
      NETDESK_BROWSER: '/opt/my/chrome',
    });
    expect(findBrowser(ctx)).toEqual({ path: '/opt/my/chrome' });
  });

  it('warns about a NETDESK_BROWSER that does not exist and falls back', () => {
    const ctx = context('linux', ['/usr/bin/chromium'], {
      NETDESK_BROWSER: '/nope/chrome',
      PATH: '/usr/bin',
    });
    const found = findBrowser(ctx);
    expect(found.path).toBe('/usr/bin/chromium');
    expect(found.warning).toMatch(/NETDESK_BROWSER=\/nope\/chrome does not exist/);
  });

  it('finds Edge on a Windows PC that has no Chrome', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const ctx = context('win32', [edge], {
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\wang\\AppData\\Local',
    });
    expect(findBrowser(ctx).path).toBe(edge);
  });

  it('prefers Chrome installed per user over Edge on Windows', () => {
    const chrome = 'C:\\Users\\wang\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const ctx = context('win32', [edge, chrome], { LOCALAPPDATA: 'C:\\Users\\wang\\AppData\\Local' });
    expect(findBrowser(ctx).path).toBe(chrome);
  });

  it('finds Chrome in /Applications on macOS', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser(context('darwin', [chrome])).path).toBe(chrome);
  });

  it('finds a browser on PATH on Linux, and Debian chromium without PATH', () => {
    expect(
      findBrowser(context('linux', ['/usr/local/bin/google-chrome'], { PATH: '/usr/local/bin:/usr/bin' }))
        .path,
    ).toBe('/usr/local/bin/google-chrome');
    expect(findBrowser(context('linux', ['/usr/bin/chromium'], { PATH: '' })).path).toBe('/usr/bin/chromium');
  });

  it('finds nothing when no Chromium-family browser is installed', () => {
    expect(findBrowser(context('linux', ['/usr/bin/firefox'], { PATH: '/usr/bin' }))).toEqual({
      path: undefined,
    });
  });

  it('lists the usual Windows places even without the environment variables', () => {
    const list = browserCandidates({ platform: 'win32', env: {}, homeDir: 'C:\\Users\\wang' });
    expect(list).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(list).toContain('C:\\Users\\wang\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe');
  });
});
