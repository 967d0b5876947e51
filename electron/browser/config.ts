// Where browser mode keeps its data and which port it listens on, from flags and environment.
// The port is fixed on purpose: the page's IndexedDB (all of NetDesk's records) belongs to the
// origin http://127.0.0.1:PORT, so a different port would show an empty NetDesk.
import { parseArgs } from 'node:util';
import { posix, win32 } from 'node:path';

export const DEFAULT_PORT = 47613;

export interface BrowserModeArgs {
  open: boolean;
  port: number | undefined;
  printUrlFile: string | undefined;
  /** Rebuild the renderer even when out/renderer looks current. */
  build: boolean;
  /** The shared folder for sync, given in the terminal ('' turns sync off). */
  syncFolder: string | undefined;
}

/** Parse the flags of `npm start -- …` in browser mode; throws with a readable message. */
export function parseBrowserArgs(argv: string[]): BrowserModeArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      'no-open': { type: 'boolean', default: false },
      port: { type: 'string' },
      'print-url-file': { type: 'string' },
      build: { type: 'boolean', default: false },
      'sync-folder': { type: 'string' },
      // Already acted on by the launcher; accepted so it can be passed through unchanged.
      browser: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    open: !values['no-open'],
    port: values.port === undefined ? undefined : parsePort(values.port, '--port'),
    printUrlFile: values['print-url-file'],
    build: values.build,
    syncFolder: values['sync-folder'],
  };
}

export function parsePort(text: string, source: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${source} must be a port number between 1 and 65535, not "${text}"`);
  }
  return port;
}

/** --port, else NETDESK_PORT, else NetDesk's own port. */
export function resolvePort(flag: number | undefined, env: Record<string, string | undefined>): number {
  if (flag !== undefined) return flag;
  const fromEnv = env.NETDESK_PORT?.trim();
  return fromEnv ? parsePort(fromEnv, 'NETDESK_PORT') : DEFAULT_PORT;
}

/**
 * NETDESK_HOME, else the usual per-user application folder. On Windows and macOS this is the
 * same folder Electron's userData uses for "NetDesk", so settings and reports are shared.
 */
export function resolveDataDir(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  home: string,
): string {
  const chosen = env.NETDESK_HOME?.trim();
  if (chosen) return platform === 'win32' ? win32.resolve(chosen) : posix.resolve(chosen);
  if (platform === 'win32')
    return win32.join(env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'), 'NetDesk');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'NetDesk');
  return posix.join(env.XDG_CONFIG_HOME?.trim() || posix.join(home, '.config'), 'NetDesk');
}
