// File-system layers for sync tests and measurements: a folder kept in memory, and a wrapper
// that injects the faults a shared folder shows in real life (a write cut off, EPERM from an
// antivirus scanner, files that other PCs see late, a share that vanishes). Used by tests only.
import { posix } from 'node:path';
import type { SyncFs } from '../../electron/sync/fs';

function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/** A whole file system in memory: fast enough for property tests with thousands of files. */
export class MemoryFs implements SyncFs {
  readonly files = new Map<string, Uint8Array>();
  readonly dirs = new Set<string>(['/']);

  private parentExists(path: string) {
    return this.dirs.has(posix.dirname(posix.normalize(path)));
  }

  readFile(path: string): Promise<Uint8Array> {
    const data = this.files.get(posix.normalize(path));
    return data ? Promise.resolve(data.slice()) : Promise.reject(fsError('ENOENT', path));
  }

  writeFile(path: string, data: Uint8Array | string): Promise<void> {
    if (!this.parentExists(path)) return Promise.reject(fsError('ENOENT', path));
    this.files.set(
      posix.normalize(path),
      typeof data === 'string' ? new TextEncoder().encode(data) : data.slice(),
    );
    return Promise.resolve();
  }

  readRange(path: string, start: number, length: number): Promise<Uint8Array> {
    const data = this.files.get(posix.normalize(path));
    return data
      ? Promise.resolve(data.slice(start, start + length))
      : Promise.reject(fsError('ENOENT', path));
  }

  size(path: string): Promise<number> {
    const data = this.files.get(posix.normalize(path));
    return data ? Promise.resolve(data.byteLength) : Promise.reject(fsError('ENOENT', path));
  }

  appendFile(path: string, data: Uint8Array | string): Promise<void> {
    if (!this.parentExists(path)) return Promise.reject(fsError('ENOENT', path));
    const before = this.files.get(posix.normalize(path)) ?? new Uint8Array();
    const added = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const joined = new Uint8Array(before.byteLength + added.byteLength);
    joined.set(before);
    joined.set(added, before.byteLength);
    this.files.set(posix.normalize(path), joined);
    return Promise.resolve();
  }

  rename(from: string, to: string): Promise<void> {
    const data = this.files.get(posix.normalize(from));
    if (!data || !this.parentExists(to)) return Promise.reject(fsError('ENOENT', from));
    this.files.delete(posix.normalize(from));
    this.files.set(posix.normalize(to), data);
    return Promise.resolve();
  }

  readdir(path: string): Promise<string[]> {
    const dir = posix.normalize(path);
    if (!this.dirs.has(dir)) return Promise.reject(fsError('ENOENT', path));
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs])
      if (p !== dir && posix.dirname(p) === dir) names.add(posix.basename(p));
    return Promise.resolve([...names]);
  }

  mkdir(path: string): Promise<void> {
    let dir = posix.normalize(path);
    while (!this.dirs.has(dir)) {
      this.dirs.add(dir);
      dir = posix.dirname(dir);
    }
    return Promise.resolve();
  }

  unlink(path: string): Promise<void> {
    return this.files.delete(posix.normalize(path))
      ? Promise.resolve()
      : Promise.reject(fsError('ENOENT', path));
  }

  exists(path: string): Promise<boolean> {
    const p = posix.normalize(path);
    return Promise.resolve(this.files.has(p) || this.dirs.has(p));
  }

  /** Remove a folder and everything in it (an unmounted share, a wiped folder). */
  removeTree(path: string): void {
    const root = posix.normalize(path);
    const inside = (p: string) => p === root || p.startsWith(`${root}/`);
    for (const p of [...this.files.keys()]) if (inside(p)) this.files.delete(p);
    for (const p of [...this.dirs]) if (inside(p)) this.dirs.delete(p);
  }
}

/** Faults to inject; change the fields while a test runs. */
export interface Faults {
  /** The next N renames fail with this code (EPERM as an antivirus scanner causes). */
  renameFailures: number;
  renameCode: string;
  /** Final names (after rename) that readers do not see yet; `reveal` shows them. */
  hidden: Set<string>;
  /** Decides, for each file renamed into place, whether other PCs see it late. */
  delay: (path: string) => boolean;
  /** After this many more calls, every call fails with ENOENT (the share is gone). */
  vanishAfter: number | null;
  vanished: boolean;
  /** Cut the next write of a matching path to half its bytes and fail it (power cut mid-write). */
  cutWrite: ((path: string) => boolean) | null;
  renames: number;
}

export function noFaults(): Faults {
  return {
    renameFailures: 0,
    renameCode: 'EPERM',
    hidden: new Set(),
    delay: () => false,
    vanishAfter: null,
    vanished: false,
    cutWrite: null,
    renames: 0,
  };
}

/** A view of `inner` through injected faults. Several views may share one `faults` object. */
export function faultyFs(inner: SyncFs, faults: Faults): SyncFs {
  const gate = (path: string) => {
    if (faults.vanishAfter !== null) {
      if (faults.vanishAfter <= 0) faults.vanished = true;
      else faults.vanishAfter--;
    }
    if (faults.vanished) throw fsError('ENOENT', path);
  };
  const visible = (path: string) => !faults.hidden.has(posix.normalize(path));
  return {
    async readFile(path) {
      gate(path);
      if (!visible(path)) throw fsError('ENOENT', path);
      return inner.readFile(path);
    },
    async writeFile(path, data) {
      gate(path);
      if (faults.cutWrite?.(path)) {
        faults.cutWrite = null;
        const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
        await inner.writeFile(path, bytes.slice(0, Math.floor(bytes.byteLength / 2)));
        throw fsError('EIO', path);
      }
      return inner.writeFile(path, data);
    },
    async readRange(path, start, length) {
      gate(path);
      if (!visible(path)) throw fsError('ENOENT', path);
      return inner.readRange(path, start, length);
    },
    async size(path) {
      gate(path);
      if (!visible(path)) throw fsError('ENOENT', path);
      return inner.size(path);
    },
    async appendFile(path, data) {
      gate(path);
      if (faults.cutWrite?.(path)) {
        faults.cutWrite = null;
        const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
        await inner.appendFile(path, bytes.slice(0, Math.floor(bytes.byteLength / 2)));
        throw fsError('EIO', path);
      }
      return inner.appendFile(path, data);
    },
    async rename(from, to) {
      gate(from);
      faults.renames++;
      if (faults.renameFailures > 0) {
        faults.renameFailures--;
        throw fsError(faults.renameCode, to);
      }
      await inner.rename(from, to);
      if (faults.delay(to)) faults.hidden.add(posix.normalize(to));
    },
    async readdir(path) {
      gate(path);
      const dir = posix.normalize(path);
      return (await inner.readdir(path)).filter((name) => visible(posix.join(dir, name)));
    },
    async mkdir(path) {
      gate(path);
      return inner.mkdir(path);
    },
    async unlink(path) {
      gate(path);
      faults.hidden.delete(posix.normalize(path));
      return inner.unlink(path);
    },
    async exists(path) {
      gate(path);
      return visible(path) && inner.exists(path);
    },
  };
}

/** Show some (or all) late files. */
export function reveal(faults: Faults, pick: (path: string) => boolean = () => true): void {
  for (const path of [...faults.hidden]) if (pick(path)) faults.hidden.delete(path);
}
