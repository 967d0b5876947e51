// The backup:save and backup:list services: a ledger backup (shared/backup.ts format, exported
// by the renderer) written to <dataDir>/backups, verified by reading it back, copied to the shared
// folder's backups/ when that folder is reachable, and old backups removed by the retention rule
// (shared/backup-retention.ts) in both places.
//
// Device secrets (docs/backup-format.md, "Secrets"): a backup that holds device passwords (the
// supervisor ticked "包含设备密码" for this PC's backups) is kept under a name marked `-pw` in
// <dataDir>/backups, and its copy on the shared folder is written from the same document with
// every secret blanked: what lies on the file server never carries a password.
//
// A backup arrives in parts (a ten-year ledger with its scans is larger than one request may
// be) into `.<name>.partial`; it becomes `<name>` only after the whole file parsed, passed
// validateBackup and held the record and attachment counts the renderer said it wrote. A backup
// that fails this check never counts, and never replaces or pushes out a good one.
import {
  copyFile,
  mkdir,
  readdir,
  readFile,
  rename,
  stat,
  unlink,
  writeFile,
  appendFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import {
  backupHoldsSecrets,
  serializeBackup,
  validateBackup,
  withoutDeviceSecrets,
  type LedgerBackup,
} from '../../shared/backup';
import {
  backupNameHoldsSecrets,
  backupsToRemove,
  parseBackupName,
  SECRETS_MARK,
} from '../../shared/backup-retention';
import { LEDGER_TABLES } from '../../shared/schemas';
import { ROOT_FILE } from '../../shared/sync/format';
import type { IpcParsedRequest } from '../../shared/ipc';
import type { BackupListResult, BackupSaveResult } from '../../shared/sync-ipc';
import { ServiceError } from './errors';
import { syncFolderProblem } from './sync';

export const BACKUP_DIR = 'backups';

type SaveRequest = IpcParsedRequest<'backup:save'>;

export interface BackupServiceOptions {
  dataDir: string;
  /** The syncFolder setting, read at each call. */
  syncFolder: () => Promise<string>;
  log?: (message: string) => void;
}

/**
 * Parse and validate a backup file and check it holds what was written; returns the backup, or
 * throws a readable problem.
 */
export async function verifyBackupFile(
  path: string,
  expect: { records: number; attachments: number },
): Promise<LedgerBackup> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new ServiceError(
      'failed',
      `备份文件读回失败 / the backup did not read back: ${(err as Error).message}`,
    );
  }
  const checked = validateBackup(doc);
  if (!checked.ok)
    throw new ServiceError(
      'failed',
      `备份文件校验失败 / the backup is not valid: ${checked.problems.slice(0, 3).join('; ')}`,
    );
  const records = LEDGER_TABLES.reduce((n, t) => n + (checked.backup.tables[t]?.length ?? 0), 0);
  const attachments = checked.backup.attachments?.length ?? 0;
  if (records !== expect.records || attachments !== expect.attachments)
    throw new ServiceError(
      'failed',
      `备份文件内容不完整 / the backup holds ${records} records and ${attachments} attachments, ` +
        `expected ${expect.records} and ${expect.attachments}`,
    );
  return checked.backup;
}

async function removeOld(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of backupsToRemove(names)) {
    try {
      await unlink(join(dir, name));
      removed.push(name);
    } catch {
      // Another PC may have removed it first (shared folder): nothing lost.
    }
  }
  return removed;
}

export function createBackupService(options: BackupServiceOptions) {
  const dir = join(options.dataDir, BACKUP_DIR);
  /** Next part expected per file being written (parts arrive in order, one file at a time). */
  const nextPart = new Map<string, number>();

  async function copyToShared(
    path: string,
    name: string,
    backup: LedgerBackup,
    expect: { records: number; attachments: number },
  ): Promise<Pick<BackupSaveResult, 'sharedPath' | 'sharedProblem' | 'removed'>> {
    const folder = (await options.syncFolder()).trim();
    if (folder === '') return {};
    const problem = syncFolderProblem(folder);
    if (problem) return { sharedProblem: problem };
    // Only into a NetDesk sync folder that is there now: an unmounted share is an empty local
    // directory on some systems, and a backup written there would be lost on remount.
    try {
      await stat(join(folder, ROOT_FILE));
    } catch {
      return { sharedProblem: `共享文件夹不可用 / the shared folder is not reachable: ${folder}` };
    }
    const sharedDir = join(folder, BACKUP_DIR);
    const target = join(sharedDir, name);
    const temp = join(sharedDir, `.${name}.${process.pid}.tmp`);
    try {
      await mkdir(sharedDir, { recursive: true });
      if (backupHoldsSecrets(backup)) {
        // Never a password on the file server: the copy is the same backup, secrets blanked,
        // and it must read back whole like the original before it replaces anything.
        await writeFile(temp, serializeBackup(withoutDeviceSecrets(backup)), 'utf8');
        const copy = await verifyBackupFile(temp, expect);
        if (backupHoldsSecrets(copy)) throw new Error('the copy still holds device passwords');
      } else {
        await copyFile(path, temp);
        const [a, b] = await Promise.all([stat(path), stat(temp)]);
        if (a.size !== b.size) throw new Error('the copy is incomplete');
      }
      await rename(temp, target);
      return { sharedPath: target, removed: (await removeOld(sharedDir)).map((n) => `shared:${n}`) };
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      return {
        sharedProblem: `复制到共享文件夹失败 / copy to the shared folder failed: ${(err as Error).message}`,
      };
    }
  }

  async function save(req: SaveRequest): Promise<BackupSaveResult> {
    await mkdir(dir, { recursive: true });
    const partial = join(dir, `.${req.fileName}.partial`);
    if (req.part === 0) {
      await writeFile(partial, req.text, 'utf8');
    } else {
      if (nextPart.get(req.fileName) !== req.part)
        throw new ServiceError(
          'bad-request',
          `backup part ${req.part} of ${req.fileName} arrived out of order`,
        );
      await appendFile(partial, req.text, 'utf8');
    }
    nextPart.set(req.fileName, req.part + 1);
    if (!req.last) return { done: false };
    nextPart.delete(req.fileName);
    let backup: LedgerBackup;
    try {
      backup = await verifyBackupFile(partial, req.expect!);
    } catch (err) {
      await unlink(partial).catch(() => undefined);
      throw err;
    }
    const secrets = backupHoldsSecrets(backup);
    // The name says whether the file holds passwords; a second backup in the same minute gets a
    // number, never replaces the first. The shared copy's name never carries the mark.
    const base = req.fileName.replace(/\.json$/, '');
    const nameWith = (n: number) => {
      const suffix = `${secrets ? SECRETS_MARK : ''}${n > 1 ? n : ''}`;
      return `${base}${suffix ? `-${suffix}` : ''}.json`;
    };
    let n = 1;
    while (await exists(join(dir, nameWith(n)))) n++;
    const name = nameWith(n);
    const path = join(dir, name);
    await rename(partial, path);
    const size = (await stat(path)).size;
    const removed = await removeOld(dir);
    const sharedName = `${base}${n > 1 ? `-${n}` : ''}.json`;
    const shared = await copyToShared(path, sharedName, backup, req.expect!);
    if (shared.sharedProblem) options.log?.(shared.sharedProblem);
    return { done: true, path, size, ...shared, removed: [...removed, ...(shared.removed ?? [])] };
  }

  async function list(): Promise<BackupListResult> {
    const names = await readdir(dir).catch(() => [] as string[]);
    const backups = [];
    for (const name of names) {
      const parsed = parseBackupName(name);
      if (!parsed) continue;
      const size = (await stat(join(dir, name)).catch(() => null))?.size;
      if (size === undefined) continue;
      const k = parsed.sortKey;
      backups.push({
        name,
        size,
        includesSecrets: backupNameHoldsSecrets(name),
        takenAt: `${k.slice(0, 4)}-${k.slice(4, 6)}-${k.slice(6, 8)} ${k.slice(8, 10)}:${k.slice(10, 12)}`,
      });
    }
    backups.sort((a, b) => (a.name < b.name ? 1 : -1));
    return { dir, backups };
  }

  return { save, list };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
