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
  utimesSync,
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
import type { BackupSaveResult } from '../../shared/sync-ipc';
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

type Service = ReturnType<typeof createBackupService>;

/** Send a whole backup in one part, as the app does for a small ledger. */
function saveWhole(svc: Service, fileName: string, doc: LedgerBackup = backup): Promise<BackupSaveResult> {
  const records = Object.values(doc.tables).reduce((n, rows) => n + (rows?.length ?? 0), 0);
  return svc.save({
    fileName,
    part: 0,
    text: serializeBackup(doc),
    last: true,
    expect: { records, attachments: doc.attachments?.length ?? 0 },
  });
}

/** The same one-department ledger, as written by the PC whose sync node id is `nodeId`. */
const fromPc = (nodeId: string): LedgerBackup => ({ ...backup, source: { nodeId, name: nodeId } });

/** A reachable NetDesk shared folder. */
function sharedFolder(): string {
  const shared = temp();
  writeFileSync(join(shared, ROOT_FILE), '{}');
  return shared;
}

describe('backup:save', () => {
  it('writes a backup sent in parts, verified, into <dataDir>/backups and the shared folder', async () => {
    const dataDir = temp();
    const shared = temp();
    writeFileSync(join(shared, ROOT_FILE), '{}');
    // The list shows when this PC verified it (its local time), not what the name says.
    const svc = createBackupService({
      dataDir,
      syncFolder: () => Promise.resolve(shared),
      now: () => new Date(2026, 2, 2, 16, 0, 30),
    });
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

  it('removes old backups by the retention rule, by when this PC verified them', async () => {
    const dataDir = temp();
    const dir = join(dataDir, 'backups');
    let clock = new Date('2026-02-01T01:00:00.000Z');
    const svc = createBackupService({ dataDir, syncFolder: () => Promise.resolve(''), now: () => clock });
    const made: string[] = [];
    for (let d = 1; d <= 20; d++) {
      clock = new Date(Date.UTC(2026, 1, d, 1));
      made.push((await saveWhole(svc, `netdesk-backup-202602${String(d).padStart(2, '0')}-0900.json`)).path!);
    }
    writeFileSync(join(dir, 'readme.txt'), 'keep me');
    clock = new Date('2026-03-02T01:00:00.000Z');
    const done = await saveWhole(svc, 'netdesk-backup-20260302-0900.json');
    const left = readdirSync(dir);
    expect(left).toContain('readme.txt');
    expect(left).toContain('netdesk-backup-20260302-0900.json');
    expect(left.filter((n) => n.startsWith('netdesk-backup-'))).toHaveLength(14);
    // Each save let the day that fell out of the last 14 go: Feb 1 … Feb 6 before, Feb 7 now.
    expect(done.removed).toEqual(['netdesk-backup-20260207-0900.json']);
    expect(left).not.toContain('netdesk-backup-20260201-0900.json');
    expect(left).toContain('netdesk-backup-20260208-0900.json');
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
    expect(
      readdirSync(join(shared, 'backups'))
        .filter((n) => !n.startsWith('.netdesk-backup-index-'))
        .sort(),
    ).toEqual(made.map((p) => p.split('/').at(-1)).sort());
  });
});

describe('backups that cannot be lost', () => {
  it('keeps the real backups, here and on the shared folder, after 25 saves whose names say 2099', async () => {
    const dataDir = temp();
    const shared = sharedFolder();
    let clock = new Date('2026-03-01T01:00:00.000Z');
    const svc = createBackupService({ dataDir, syncFolder: () => Promise.resolve(shared), now: () => clock });
    const real = [await saveWhole(svc, 'netdesk-backup-20260301-0900.json', fromPc('3f9c21ab77e0d412'))];
    clock = new Date('2026-03-02T01:00:00.000Z');
    real.push(await saveWhole(svc, 'netdesk-backup-20260302-0900.json', fromPc('3f9c21ab77e0d412')));
    clock = new Date('2026-03-02T02:00:00.000Z');
    for (let i = 0; i < 25; i++) {
      const month = String((i % 12) + 1).padStart(2, '0');
      const day = String(Math.floor(i / 12) + 1).padStart(2, '0');
      const done = await saveWhole(
        svc,
        `netdesk-backup-2099${month}${day}-2359.json`,
        fromPc('3f9c21ab77e0d412'),
      );
      expect(done.removed).toEqual([]);
    }
    for (const r of real) {
      expect(parseBackup(readFileSync(r.path!, 'utf8')).ok).toBe(true);
      expect(parseBackup(readFileSync(r.sharedPath!, 'utf8')).ok).toBe(true);
    }
  });

  it("never removes or replaces another PC's copies, whatever node id the document names", async () => {
    const shared = sharedFolder();
    // PC B's own copies (one from before NetDesk kept an index, one it verified and listed).
    const other = 'b7d0e5aa01c2f9e3';
    const pcB = createBackupService({ dataDir: temp(), syncFolder: () => Promise.resolve(shared) });
    const bCopy = (await saveWhole(pcB, 'netdesk-backup-20260301-0900.json', fromPc(other))).sharedPath!;
    const bOld = join(shared, 'backups', 'netdesk-backup-20260101-0900-pc-b7d0e5aa.json');
    writeFileSync(bOld, serializeBackup(fromPc(other)));
    const before = readFileSync(bCopy, 'utf8');
    // PC A's page sends backups that claim to be B's ledger, later named, the same minute too.
    let clock = new Date('2026-03-02T01:00:00.000Z');
    const pcA = createBackupService({
      dataDir: temp(),
      syncFolder: () => Promise.resolve(shared),
      now: () => clock,
    });
    const claim: LedgerBackup = { ...fromPc(other), exportedAt: '2026-03-02T01:00:00.000Z' };
    const same = await saveWhole(pcA, 'netdesk-backup-20260301-0900.json', claim);
    expect(same.sharedPath).not.toBe(bCopy);
    for (let i = 0; i < 25; i++) {
      clock = new Date(Date.UTC(2026, 2, 2 + i, 1));
      await saveWhole(pcA, `netdesk-backup-2099${String((i % 12) + 1).padStart(2, '0')}01-0900.json`, claim);
    }
    expect(readFileSync(bCopy, 'utf8')).toBe(before);
    expect(existsSync(bOld)).toBe(true);
  });

  it('answers done only with a backup that is there and verified, however later the names around it', async () => {
    const dataDir = temp();
    const dir = join(dataDir, 'backups');
    mkdirSync(dir, { recursive: true });
    // Files named after a clock that once ran ahead: 14 later days and 11 more later months.
    const planted = [
      ...Array.from(
        { length: 14 },
        (_, i) => `netdesk-backup-202712${String(i + 1).padStart(2, '0')}-0900.json`,
      ),
      ...Array.from(
        { length: 11 },
        (_, i) => `netdesk-backup-2027${String(i + 1).padStart(2, '0')}01-0900.json`,
      ),
    ];
    for (const name of planted) writeFileSync(join(dir, name), serializeBackup(backup));
    const svc = createBackupService({
      dataDir,
      syncFolder: () => Promise.resolve(''),
      now: () => new Date('2026-03-02T01:00:00.000Z'),
    });
    const done = await saveWhole(svc, 'netdesk-backup-20260302-0900.json');
    expect(done.done).toBe(true);
    expect(existsSync(done.path!)).toBe(true);
    expect(parseBackup(readFileSync(done.path!, 'utf8')).ok).toBe(true);
    expect(done.removed).toEqual([]);
    for (const name of planted) expect(existsSync(join(dir, name))).toBe(true);
    expect((await svc.list()).backups.map((b) => b.name)).toContain('netdesk-backup-20260302-0900.json');
  });

  it('removes a backup left half-written for over a day, only while no save is running', async () => {
    const dataDir = temp();
    const dir = join(dataDir, 'backups');
    mkdirSync(dir, { recursive: true });
    const clock = new Date('2026-03-02T01:00:00.000Z');
    const svc = createBackupService({ dataDir, syncFolder: () => Promise.resolve(''), now: () => clock });
    const old = join(dir, '.netdesk-backup-20260227-0900.json.partial');
    const fresh = join(dir, '.netdesk-backup-20260302-0830.json.partial');
    writeFileSync(old, '{"format":"netdesk-backup",');
    writeFileSync(fresh, '{"format":"netdesk-backup",');
    utimesSync(old, new Date('2026-02-27T01:00:00Z'), new Date('2026-02-27T01:00:00Z'));
    utimesSync(fresh, new Date('2026-03-02T00:30:00Z'), new Date('2026-03-02T00:30:00Z'));
    // A save that is under way: its first part sent long ago, its file left alone meanwhile.
    const text = serializeBackup(backup);
    await svc.save({
      fileName: 'netdesk-backup-20260301-0900.json',
      part: 0,
      text: text.slice(0, 10),
      last: false,
    });
    const running = join(dir, '.netdesk-backup-20260301-0900.json.partial');
    utimesSync(running, new Date('2026-02-27T01:00:00Z'), new Date('2026-02-27T01:00:00Z'));
    await svc.list();
    expect(existsSync(old)).toBe(true);
    await svc.save({
      fileName: 'netdesk-backup-20260301-0900.json',
      part: 1,
      text: text.slice(10),
      last: true,
      expect: { records: 1, attachments: 0 },
    });
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(running)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([
      '.netdesk-backup-20260302-0830.json.partial',
    ]);
  });
});
