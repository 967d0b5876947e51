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
// be) into `.<name>.partial`; it becomes `<name>` only after the whole file read back, passed
// the checks of validateBackup and held the record and attachment counts the renderer said it
// wrote. A backup that fails this check never counts, and never replaces or pushes out a good
// one. The file is read back in pieces (shared/backup-check.ts), never as one string: a ten-year
// backup is over a gigabyte, more than a string may hold; the shared copy without passwords is
// written record by record from the verified file the same way.
//
// The shared copy's name says which PC wrote it (sharedBackupName), so two PCs backing up in the
// same minute keep both copies.
import { createReadStream } from 'node:fs';
import {
  copyFile,
  mkdir,
  open,
  readdir,
  rename,
  stat,
  unlink,
  writeFile,
  appendFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { blankDeviceSecret, type BackupAttachment } from '../../shared/backup';
import { readBackupPieces, type BackupPreview } from '../../shared/backup-check';
import {
  BackupScanner,
  backupTextParts,
  type BackupHead,
  type BackupStreamEvent,
} from '../../shared/backup-stream';
import {
  backupNameHoldsSecrets,
  backupsToRemove,
  parseBackupName,
  SECRETS_MARK,
  sharedBackupName,
} from '../../shared/backup-retention';
import type { LedgerTable } from '../../shared/schemas';
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

/** What a verified backup file holds. */
export interface VerifiedBackup {
  preview: BackupPreview;
  /** The tables the file lists (empty ones included) and whether it has an attachments array. */
  tablesListed: LedgerTable[];
  hasAttachments: boolean;
}

/** A backup file's text in pieces (UTF-8 decoded across the pieces' boundaries). */
function textOf(path: string): AsyncIterable<string> {
  return createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>;
}

/**
 * Read a backup file back in pieces, check it as validateBackup would, and check it holds what
 * was written; returns what it holds, or throws a readable problem.
 */
export async function verifyBackupFile(
  path: string,
  expect: { records: number; attachments: number },
): Promise<VerifiedBackup> {
  let checked;
  try {
    checked = await readBackupPieces(textOf(path));
  } catch (err) {
    throw new ServiceError(
      'failed',
      `备份文件读回失败 / the backup did not read back: ${(err as Error).message}`,
    );
  }
  if (!checked.ok) {
    const unreadable = checked.problems[0]?.startsWith('not a JSON document');
    throw new ServiceError(
      'failed',
      unreadable
        ? `备份文件读回失败 / the backup did not read back: ${checked.problems[0]}`
        : `备份文件校验失败 / the backup is not valid: ${checked.problems.slice(0, 3).join('; ')}`,
    );
  }
  const { totalRecords: records, attachments } = checked.preview;
  if (records !== expect.records || attachments !== expect.attachments)
    throw new ServiceError(
      'failed',
      `备份文件内容不完整 / the backup holds ${records} records and ${attachments} attachments, ` +
        `expected ${expect.records} and ${expect.attachments}`,
    );
  return {
    preview: checked.preview,
    tablesListed: checked.tablesListed,
    hasAttachments: checked.hasAttachments,
  };
}

/** A file's events, one at a time, for a writer that pulls them section by section. */
async function* eventsOf(path: string): AsyncGenerator<BackupStreamEvent> {
  const scanner = new BackupScanner();
  for await (const piece of textOf(path)) yield* scanner.push(piece);
  yield* scanner.end();
}

/**
 * Write `target` from the verified backup `path` with every device secret blanked (and its stamp
 * dropped), record by record: the records are taken as they are in the file, so the copy is the
 * same backup but for the secrets. The file lists its tables in registry order, as NetDesk
 * writes them; the copy is verified afterwards, so a file laid out otherwise is refused, not
 * copied wrong.
 */
async function writeWithoutSecrets(path: string, target: string, verified: VerifiedBackup): Promise<void> {
  const events = eventsOf(path);
  let held: BackupStreamEvent | null = null;
  const next = async () => {
    if (held) {
      const e = held;
      held = null;
      return e;
    }
    const r = await events.next();
    return r.done ? null : r.value;
  };
  async function* records(table: LedgerTable): AsyncGenerator<unknown[]> {
    let batch: unknown[] = [];
    for (let e = await next(); e; e = await next()) {
      if (e.kind === 'attachment' || (e.kind === 'record' && e.table !== table)) {
        held = e;
        break;
      }
      if (e.kind !== 'record') continue;
      batch.push(table === 'devices' ? blankDeviceSecret(e.value as never) : e.value);
      if (batch.length >= 500) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
  async function* attachments(): AsyncGenerator<BackupAttachment[]> {
    for (let e = await next(); e; e = await next())
      if (e.kind === 'attachment') yield [e.value as BackupAttachment];
  }
  const { exportedAt, source } = verified.preview;
  const head: BackupHead = { exportedAt, ...(source ? { source } : {}) };
  const file = await open(target, 'w');
  try {
    for await (const part of backupTextParts(
      head,
      verified.tablesListed,
      records,
      verified.hasAttachments ? attachments() : undefined,
    ))
      await file.write(part, null, 'utf8');
  } finally {
    await file.close();
    await events.return(undefined);
  }
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
    verified: VerifiedBackup,
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
      if (verified.preview.includesSecrets) {
        // Never a password on the file server: the copy is the same backup, secrets blanked,
        // and it must read back whole like the original before it replaces anything.
        await writeWithoutSecrets(path, temp, verified);
        const copy = await verifyBackupFile(temp, expect);
        if (copy.preview.includesSecrets) throw new Error('the copy still holds device passwords');
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
    let verified: VerifiedBackup;
    try {
      verified = await verifyBackupFile(partial, req.expect!);
    } catch (err) {
      await unlink(partial).catch(() => undefined);
      throw err;
    }
    const secrets = verified.preview.includesSecrets;
    // The name says whether the file holds passwords; a second backup in the same minute gets a
    // number, never replaces the first. The shared copy's name never carries the mark, and says
    // which PC wrote it.
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
    const sharedName = sharedBackupName(base, n, verified.preview.source?.nodeId);
    const shared = await copyToShared(path, sharedName, verified, req.expect!);
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
