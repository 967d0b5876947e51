// The storage seam of sync. Everything sync does to "the folder" goes through SyncFs: the shared
// network folder (nodeFs, below) and a WebDAV server (webdav-fs.ts) are its two implementations,
// tests replace it (memory, faults: truncation, EPERM on rename, files seen late, a folder that
// vanishes) and the app bounds how long it waits on a slow share or server.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { NotConnectedReason } from '../../shared/sync/types';

export interface SyncFs {
  readFile(path: string): Promise<Uint8Array>;
  /** Create or replace a file and flush it to the disk (fsync) before resolving. */
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  /**
   * Add to the end of a file (created if missing) and flush it (fsync) before resolving. Only
   * for a temp file being built in parts (a large snapshot), which is renamed into place whole.
   */
  appendFile(path: string, data: Uint8Array | string): Promise<void>;
  /**
   * Up to `length` bytes of a file from byte `start` (fewer at its end). For reading a large
   * snapshot a piece at a time, never whole.
   */
  readRange(path: string, start: number, length: number): Promise<Uint8Array>;
  /** A file's size in bytes (rejects with ENOENT when it is missing). */
  size(path: string): Promise<number>;
  rename(from: string, to: string): Promise<void>;
  /**
   * Rename only if nothing has the new name yet (rejects with EEXIST otherwise), in one step on
   * the server. Optional: where missing, a new-name-only write checks first and then renames.
   */
  renameNew?(from: string, to: string): Promise<void>;
  /** Names in a folder; rejects with ENOENT when the folder is missing. */
  readdir(path: string): Promise<string[]>;
  /** Create a folder and its parents; no error when it exists. */
  mkdir(path: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Whether a file or folder exists (false for ENOENT; other errors reject). */
  exists(path: string): Promise<boolean>;
  /**
   * A sync pass begins (SyncFolder.readRoot): a storage that answers from one listing per pass
   * (WebDAV) takes a fresh one at the next question. Optional: the disk answers every call anew.
   */
  beginPass?(): void;
}

/** The real disk (or share), through node:fs. */
export const nodeFs: SyncFs = {
  readFile: (path) => readFile(path),
  async writeFile(path, data) {
    const handle = await open(path, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async appendFile(path, data) {
    const handle = await open(path, 'a');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async readRange(path, start, length) {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, start);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
  size: async (path) => (await stat(path)).size,
  rename: (from, to) => rename(from, to),
  readdir: (path) => readdir(path),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
  unlink: (path) => unlink(path),
  async exists(path) {
    try {
      await stat(path);
      return true;
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return false;
      throw err;
    }
  },
};

export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

/**
 * The status a failed storage call gives: an error may carry its own (`syncReason`, set by the
 * WebDAV layer for a 401, a 507, a captive portal…); otherwise a timeout or "unreachable".
 */
export function reasonOf(err: unknown): NotConnectedReason {
  if (typeof err === 'object' && err !== null && 'syncReason' in err)
    return err.syncReason as NotConnectedReason;
  return errorCode(err) === 'ETIMEDOUT' ? 'timeout' : 'unreachable';
}

/** Raised by a SyncFs call that took longer than allowed (a hung share). */
export class SyncTimeoutError extends Error {
  override readonly name = 'SyncTimeoutError';
  readonly code = 'ETIMEDOUT';
}

/**
 * Wrap a SyncFs so that no call waits longer than `ms`. The call itself may still finish in the
 * background; sync just stops waiting, reports "timeout" and tries again next time.
 */
export function withTimeout(fs: SyncFs, ms: number): SyncFs {
  const bound =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      new Promise<R>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new SyncTimeoutError(`${name} took longer than ${ms} ms: ${String(args[0])}`)),
          ms,
        );
        fn(...args).then(
          (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          (err: unknown) => {
            clearTimeout(timer);
            reject(err instanceof Error ? err : new Error(String(err)));
          },
        );
      });
  return {
    readFile: bound('read', (p: string) => fs.readFile(p)),
    writeFile: bound('write', (p: string, d: Uint8Array | string) => fs.writeFile(p, d)),
    appendFile: bound('append', (p: string, d: Uint8Array | string) => fs.appendFile(p, d)),
    readRange: bound('read', (p: string, start: number, length: number) => fs.readRange(p, start, length)),
    size: bound('stat', (p: string) => fs.size(p)),
    rename: bound('rename', (a: string, b: string) => fs.rename(a, b)),
    ...(fs.renameNew && {
      renameNew: bound('rename', (a: string, b: string) => fs.renameNew!(a, b)),
    }),
    readdir: bound('list', (p: string) => fs.readdir(p)),
    mkdir: bound('mkdir', (p: string) => fs.mkdir(p)),
    unlink: bound('delete', (p: string) => fs.unlink(p)),
    exists: bound('stat', (p: string) => fs.exists(p)),
    ...(fs.beginPass && { beginPass: () => fs.beginPass!() }),
  };
}

/** Errors antivirus scanners and SMB shares raise for a moment while they hold a file. */
const TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES']);

export interface AtomicWriteOptions {
  /** Refuse to replace an existing file with different content (journal files never change). */
  newNameOnly?: boolean;
  /** Waits between rename attempts, in ms; one more attempt than waits. */
  backoffMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_BACKOFF_MS = [50, 100, 200, 400, 800, 1600] as const;
export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Raised when a new-name-only write finds a different file already under that name. */
export class FileExistsError extends Error {
  override readonly name = 'FileExistsError';
  readonly code = 'EEXIST';
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Write a file so that readers see it whole or not at all: write a temporary file beside it,
 * flush it, then rename it to the final name, retrying the rename with growing waits while
 * the share or an antivirus scanner holds the file (EPERM/EBUSY/EACCES).
 */
export async function writeAtomic(
  fs: SyncFs,
  path: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const { newNameOnly = false, backoffMs = DEFAULT_BACKOFF_MS, sleep = realSleep } = options;
  if (newNameOnly && (await fs.exists(path))) {
    // Written before by a sync interrupted after the rename: the same bytes are fine.
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (sameBytes(await fs.readFile(path), bytes)) return;
    throw new FileExistsError(`a different file already has this name: ${path}`);
  }
  const temp = tempNameFor(path);
  await fs.writeFile(temp, data);
  await renameIntoPlace(fs, temp, path, { backoffMs, sleep, newNameOnly });
}

/** The temp file beside `path` that a write goes to first: `.<name>.<random>.tmp`. */
export function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
}

/**
 * Rename a finished, flushed temp file to its final name, retrying with growing waits while the
 * share or an antivirus scanner holds it (EPERM/EBUSY/EACCES). On failure the temp is removed.
 */
export async function renameIntoPlace(
  fs: SyncFs,
  temp: string,
  path: string,
  options: Pick<AtomicWriteOptions, 'backoffMs' | 'sleep' | 'newNameOnly'> = {},
): Promise<void> {
  const { backoffMs = DEFAULT_BACKOFF_MS, sleep = realSleep, newNameOnly = false } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      // Where the storage can refuse to replace in the same step (WebDAV MOVE, Overwrite: F),
      // a file that must stay new is never replaced, even by a write that raced the check above.
      if (newNameOnly && fs.renameNew) await fs.renameNew(temp, path);
      else await fs.rename(temp, path);
      return;
    } catch (err) {
      const code = errorCode(err);
      if (code && TRANSIENT.has(code) && attempt < backoffMs.length) {
        await sleep(backoffMs[attempt]!);
        continue;
      }
      await fs.unlink(temp).catch(() => undefined);
      throw err;
    }
  }
}
