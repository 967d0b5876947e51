import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseBrowserArgs, resolveDataDir, resolvePort } from './config';

describe('parseBrowserArgs', () => {
  it('opens the browser on NetDesk’s own port by default', () => {
    expect(parseBrowserArgs([])).toEqual({
      open: true,
      port: undefined,
      printUrlFile: undefined,
      build: false,
    });
  });

  it('reads --no-open, --port, --print-url-file and --browser', () => {
    expect(
      parseBrowserArgs(['--browser', '--no-open', '--port', '5000', '--print-url-file', '/tmp/u']),
    ).toEqual({
      open: false,
      port: 5000,
      printUrlFile: '/tmp/u',
      build: false,
    });
  });

  it('refuses a bad port and unknown flags with a readable message', () => {
    expect(() => parseBrowserArgs(['--port', 'abc'])).toThrow(/--port must be a port number/);
    expect(() => parseBrowserArgs(['--port', '70000'])).toThrow(/between 1 and 65535/);
    expect(() => parseBrowserArgs(['--colour'])).toThrow(/--colour/);
  });
});

describe('resolvePort', () => {
  it('keeps the fixed port unless --port or NETDESK_PORT says otherwise', () => {
    expect(resolvePort(undefined, {})).toBe(DEFAULT_PORT);
    expect(DEFAULT_PORT).toBe(47613);
    expect(resolvePort(undefined, { NETDESK_PORT: '48000' })).toBe(48000);
    expect(resolvePort(5000, { NETDESK_PORT: '48000' })).toBe(5000);
    expect(() => resolvePort(undefined, { NETDESK_PORT: '0x10' })).toThrow(/NETDESK_PORT/);
  });
});

describe('resolveDataDir', () => {
  it('uses NETDESK_HOME when set', () => {
    expect(resolveDataDir('linux', { NETDESK_HOME: '/srv/netdesk' }, '/home/wang')).toBe('/srv/netdesk');
  });

  it('uses the per-user application folder of each platform', () => {
    expect(resolveDataDir('win32', { APPDATA: 'C:\\Users\\wang\\AppData\\Roaming' }, 'C:\\Users\\wang')).toBe(
      'C:\\Users\\wang\\AppData\\Roaming\\NetDesk',
    );
    expect(resolveDataDir('darwin', {}, '/Users/wang')).toBe(
      '/Users/wang/Library/Application Support/NetDesk',
    );
    expect(resolveDataDir('linux', {}, '/home/wang')).toBe('/home/wang/.config/NetDesk');
  });
});
