// settings.json of this PC (language, operator, PC letter, folders), kept in the data folder.
//
// A settings file that cannot be read (bad JSON, or values the schema refuses — usually a hand
// edit) is never overwritten silently: settings:read reports it as 'corrupt' with defaults in force
// and leaves the file alone. When the user then saves settings anyway, the unreadable file is first
// moved aside to settings.corrupt-<UTC time>.json (never replacing an earlier one) and the new file
// is written from the defaults plus the change; the move is logged through host.log. So the user
// can always save, and nothing they wrote is lost.
import { readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  appSettingsSchema,
  defaultAppSettings,
  type AppSettings,
  type AppSettingsPatch,
} from '../../shared/settings';
import type { SettingsReadResult } from '../../shared/ipc';
import { issueText } from '../../shared/schemas/issues';
import { writeFileAtomic } from './files';

export const SETTINGS_FILE = 'settings.json';

type LoadedSettings =
  | { state: 'missing'; settings: AppSettings }
  | { state: 'ok'; settings: AppSettings; raw: Record<string, unknown> }
  | { state: 'corrupt'; settings: AppSettings; detail: string };

/** "2026-03-05T08:30:00.000Z" → "20260305T083000Z": sortable and legal in Windows file names. */
function compactUtc(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

export interface SettingsStore {
  readonly path: string;
  read(): Promise<SettingsReadResult>;
  write(patch: AppSettingsPatch): Promise<AppSettings>;
}

export function createSettingsStore(opts: {
  dataDir: string;
  now: () => Date;
  log?: (message: string) => void;
}): SettingsStore {
  const path = join(opts.dataDir, SETTINGS_FILE);
  // Writes are read-modify-write; running them one after another keeps two quick saves from
  // undoing each other.
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<LoadedSettings> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        return { state: 'missing', settings: defaultAppSettings };
      return { state: 'corrupt', settings: defaultAppSettings, detail: (err as Error).message };
    }
    let json: unknown;
    try {
      // A BOM appears when the file was saved by Windows Notepad.
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (err) {
      return {
        state: 'corrupt',
        settings: defaultAppSettings,
        detail: `not valid JSON: ${(err as Error).message}`,
      };
    }
    const parsed = appSettingsSchema.safeParse(json);
    if (!parsed.success) {
      const detail = issueText(parsed.error, { whole: '(root)' });
      return { state: 'corrupt', settings: defaultAppSettings, detail };
    }
    return { state: 'ok', settings: parsed.data, raw: json as Record<string, unknown> };
  }

  async function setAside(): Promise<string> {
    const stamp = compactUtc(opts.now());
    for (let n = 1; n < 100; n++) {
      const aside = join(opts.dataDir, `settings.corrupt-${stamp}${n > 1 ? `-${n}` : ''}.json`);
      const taken = await stat(aside).then(
        () => true,
        () => false,
      );
      if (taken) continue;
      await rename(path, aside);
      return aside;
    }
    throw new Error('could not find a free name to set the unreadable settings file aside');
  }

  async function write(patch: AppSettingsPatch): Promise<AppSettings> {
    const current = await load();
    let base: Record<string, unknown> = {};
    if (current.state === 'ok') {
      // Keep keys this version does not know (written by a newer NetDesk on this PC).
      base = current.raw;
    } else if (current.state === 'corrupt') {
      const aside = await setAside();
      opts.log?.(`settings file was unreadable (${current.detail}); moved aside to ${aside}`);
    }
    const next = appSettingsSchema.parse({ ...current.settings, ...patch });
    await writeFileAtomic(path, `${JSON.stringify({ ...base, ...next }, null, 2)}\n`);
    return next;
  }

  return {
    path,
    async read() {
      await queue.catch(() => undefined);
      const current = await load();
      if (current.state === 'corrupt') {
        return { ok: false, error: 'corrupt', settings: current.settings, path, detail: current.detail };
      }
      return { ok: true, settings: current.settings };
    },
    write(patch) {
      const run = queue.then(
        () => write(patch),
        () => write(patch),
      );
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
