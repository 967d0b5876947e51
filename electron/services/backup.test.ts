// backup:save and backup:list against temp folders: a backup in parts becomes a file only after
// it read back whole and valid with the counts expected; a damaged one never counts; a copy goes
// to the shared folder only when it is a reachable NetDesk sync folder; old backups are removed.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  parseBackup,
  serializeBackup,
  withoutDeviceSecrets,
  type LedgerBackup,
} from '../../shared/backup';
import { ROOT_FILE } from '../../shared/sync/format';
import { createBackupService } from './backup';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'netdesk-backup-svc-'));
  dirs.push(dir);
  return dir;
}

const at = '2026-03-02T08:00:00.000Z';
const stamp = `${String(Date.parse(at)).padStart(15, '0')}-0000-aaaaaaaaaaaaaaaa`;
const backup: LedgerBackup = {
  format: BACKUP_FORMAT,
  version: BACKUP_VERSION,
  exportedAt: at,
  tables: {
    departments: [
      {
        id: 'd1',
        name: '信息部',
        headPersonId: null,
        note: '',
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
        hlc: { name: stamp },
      } as never,
    ],
  },
  attachments: [],
};

describe('backup:save', () => {
  it('writes a backup sent in parts, verified, into <dataDir>/backups and the shared folder', async () => {
    const dataDir = temp();
    const shared = temp();
    writeFileSync(join(shared, ROOT_FILE), '{}');
    const svc = createBackupService({ dataDir, syncFolder: () => Promise.resolve(shared) });
    const text = serializeBackup(backup);
    const cut = Math.floor(text.length / 2);
    const fileName = 'netdesk-backup-20260302-1600.json';
    expect((await svc.save({ fileName, part: 0, text: text.slice(0, cut), last: false })).done).toBe(false);
    const done = await svc.save({
      fileName,
      part: 1,
      text: text.slice(cut),
      last: true,
      expect: { records: 1, attachments: 0 },
    });
    expect(done.done).toBe(true);
    expect(done.path).toBe(join(dataDir, 'backups', fileName));
    expect(done.sharedPath).toBe(join(shared, 'backups', fileName));
    expect(existsSync(done.sharedPath!)).toBe(true);
    const list = await svc.list();
    expect(list.backups).toEqual([
      { name: fileName, size: done.size, takenAt: '2026-03-02 16:00', includesSecrets: false },
    ]);
  });

  it('never counts a backup that does not read back with what was written', async () => {
    const dataDir = temp();
    const svc = createBackupService({ dataDir, syncFolder: () => Promise.resolve('') });
    const fileName = 'netdesk-backup-20260302-1601.json';
    await expect(
      svc.save({
        fileName,
        part: 0,
        text: serializeBackup(backup),
        last: true,
        expect: { records: 5, attachments: 0 },
      }),
    ).rejects.toThrow(/expected 5/);
    await expect(
      svc.save({
        fileName,
        part: 0,
        text: '{"format":"netdesk-backup"',
        last: true,
        expect: { records: 0, attachments: 0 },
      }),
    ).rejects.toThrow(/read back/);
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([]);
    // Parts out of order are refused.
    await expect(svc.save({ fileName, part: 3, text: 'x', last: false })).rejects.toThrow(/out of order/);
  });

  it('keeps device passwords in the -pw backup on this PC and never in the shared folder', async () => {
    const dataDir = temp();
    const shared = temp();
    writeFileSync(join(shared, ROOT_FILE), '{}');
    const svc = createBackupService({ dataDir, syncFolder: () => Promise.resolve(shared) });
    const password = 'admin / Netdesk#2026';
    const withSecret: LedgerBackup = {
      ...backup,
      tables: {
        ...backup.tables,
        devices: [
          {
            id: 'sw1',
            assetTag: 'SW-CORE-01',
            type: 'switch',
            secret: password,
            createdAt: at,
            updatedAt: at,
            deletedAt: null,
            hlc: { assetTag: stamp, secret: stamp },
          } as never,
        ],
      },
    };
    const done = await svc.save({
      fileName: 'netdesk-backup-20260302-1603.json',
      part: 0,
      text: serializeBackup(withSecret),
      last: true,
      expect: { records: 2, attachments: 0 },
    });
    const read = (path: string) => {
      const parsed = parseBackup(readFileSync(path, 'utf8'));
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
      return parsed.backup.tables.devices![0]!;
    };
    expect(done.path).toBe(join(dataDir, 'backups', 'netdesk-backup-20260302-1603-pw.json'));
    expect(read(done.path!).secret).toBe(password);
    expect(done.sharedPath).toBe(join(shared, 'backups', 'netdesk-backup-20260302-1603.json'));
    const onShare = read(done.sharedPath!);
    expect(onShare.secret).toBe('');
    // Without its stamp the blank never overwrites a password when that copy is restored.
    expect(onShare.hlc.secret).toBeUndefined();
    expect(onShare.assetTag).toBe('SW-CORE-01');
    expect(readFileSync(done.sharedPath!, 'utf8')).not.toContain('Netdesk#2026');
    expect((await svc.list()).backups.map((b) => [b.name, b.includesSecrets])).toEqual([
      ['netdesk-backup-20260302-1603-pw.json', true],
    ]);
  });

  it('does not copy into a shared folder that holds no NetDesk sync root (an unmounted share)', async () => {
    const dataDir = temp();
    const shared = temp();
    const svc = createBackupService({ dataDir, syncFolder: () => Promise.resolve(shared) });
    const done = await svc.save({
      fileName: 'netdesk-backup-20260302-1602.json',
      part: 0,
      text: serializeBackup(backup),
      last: true,
      expect: { records: 1, attachments: 0 },
    });
    expect(done.done).toBe(true);
    expect(done.sharedProblem).toMatch(/not reachable/);
    expect(existsSync(join(shared, 'backups'))).toBe(false);
  });

  it('removes old backups by the retention rule, leaving other files alone', async () => {
    const dataDir = temp();
    const dir = join(dataDir, 'backups');
    mkdirSync(dir, { recursive: true });
    for (let d = 1; d <= 20; d++)
      writeFileSync(join(dir, `netdesk-backup-202602${String(d).padStart(2, '0')}-0900.json`), '{}');
    writeFileSync(join(dir, 'readme.txt'), 'keep me');
    const svc = createBackupService({ dataDir, syncFolder: () => Promise.resolve('') });
    const done = await svc.save({
      fileName: 'netdesk-backup-20260302-0900.json',
      part: 0,
      text: serializeBackup(backup),
      last: true,
      expect: { records: 1, attachments: 0 },
    });
    const left = readdirSync(dir);
    expect(left).toContain('readme.txt');
    expect(left).toContain('netdesk-backup-20260302-0900.json');
    expect(left.filter((n) => n.startsWith('netdesk-backup-'))).toHaveLength(14);
    expect(done.removed).toContain('netdesk-backup-20260201-0900.json');
  });

  it("names the shared copy after the PC, so two PCs' backups of the same minute both stay", async () => {
    const shared = temp();
    writeFileSync(join(shared, ROOT_FILE), '{}');
    const fileName = 'netdesk-backup-20260302-1700.json';
    const password = 'admin / Netdesk#2026 😀';
    const made: string[] = [];
    for (const [nodeId, secret] of [
      ['3f9c21ab77e0d412', password],
      ['b7d0e5aa01c2f9e3', ''],
    ] as const) {
      const svc = createBackupService({ dataDir: temp(), syncFolder: () => Promise.resolve(shared) });
      // Laid out as NetDesk writes it: the source before the tables.
      const fromPc: LedgerBackup = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: at,
        source: { nodeId, name: '网络中心 主管电脑' },
        tables: {
          ...backup.tables,
          devices: [
            {
              id: 'sw1',
              assetTag: 'SW-CORE-01',
              type: 'switch',
              secret,
              note: '机房 😀 2F',
              createdAt: at,
              updatedAt: at,
              deletedAt: null,
              hlc: secret ? { assetTag: stamp, secret: stamp } : { assetTag: stamp },
            } as never,
          ],
        },
        attachments: [],
      };
      const done = await svc.save({
        fileName,
        part: 0,
        text: serializeBackup(fromPc),
        last: true,
        expect: { records: 2, attachments: 0 },
      });
      made.push(done.sharedPath!);
      // The copy is the same backup but for the passwords, byte for byte.
      expect(readFileSync(done.sharedPath!, 'utf8')).toBe(serializeBackup(withoutDeviceSecrets(fromPc)));
    }
    expect(made).toEqual([
      join(shared, 'backups', 'netdesk-backup-20260302-1700-pc-3f9c21ab.json'),
      join(shared, 'backups', 'netdesk-backup-20260302-1700-pc-b7d0e5aa.json'),
    ]);
    expect(readdirSync(join(shared, 'backups')).sort()).toEqual(made.map((p) => p.split('/').at(-1)).sort());
  });
});
