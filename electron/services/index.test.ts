import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_CHANNELS, type IpcResult } from '../../shared/ipc';
import { defaultAppSettings } from '../../shared/settings';
import { createServices, dispatch, type ServiceTable } from './index';
import { makeTestHost, type TestHost } from '../../test/doubles/test-host';

let host: TestHost;
let services: ServiceTable;

beforeEach(async () => {
  host = await makeTestHost();
  services = createServices(host);
});
afterEach(() => host.cleanup());

const pdf = (text = '%PDF-1.7 test') => new TextEncoder().encode(text);

function value<T>(r: IpcResult<never> | { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return (r as { value: T }).value;
}
function errorOf(r: { ok: boolean; error?: { code: string; message: string; issues?: string[] } }) {
  if (r.ok || !r.error) throw new Error('expected an error');
  return r.error;
}

describe('dispatch', () => {
  it('has a service for every channel', () => {
    expect(Object.keys(services).sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('answers an unknown channel with bad-request', async () => {
    expect(errorOf(await dispatch(services, 'fs:readAnything', {})).code).toBe('bad-request');
    expect(errorOf(await dispatch(services, '__proto__', {})).code).toBe('bad-request');
  });

  it('rejects arguments that do not match the channel schema, listing the problems', async () => {
    const e = errorOf(await dispatch(services, 'settings:write', { pcCode: 'lowercase', evil: true }));
    expect(e.code).toBe('bad-request');
    expect(e.issues?.join('\n')).toMatch(/pcCode|evil/);
    expect(await readdir(host.dataDir)).toEqual([]);
  });

  it.each([
    ['pdf:save', { fileName: '../../evil.pdf', bytes: pdf(), target: 'reports' }],
    ['pdf:save', { fileName: 'card.exe', bytes: pdf(), target: 'reports' }],
    ['pdf:save', { fileName: 'card.pdf', bytes: 'not bytes', target: 'reports' }],
    ['pdf:save', { fileName: 'card.pdf', bytes: new Uint8Array(0), target: 'reports' }],
    ['pdf:save', { fileName: 'card.pdf', bytes: pdf(), target: 'desktop' }],
    ['file:open', { fileName: 'C:\\Windows\\system.pdf' }],
    ['file:open', { fileName: '/etc/passwd.pdf' }],
    ['shell:openExternal', { url: 'file:///C:/Windows/notepad.exe' }],
    ['shell:openExternal', { url: 'javascript:alert(1)' }],
    ['app:info', { extra: 1 }],
    ['app:info', 'a string'],
  ])('rejects %s with %j', async (channel, arg) => {
    expect(errorOf(await dispatch(services, channel, arg)).code).toBe('bad-request');
    expect(host.opened).toEqual([]);
    expect(host.external).toEqual([]);
  });

  it('reports an unexpected failure as failed with its message, never throwing', async () => {
    const broken = { ...services, 'app:info': () => Promise.reject(new Error('disk on fire')) };
    expect(errorOf(await dispatch(broken, 'app:info', {}))).toEqual({
      code: 'failed',
      message: 'disk on fire',
    });
  });

  it('treats a missing argument as an empty request', async () => {
    expect(value<{ name: string }>(await dispatch(services, 'app:info', undefined)).name).toBe('NetDesk');
  });
});

describe('app:info', () => {
  it('reports the default reports folder inside the data folder', async () => {
    expect(value(await dispatch(services, 'app:info', {}))).toEqual({
      name: 'NetDesk',
      version: '0.1.0',
      mode: 'electron',
      platform: 'win32',
      dataDir: host.dataDir,
      dataDirWritable: true,
      reportsDir: join(host.dataDir, 'reports'),
    });
  });

  it('reports the reports folder chosen in settings', async () => {
    await dispatch(services, 'settings:chooseFolder', { which: 'reports', choice: 'documents' });
    expect(value<{ reportsDir: string }>(await dispatch(services, 'app:info', {})).reportsDir).toBe(
      join(host.documentsDir, 'NetDesk 报表'),
    );
  });
});

describe('settings through dispatch', () => {
  it('reads defaults, writes a change, reads it back', async () => {
    expect(value(await dispatch(services, 'settings:read', {}))).toEqual({
      ok: true,
      settings: defaultAppSettings,
    });
    value(await dispatch(services, 'settings:write', { language: 'en' }));
    expect(value(await dispatch(services, 'settings:read', {}))).toEqual({
      ok: true,
      settings: { ...defaultAppSettings, language: 'en' },
    });
  });

  it('a save of one field (the language switch in the header) keeps the user and the PC letter', async () => {
    value(await dispatch(services, 'settings:write', { operatorName: '王工', pcCode: 'B' }));
    value(await dispatch(services, 'settings:write', { language: 'en' }));
    const onDisk = JSON.parse(await readFile(join(host.dataDir, 'settings.json'), 'utf8')) as object;
    expect(onDisk).toMatchObject({ language: 'en', operatorName: '王工', pcCode: 'B' });
    expect(value(await dispatch(services, 'settings:read', {}))).toMatchObject({
      settings: { language: 'en', operatorName: '王工', pcCode: 'B' },
    });
  });

  it('reports a corrupt file as data, not as an error', async () => {
    await writeFile(join(host.dataDir, 'settings.json'), '{oops');
    expect(value(await dispatch(services, 'settings:read', {}))).toMatchObject({
      ok: false,
      error: 'corrupt',
    });
  });
});

describe('pdf:save', () => {
  const reports = () => join(host.dataDir, 'reports');

  it('creates the reports folder and saves the PDF there', async () => {
    const r = value<{ saved: boolean; fileName: string; path: string }>(
      await dispatch(services, 'pdf:save', {
        fileName: '维修申请卡 WX-2026-A-0001.pdf',
        bytes: pdf(),
        target: 'reports',
      }),
    );
    expect(r).toEqual({
      saved: true,
      fileName: '维修申请卡 WX-2026-A-0001.pdf',
      path: join(reports(), '维修申请卡 WX-2026-A-0001.pdf'),
    });
    expect(await readFile(r.path, 'utf8')).toBe('%PDF-1.7 test');
    expect(host.opened).toEqual([]);
  });

  it('keeps an earlier report of the same name and numbers the new one', async () => {
    const req = { fileName: 'KPI 2026-02.pdf', bytes: pdf('first'), target: 'reports' };
    await dispatch(services, 'pdf:save', req);
    const second = value<{ fileName: string }>(
      await dispatch(services, 'pdf:save', { ...req, bytes: pdf('second') }),
    );
    const third = value<{ fileName: string }>(
      await dispatch(services, 'pdf:save', { ...req, bytes: pdf('third') }),
    );
    expect([second.fileName, third.fileName]).toEqual(['KPI 2026-02 (2).pdf', 'KPI 2026-02 (3).pdf']);
    expect(await readFile(join(reports(), 'KPI 2026-02.pdf'), 'utf8')).toBe('first');
  });

  it('opens the saved file for printing when asked', async () => {
    const r = value<{ path: string }>(
      await dispatch(services, 'pdf:save', {
        fileName: 'card.pdf',
        bytes: pdf(),
        target: 'reports',
        open: true,
      }),
    );
    expect(host.opened).toEqual([r.path]);
  });

  it('says where the PDF was saved when the viewer cannot open it', async () => {
    services = createServices({ ...host, openPath: () => Promise.reject(new Error('没有关联的程序')) });
    const e = errorOf(
      await dispatch(services, 'pdf:save', {
        fileName: 'card.pdf',
        bytes: pdf(),
        target: 'reports',
        open: true,
      }),
    );
    expect(e.code).toBe('failed');
    expect(e.message).toContain(join(reports(), 'card.pdf'));
    expect(e.message).toContain('没有关联的程序');
    expect(await readFile(join(reports(), 'card.pdf'), 'utf8')).toBe('%PDF-1.7 test');
  });

  it('saves where the user chose in the save dialog', async () => {
    const chosen = join(host.dataDir, 'desktop', 'my card.pdf');
    await mkdir(join(host.dataDir, 'desktop'));
    host = { ...host, showSaveDialog: (name) => Promise.resolve(name === 'card.pdf' ? chosen : undefined) };
    services = createServices(host);
    const r = value(
      await dispatch(services, 'pdf:save', { fileName: 'card.pdf', bytes: pdf(), target: 'dialog' }),
    );
    expect(r).toEqual({ saved: true, fileName: 'my card.pdf', path: chosen });
    expect(await readFile(chosen, 'utf8')).toBe('%PDF-1.7 test');
  });

  it('saves nothing when the user cancels the save dialog', async () => {
    services = createServices({ ...host, showSaveDialog: () => Promise.resolve(undefined) });
    const r = value(
      await dispatch(services, 'pdf:save', {
        fileName: 'card.pdf',
        bytes: pdf(),
        target: 'dialog',
        open: true,
      }),
    );
    expect(r).toEqual({ saved: false });
    expect(await readdir(host.dataDir)).toEqual([]);
    expect(host.opened).toEqual([]);
  });

  it('falls back to the reports folder where there is no save dialog (browser mode)', async () => {
    services = createServices({
      ...host,
      mode: 'browser',
      showSaveDialog: undefined,
      openPath: () => Promise.resolve({ opened: false, url: '/files/card.pdf' }),
    });
    const r = value(
      await dispatch(services, 'pdf:save', {
        fileName: 'card.pdf',
        bytes: pdf(),
        target: 'dialog',
        open: true,
      }),
    );
    expect(r).toEqual({
      saved: true,
      fileName: 'card.pdf',
      path: join(reports(), 'card.pdf'),
      url: '/files/card.pdf',
    });
  });

  it('reports a reports folder that cannot be created as failed', async () => {
    await writeFile(join(host.dataDir, 'blocker'), 'a file, not a folder');
    services = createServices({
      ...host,
      chooseFolder: () => Promise.resolve(join(host.dataDir, 'blocker', 'reports')),
    });
    value(await dispatch(services, 'settings:chooseFolder', { which: 'reports', choice: 'dialog' }));
    const e = errorOf(
      await dispatch(services, 'pdf:save', { fileName: 'card.pdf', bytes: pdf(), target: 'reports' }),
    );
    expect(e.code).toBe('failed');
  });
});

describe('file:open', () => {
  const reports = () => join(host.dataDir, 'reports');

  it('opens a report saved earlier', async () => {
    await dispatch(services, 'pdf:save', { fileName: 'card.pdf', bytes: pdf(), target: 'reports' });
    expect(value(await dispatch(services, 'file:open', { fileName: 'card.pdf' }))).toEqual({ opened: true });
    expect(host.opened).toEqual([join(reports(), 'card.pdf')]);
  });

  it('answers not-found for a report that does not exist', async () => {
    const e = errorOf(await dispatch(services, 'file:open', { fileName: 'gone.pdf' }));
    expect(e.code).toBe('not-found');
    expect(e.message).toContain('gone.pdf');
  });

  it('answers not-found for a folder that happens to end in .pdf', async () => {
    await mkdir(join(reports(), 'folder.pdf'), { recursive: true });
    expect(errorOf(await dispatch(services, 'file:open', { fileName: 'folder.pdf' })).code).toBe('not-found');
  });

  it.each(['..pdf', '../x.pdf', '..\\x.pdf', '%2e%2e/x.pdf'])('never opens %s', async (fileName) => {
    const r = await dispatch(services, 'file:open', { fileName });
    expect(r.ok).toBe(false);
    expect(host.opened).toEqual([]);
  });

  it('refuses a link inside the reports folder that points outside it', async () => {
    await mkdir(reports(), { recursive: true });
    const secret = join(host.dataDir, 'secret.pdf');
    await writeFile(secret, 'not a report');
    await symlink(secret, join(reports(), 'link.pdf'));
    expect(errorOf(await dispatch(services, 'file:open', { fileName: 'link.pdf' })).code).toBe('not-found');
    expect(host.opened).toEqual([]);
  });

  it('opens only PDFs NetDesk issued: not one placed in the folder, nor one changed since', async () => {
    await dispatch(services, 'pdf:save', { fileName: 'card.pdf', bytes: pdf(), target: 'reports' });
    await writeFile(join(reports(), 'planted.pdf'), '%PDF-1.7 from elsewhere');
    expect(errorOf(await dispatch(services, 'file:open', { fileName: 'planted.pdf' })).code).toBe(
      'not-found',
    );
    await writeFile(join(reports(), 'card.pdf'), '%PDF-1.7 swapped');
    expect(errorOf(await dispatch(services, 'file:open', { fileName: 'card.pdf' })).code).toBe('not-found');
    expect(host.opened).toEqual([]);
  });
});

describe('choosing folders', () => {
  it('refuses reportsDir and syncFolder from the page, saying how folders are chosen', async () => {
    for (const patch of [
      { reportsDir: '../../elsewhere' },
      { reportsDir: 'C:\\Windows' },
      { syncFolder: '/tmp/anywhere' },
      { language: 'en', syncFolder: '' },
    ]) {
      const e = errorOf(await dispatch(services, 'settings:write', patch));
      expect(e.code, JSON.stringify(patch)).toBe('bad-request');
      expect(e.issues?.join('\n'), JSON.stringify(patch)).toMatch(/Choose folder/);
    }
    expect(await readdir(host.dataDir)).toEqual([]);
  });

  it("stores the folder the main process's own dialog returned", async () => {
    const picked: string[] = [];
    services = createServices({
      ...host,
      chooseFolder: (purpose) => {
        picked.push(purpose);
        return Promise.resolve(purpose === 'sync' ? '\\\\fs01\\网管\\netdesk' : '/home/wang/报表');
      },
    });
    const sync = value<{ chosen: boolean; settings: { syncFolder: string } }>(
      await dispatch(services, 'settings:chooseFolder', { which: 'sync', choice: 'dialog' }),
    );
    expect(sync).toMatchObject({ chosen: true, settings: { syncFolder: '\\\\fs01\\网管\\netdesk' } });
    value(await dispatch(services, 'settings:chooseFolder', { which: 'reports', choice: 'dialog' }));
    expect(picked).toEqual(['sync', 'reports']);
    expect(value<{ reportsDir: string }>(await dispatch(services, 'app:info', {})).reportsDir).toBe(
      '/home/wang/报表',
    );
  });

  it('changes nothing when the dialog is cancelled', async () => {
    services = createServices({ ...host, chooseFolder: () => Promise.resolve(undefined) });
    expect(
      value(await dispatch(services, 'settings:chooseFolder', { which: 'sync', choice: 'dialog' })),
    ).toEqual({
      chosen: false,
      settings: defaultAppSettings,
    });
  });

  it('refuses a chosen path with a NUL or control character, clearly', async () => {
    services = createServices({ ...host, chooseFolder: () => Promise.resolve('/mnt/share\0/etc') });
    const e = errorOf(await dispatch(services, 'settings:chooseFolder', { which: 'sync', choice: 'dialog' }));
    expect(e.code).toBe('bad-request');
    expect(e.message).toMatch(/NUL/);
  });

  it('has no dialog in browser mode, and says where the shared folder is given instead', async () => {
    const e = errorOf(await dispatch(services, 'settings:chooseFolder', { which: 'sync', choice: 'dialog' }));
    expect(e.code).toBe('forbidden');
    expect(e.message).toMatch(/--sync-folder/);
  });

  it('offers the default reports folder and sync off without a dialog', async () => {
    await dispatch(services, 'settings:chooseFolder', { which: 'reports', choice: 'documents' });
    await dispatch(services, 'settings:chooseFolder', { which: 'reports', choice: 'default' });
    expect(value<{ reportsDir: string }>(await dispatch(services, 'app:info', {})).reportsDir).toBe(
      join(host.dataDir, 'reports'),
    );
    const off = value<{ settings: { syncFolder: string } }>(
      await dispatch(services, 'settings:chooseFolder', { which: 'sync', choice: 'off' }),
    );
    expect(off.settings.syncFolder).toBe('');
    // A path is never part of the request.
    const e = errorOf(
      await dispatch(services, 'settings:chooseFolder', { which: 'reports', choice: 'dialog', path: '/etc' }),
    );
    expect(e.code).toBe('bad-request');
  });

  it('makes a Windows device name or a right-to-left override harmless in a saved PDF name', async () => {
    const con = value<{ fileName: string }>(
      await dispatch(services, 'pdf:save', { fileName: 'CON.pdf', bytes: pdf(), target: 'reports' }),
    );
    expect(con.fileName).toBe('CON_.pdf');
    const rlo = value<{ fileName: string }>(
      await dispatch(services, 'pdf:save', {
        fileName: '维修卡\u202Efdp.exe.pdf',
        bytes: pdf(),
        target: 'reports',
      }),
    );
    expect(rlo.fileName).toBe('维修卡fdp.exe.pdf');
    const nul = errorOf(
      await dispatch(services, 'pdf:save', { fileName: 'card\0.pdf', bytes: pdf(), target: 'reports' }),
    );
    expect(nul.issues?.join('\n')).toMatch(/NUL/);
  });
});

describe('shell:openExternal', () => {
  it('opens an https link in the browser', async () => {
    expect(
      value(await dispatch(services, 'shell:openExternal', { url: 'https://www.example.com/a?b=1' })),
    ).toEqual({
      opened: true,
    });
    expect(host.external).toEqual(['https://www.example.com/a?b=1']);
  });

  it('re-checks the link itself when called directly', async () => {
    await expect(services['shell:openExternal']({ url: 'smb://fileserver/share' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(host.external).toEqual([]);
  });
});
