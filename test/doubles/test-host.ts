// A ServiceHost for unit tests: a temporary data folder, a pinned clock, and recorders in place of
// the save dialog, the system viewer and the browser.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceHost } from '../../electron/services/types';

export const PINNED_NOW = new Date('2026-03-05T08:30:00.000Z');

export interface TestHost extends ServiceHost {
  opened: string[];
  external: string[];
  logged: string[];
  cleanup: () => Promise<void>;
}

export async function makeTestHost(overrides: Partial<ServiceHost> = {}): Promise<TestHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'netdesk-services-'));
  const opened: string[] = [];
  const external: string[] = [];
  const logged: string[] = [];
  return {
    mode: 'electron',
    appName: 'NetDesk',
    appVersion: '0.1.0',
    platform: 'win32',
    dataDir,
    documentsDir: join(dataDir, 'Documents'),
    now: () => PINNED_NOW,
    openPath: (p) => {
      opened.push(p);
      return Promise.resolve({ opened: true });
    },
    openExternal: (url) => {
      external.push(url);
      return Promise.resolve();
    },
    log: (m) => logged.push(m),
    ...overrides,
    opened,
    external,
    logged,
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}
