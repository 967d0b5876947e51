import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppWindow, openInDefaultBrowser, PRINTED_CODE_TTL_MS, type SpawnFn } from './open-app';

interface Spawned {
  command: string;
  args: string[];
  options: SpawnOptions;
  unrefed: boolean;
}

/** A spawn that records its call and then starts, or fails like a missing executable. */
function fakeSpawn(outcome: 'spawn' | 'error'): { spawn: SpawnFn; calls: Spawned[] } {
  const calls: Spawned[] = [];
  const spawn: SpawnFn = (command, args, options) => {
    const record: Spawned = { command, args, options, unrefed: false };
    calls.push(record);
    const child = Object.assign(new EventEmitter(), {
      unref: () => {
        record.unrefed = true;
      },
    });
    setImmediate(() =>
      outcome === 'spawn' ? child.emit('spawn') : child.emit('error', new Error('spawn ENOENT')),
    );
    return child as unknown as ChildProcess;
  };
  return { spawn, calls };
}

const url = 'http://127.0.0.1:47613/?c=code1';
/** A stand-in for BrowserServer.launchUrl: numbered codes, and the lifetime each was asked for. */
function codes(): { launchUrl: (ttlMs?: number) => string; ttls: (number | undefined)[] } {
  const ttls: (number | undefined)[] = [];
  return {
    ttls,
    launchUrl: (ttlMs) => {
      ttls.push(ttlMs);
      return `http://127.0.0.1:47613/?c=code${ttls.length}`;
    },
  };
}

describe('openAppWindow', () => {
  it('starts the browser as a detached app window with its own NetDesk profile', async () => {
    const { spawn, calls } = fakeSpawn('spawn');
    const result = await openAppWindow(codes().launchUrl, {
      dataDir: '/home/wang/.config/NetDesk',
      lookup: () => ({ path: '/usr/bin/chromium' }),
      spawn,
      platform: 'linux',
      isRoot: false,
      log: () => {},
    });
    expect(result).toEqual({ opened: true, browser: '/usr/bin/chromium' });
    expect(calls[0]!.command).toBe('/usr/bin/chromium');
    expect(calls[0]!.args).toEqual([
      `--app=${url}`,
      `--user-data-dir=${join('/home/wang/.config/NetDesk', 'browser-profile')}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-features=Translate',
    ]);
    expect(calls[0]!.options.detached).toBe(true);
    expect(calls[0]!.unrefed).toBe(true);
  });

  it('adds --no-sandbox only for root on Linux', async () => {
    const run = async (platform: NodeJS.Platform, isRoot: boolean): Promise<string[]> => {
      const { spawn, calls } = fakeSpawn('spawn');
      await openAppWindow(codes().launchUrl, {
        dataDir: '/d',
        lookup: () => ({ path: 'x' }),
        spawn,
        platform,
        isRoot,
        log: () => {},
      });
      return calls[0]!.args;
    };
    expect(await run('linux', true)).toContain('--no-sandbox');
    expect(await run('linux', false)).not.toContain('--no-sandbox');
    expect(await run('win32', true)).not.toContain('--no-sandbox');
  });

  it('prints a fresh one-time link, good for a minute, when no browser is found', async () => {
    const lines: string[] = [];
    const { spawn, calls } = fakeSpawn('spawn');
    const { launchUrl, ttls } = codes();
    const result = await openAppWindow(launchUrl, {
      dataDir: '/d',
      lookup: () => ({ path: undefined }),
      spawn,
      log: (l) => lines.push(l),
    });
    expect(result.opened).toBe(false);
    expect(calls).toHaveLength(0);
    expect(ttls).toEqual([PRINTED_CODE_TTL_MS]);
    expect(lines.join('\n')).toContain('http://127.0.0.1:47613/?c=code1');
    expect(lines.join('\n')).toMatch(/one-time/);
    expect(lines.join('\n')).toMatch(/Enter/);
  });

  it('says plainly that no window opened and gives the one command that installs a browser', async () => {
    const said = async (platform: NodeJS.Platform, hasAptGet: boolean): Promise<string> => {
      const lines: string[] = [];
      await openAppWindow(codes().launchUrl, {
        dataDir: '/d',
        lookup: () => ({ path: undefined }),
        spawn: fakeSpawn('spawn').spawn,
        platform,
        hasAptGet,
        log: (l) => lines.push(l),
      });
      return lines.join('\n');
    };
    const debian = await said('linux', true);
    expect(debian).toContain('No Chrome, Edge or Chromium was found, so no NetDesk window could be opened.');
    expect(debian).toContain('未找到 Chrome、Edge 或 Chromium');
    expect(debian).toContain('sudo apt-get install -y chromium');
    expect(await said('win32', false)).toContain('Microsoft Edge');
    expect(await said('linux', false)).not.toContain('apt-get');
  });

  it('prints a link of its own when the browser fails to start, not the one on its command line', async () => {
    const lines: string[] = [];
    const { spawn, calls } = fakeSpawn('error');
    const { launchUrl, ttls } = codes();
    const result = await openAppWindow(launchUrl, {
      dataDir: '/d',
      lookup: () => ({ path: '/gone/chrome' }),
      spawn,
      log: (l) => lines.push(l),
    });
    expect(result.opened).toBe(false);
    expect(lines.join('\n')).toMatch(/\/gone\/chrome: spawn ENOENT/);
    expect(calls[0]!.args[0]).toBe('--app=http://127.0.0.1:47613/?c=code1');
    expect(ttls).toEqual([undefined, PRINTED_CODE_TTL_MS]);
    expect(lines.join('\n')).toContain('?c=code2');
    expect(lines.join('\n')).not.toContain('?c=code1');
  });
});

describe('openInDefaultBrowser', () => {
  it('hands a link with & to the system without a shell', async () => {
    const link = 'https://example.com/a?x=1&calc.exe';
    const { spawn, calls } = fakeSpawn('spawn');
    expect(await openInDefaultBrowser(link, 'win32', spawn)).toBe(true);
    expect(calls[0]!.command).toBe('rundll32');
    expect(calls[0]!.args).toEqual(['url.dll,FileProtocolHandler', link]);
    expect(calls[0]!.options.shell).toBeUndefined();
    await openInDefaultBrowser(link, 'linux', spawn);
    expect(calls[1]!.command).toBe('xdg-open');
  });
});
