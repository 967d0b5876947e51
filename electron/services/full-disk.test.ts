// A full disk while saving a PDF or a backup: the supervisor reads what happened and what to do,
// nothing half-written is left where NetDesk would later list or serve it, and the next save, once
// there is room again, works. The disk is made "full" by failing every write with ENOSPC after its
// first bytes, the way a real full disk fails.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeTestHost, type TestHost } from '../../test/doubles/test-host';

const disk = vi.hoisted(() => ({ full: false, readOnly: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const enospc = (path: unknown) =>
    Object.assign(new Error(`ENOSPC: no space left on device, write '${String(path)}'`), { code: 'ENOSPC' });
  const head = (data: unknown) =>
    typeof data === 'string' ? data.slice(0, 8) : data instanceof Uint8Array ? data.subarray(0, 8) : '';
  const erofs = (path: unknown) =>
    Object.assign(new Error(`EROFS: read-only file system, open '${String(path)}'`), { code: 'EROFS' });
  const fake = {
    ...real,
    async mkdir(...args: Parameters<typeof real.mkdir>) {
      if (disk.readOnly) throw erofs(args[0]);
      return real.mkdir(...args);
    },
    async writeFile(path: Parameters<typeof real.writeFile>[0], data: unknown, options?: unknown) {
      if (disk.readOnly) throw erofs(path);
      if (!disk.full) return real.writeFile(path, data as string, options as undefined);
      await real.writeFile(path, head(data) as string);
      throw enospc(path);
    },
    async appendFile(path: Parameters<typeof real.appendFile>[0], data: unknown, options?: unknown) {
      if (!disk.full) return real.appendFile(path, data as string, options as undefined);
      await real.appendFile(path, head(data));
      throw enospc(path);
    },
    async open(...args: Parameters<typeof real.open>) {
      const handle = await real.open(...args);
      if (!disk.full) return handle;
      return new Proxy(handle, {
        get(target, key) {
          if (key === 'writeFile' || key === 'write')
            return async (data: unknown) => {
              await target.writeFile(head(data));
              throw enospc(args[0]);
            };
          const value = Reflect.get(target, key) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  };
  return { ...fake, default: fake };
});

const { createServices, dispatch } = await import('./index');
const MESSAGE_FULL = '磁盘空间已满，文件没有保存。请腾出磁盘空间后再试。';

let host: TestHost | undefined;
afterEach(async () => {
  disk.full = false;
  disk.readOnly = false;
  await host?.cleanup();
  host = undefined;
});

const pdf = () => new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(4000));
const pdfsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => !n.endsWith('.json')) : []);

describe('a full disk', () => {
  it('while saving a PDF into the reports folder: a clear message, no file left, the next save works', async () => {
    host = await makeTestHost();
    const services = createServices(host);
    const reports = join(host.dataDir, 'reports');
    disk.full = true;
    const r = await dispatch(services, 'pdf:save', {
      fileName: '维修卡.pdf',
      bytes: pdf(),
      target: 'reports',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ code: 'failed', message: MESSAGE_FULL });
    expect(pdfsIn(reports)).toEqual([]);

    disk.full = false;
    const again = await dispatch(services, 'pdf:save', {
      fileName: '维修卡.pdf',
      bytes: pdf(),
      target: 'reports',
    });
    expect(again.ok).toBe(true);
    expect(pdfsIn(reports)).toEqual(['维修卡.pdf']);
  });

  it('while saving a PDF where the dialog pointed: the earlier file of that name is kept whole', async () => {
    const chosenDir = (await makeTestHost()).dataDir;
    host = await makeTestHost({ showSaveDialog: () => Promise.resolve(join(chosenDir, '月报.pdf')) });
    const services = createServices(host);
    const first = await dispatch(services, 'pdf:save', {
      fileName: '月报.pdf',
      bytes: pdf(),
      target: 'dialog',
    });
    expect(first.ok).toBe(true);
    disk.full = true;
    const r = await dispatch(services, 'pdf:save', {
      fileName: '月报.pdf',
      bytes: new TextEncoder().encode('%PDF-1.7 newer'),
      target: 'dialog',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('磁盘空间已满');
    disk.full = false;
    // Only the earlier report, whole: no temporary file beside it.
    expect(readdirSync(chosenDir).filter((n) => n.includes('月报'))).toEqual(['月报.pdf']);
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(join(chosenDir, '月报.pdf'))).byteLength).toBe(pdf().byteLength);
  });

  it('while saving a backup: a clear message, and no backup listed that is not whole', async () => {
    host = await makeTestHost();
    const services = createServices(host);
    disk.full = true;
    const r = await dispatch(services, 'backup:save', {
      fileName: 'netdesk-backup-20260305-1630.json',
      part: 0,
      text: '{"format":"netdesk-backup"',
      last: false,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('磁盘空间已满');
    disk.full = false;
    const list = await dispatch(services, 'backup:list', {});
    expect(list).toMatchObject({ ok: true, value: { backups: [] } });
  });
});

describe('a data folder on a read-only drive', () => {
  it('still reads the settings and the app information; a save says the place is read-only', async () => {
    host = await makeTestHost();
    const services = createServices(host);
    disk.readOnly = true;
    expect(await dispatch(services, 'settings:read', {})).toMatchObject({ ok: true, value: { ok: true } });
    // app:info still answers, and says the folder cannot be written, for the page's banner.
    expect(await dispatch(services, 'app:info', {})).toMatchObject({
      ok: true,
      value: { dataDirWritable: false },
    });
    const r = await dispatch(services, 'settings:write', { operatorName: '李明' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('只读');
    const log = await dispatch(services, 'log:write', { level: 'error', message: 'could not save' });
    expect(log.ok).toBe(true);
  });

  it('is told apart from a writable one, which keeps no trace of the check', async () => {
    host = await makeTestHost();
    const services = createServices(host);
    expect(await dispatch(services, 'app:info', {})).toMatchObject({
      ok: true,
      value: { dataDirWritable: true },
    });
    expect(readdirSync(host.dataDir).filter((n) => n.startsWith('.netdesk'))).toEqual([]);
  });
});
