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
// same minute keep both copies; no copy ever replaces a file already there.
//
// Retention (shared/backup-retention.ts) removes only what an index NetDesk wrote itself lists:
// <dataDir>/backups/.netdesk-backup-index.json, and on the shared folder one index per PC
// (.netdesk-backup-index-<installId>.json, written by that PC alone), each entry with the time
// this PC's clock verified it, its size, SHA-256 and the ledger's node id. File names come from
// the page and the page's clock, so they decide nothing; a file no index lists (another PC's,
// one put there by hand, one of an older NetDesk) is never removed. A save answers done only
// with a file that is there, is listed, and has the size it verified with.
//
// A save that stops after its first parts leaves `.<name>.partial`; those older than a day are
// removed when no save is running (`netdesk verify --backups` counts them).
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  copyFile,
  mkdir,
  open,
  readdir,
  readFile,
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
  BACKUP_INDEX_FORMAT,
  backupIndexSchema,
  backupNameHoldsSecrets,
  backupsToRemove,
  parseBackupName,
  SECRETS_MARK,
  sharedBackupName,
  type BackupIndex,
  type VerifiedBackupRecord,
} from '../../shared/backup-retention';
import type { LedgerTable } from '../../shared/schemas';
import { ROOT_FILE } from '../../shared/sync/format';
import type { IpcParsedRequest } from '../../shared/ipc';
import type { BackupListResult, BackupSaveResult } from '../../shared/sync-ipc';
import { ServiceError } from './errors';
import { syncFolderProblem } from './sync';

export const BACKUP_DIR = 'backups';
/** This PC's index of the backups it verified in <dataDir>/backups. */
export const BACKUP_INDEX_FILE = '.netdesk-backup-index.json';
/** This PC's index of its copies in the shared folder's backups/ (one file per PC). */
export const sharedIndexFile = (installId: string) => `.netdesk-backup-index-${installId}.json`;
/** A backup being received: `.<name>.partial`. */
export const PARTIAL_FILE = /^\.netdesk-backup-[^/\\]*\.json\.partial$/;
/** A part-written backup older than this, with no save running, was abandoned. */
export const ABANDONED_PARTIAL_MS = 24 * 3600_000;

type SaveRequest = IpcParsedRequest<'backup:save'>;

export interface BackupServiceOptions {
  dataDir: string;
  /** The syncFolder setting, read at each call. */
  syncFolder: () => Promise<string>;
  log?: (message: string) => void;
  /** This PC's clock: the time written into the index, and the age of abandoned partial files. */
  now?: () => Date;
}

/** What a verified backup file holds. */
export interface VerifiedBackup {
  preview: BackupPreview;
  /** The tables the file lists (empty ones included) and whether it has an attachments array. */
  tablesListed: LedgerTable[];
  hasAttachments: boolean;
  /** The file's bytes as read back: their count and SHA-256. */
  size: number;
  sha256: string;
}

/**
 * A backup file's text in pieces (UTF-8 decoded across the pieces' boundaries; a byte-order
 * mark is the scanner's to skip), its bytes fed to `hash` on the way.
 */
async function* textOf(path: string, hash?: Hash): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash?.update(chunk);
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** SHA-256 and size of a file, read in pieces. */
export async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
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
  const hash = createHash('sha256');
  try {
    checked = await readBackupPieces(textOf(path, hash));
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
    size: (await stat(path)).size,
    sha256: hash.digest('hex'),
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

function newInstallId(): string {
  return randomBytes(8).toString('hex');
}

/** Read an index; a missing or unreadable one is empty (and nothing it does not list is removed). */
async function readIndex(path: string, installId?: string): Promise<BackupIndex> {
  try {
    const parsed = backupIndexSchema.safeParse(
      JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, '')),
    );
    if (parsed.success) return parsed.data;
  } catch {
    // Missing (the first backup) or damaged: start a new one.
  }
  return { format: BACKUP_INDEX_FORMAT, version: 1, installId: installId ?? newInstallId(), backups: [] };
}

async function writeIndex(path: string, index: BackupIndex): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(index, null, 1)}\n`, 'utf8');
  await rename(temp, path);
}

/**
 * Add `record` to the index at `indexPath` and remove, in `dir`, what the retention rule lets go.
 * Only files the index lists, and only while they still have the size they verified with.
 */
async function keepInIndex(
  dir: string,
  indexPath: string,
  installId: string,
  record: VerifiedBackupRecord,
): Promise<{ removed: string[]; index: BackupIndex }> {
  const index = await readIndex(indexPath, installId);
  const present: VerifiedBackupRecord[] = [];
  for (const r of index.backups) {
    if (r.name === record.name) continue;
    // Gone, or no longer the file NetDesk verified: forget it, never remove it.
    const size = (await stat(join(dir, r.name)).catch(() => null))?.size;
    if (size === r.size) present.push(r);
  }
  present.push(record);
  const removed: string[] = [];
  for (const name of backupsToRemove(present, record.name)) {
    try {
      await unlink(join(dir, name));
      removed.push(name);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') removed.push(name);
    }
  }
  const gone = new Set(removed);
  const next = { ...index, backups: present.filter((r) => !gone.has(r.name)) };
  await writeIndex(indexPath, next);
  return { removed, index: next };
}

/** Part-written backups in `dir` (`.<name>.partial`), with their age by `now`. */
export async function partialBackups(
  dir: string,
  now: Date,
): Promise<{ name: string; size: number; ageMs: number }[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const found = [];
  for (const name of names) {
    if (!PARTIAL_FILE.test(name)) continue;
    const st = await stat(join(dir, name)).catch(() => null);
    if (st?.isFile()) found.push({ name, size: st.size, ageMs: now.getTime() - st.mtimeMs });
  }
  return found;
}

/** Remove the part-written backups older than a day (call only while no save is running). */
export async function removeAbandonedPartials(dir: string, now: Date): Promise<string[]> {
  const removed: string[] = [];
  for (const p of await partialBackups(dir, now)) {
    if (p.ageMs <= ABANDONED_PARTIAL_MS) continue;
    await unlink(join(dir, p.name)).then(
      () => removed.push(p.name),
      () => undefined,
    );
  }
  return removed;
}

/** `YYYY-MM-DD HH:mm` in this PC's local time. */
function localMinute(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function createBackupService(options: BackupServiceOptions) {
  const dir = join(options.dataDir, BACKUP_DIR);
  const indexPath = join(dir, BACKUP_INDEX_FILE);
  const now = options.now ?? (() => new Date());
  /** Next part expected per file being written (parts arrive in order, one file at a time). */
  const nextPart = new Map<string, number>();
  /** Finishing a backup (naming, index, retention, shared copy) runs one at a time. */
  let finishing: Promise<unknown> = Promise.resolve();
  function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = finishing.then(work, work);
    finishing = run.catch(() => undefined);
    return run;
  }

  async function tidyPartials(): Promise<void> {
    if (nextPart.size > 0) return;
    const removed = await removeAbandonedPartials(dir, now());
    if (removed.length) options.log?.(`removed abandoned partial backups: ${removed.join(', ')}`);
  }

  async function copyToShared(
    path: string,
    names: (n: number) => string,
    installId: string,
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
    const temp = join(sharedDir, `.${names(1)}.${process.pid}.tmp`);
    try {
      await mkdir(sharedDir, { recursive: true });
      let copy: { size: number; sha256: string };
      if (verified.preview.includesSecrets) {
        // Never a password on the file server: the copy is the same backup, secrets blanked,
        // and it must read back whole like the original before it replaces anything.
        await writeWithoutSecrets(path, temp, verified);
        const checked = await verifyBackupFile(temp, expect);
        if (checked.preview.includesSecrets) throw new Error('the copy still holds device passwords');
        copy = checked;
      } else {
        await copyFile(path, temp);
        copy = await hashFile(temp);
        if (copy.sha256 !== verified.sha256) throw new Error('the copy is incomplete');
      }
      // Never over a file already there (another PC's copy whose ledger claims the same node).
      let n = 1;
      while (await exists(join(sharedDir, names(n)))) n++;
      const name = names(n);
      const target = join(sharedDir, name);
      await rename(temp, target);
      const { removed } = await keepInIndex(
        sharedDir,
        join(sharedDir, sharedIndexFile(installId)),
        installId,
        {
          name,
          writtenAt: now().toISOString(),
          size: copy.size,
          sha256: copy.sha256,
          nodeId: verified.preview.source?.nodeId ?? '',
        },
      );
      return { sharedPath: target, removed: removed.map((r) => `shared:${r}`) };
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      return {
        sharedProblem: `复制到共享文件夹失败 / copy to the shared folder failed: ${(err as Error).message}`,
      };
    }
  }

  /** Name the verified partial file, list it in the index, prune, copy to the shared folder. */
  async function keep(
    req: SaveRequest,
    partial: string,
    verified: VerifiedBackup,
  ): Promise<BackupSaveResult> {
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
    const installId = (await readIndex(indexPath)).installId;
    const { removed, index } = await keepInIndex(dir, indexPath, installId, {
      name,
      writtenAt: now().toISOString(),
      size: verified.size,
      sha256: verified.sha256,
      nodeId: verified.preview.source?.nodeId ?? '',
    });
    // The answer names only a file that is there, listed, and the size it verified with.
    const size = (await stat(path).catch(() => null))?.size;
    if (size !== verified.size || !index.backups.some((b) => b.name === name))
      throw new ServiceError(
        'failed',
        `备份文件校验后不在原处 / the verified backup is no longer there: ${path}`,
      );
    const nodeId = verified.preview.source?.nodeId;
    const shared = await copyToShared(
      path,
      (k) => sharedBackupName(base, n + k - 1, nodeId),
      installId,
      verified,
      req.expect!,
    );
    if (shared.sharedProblem) options.log?.(shared.sharedProblem);
    return { done: true, path, size, ...shared, removed: [...removed, ...(shared.removed ?? [])] };
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
    return oneAtATime(async () => {
      try {
        return await keep(req, partial, verified);
      } finally {
        await tidyPartials().catch(() => undefined);
      }
    });
  }

  async function list(): Promise<BackupListResult> {
    await tidyPartials().catch(() => undefined);
    const names = await readdir(dir).catch(() => [] as string[]);
    const written = new Map((await readIndex(indexPath)).backups.map((b) => [b.name, b.writtenAt]));
    const backups = [];
    for (const name of names) {
      const parsed = parseBackupName(name);
      if (!parsed) continue;
      const size = (await stat(join(dir, name)).catch(() => null))?.size;
      if (size === undefined) continue;
      const k = parsed.sortKey;
      const at = written.get(name);
      backups.push({
        name,
        size,
        includesSecrets: backupNameHoldsSecrets(name),
        // The time this PC verified it when NetDesk recorded one; else what the name says.
        takenAt: at
          ? localMinute(at)
          : `${k.slice(0, 4)}-${k.slice(4, 6)}-${k.slice(6, 8)} ${k.slice(8, 10)}:${k.slice(10, 12)}`,
      });
    }
    backups.sort((a, b) =>
      a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.name < b.name ? 1 : -1,
    );
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

/** What `netdesk verify --backups` reports of a backups folder (reads only). */
export interface BackupFolderCheck {
  /** Listed in the index and still the bytes NetDesk verified (size and SHA-256). */
  good: number;
  /** Listed in the index but gone, or with other bytes now. */
  damaged: { name: string; detail: string }[];
  /** Named like a backup but not in any index: kept, never removed by NetDesk. */
  unlisted: string[];
  /** Part-written backups; `abandoned` when older than a day (removed when no save runs). */
  partials: { name: string; size: number; ageHours: number; abandoned: boolean }[];
}

/** Check a backups folder against its index: <dataDir>/backups, or a shared folder's backups/. */
export async function checkBackupFolder(dir: string, now: Date): Promise<BackupFolderCheck> {
  const names = await readdir(dir);
  const indexes = names.filter(
    (n) => n === BACKUP_INDEX_FILE || /^\.netdesk-backup-index-[0-9a-z]+\.json$/.test(n),
  );
  const listed = new Map<string, VerifiedBackupRecord>();
  for (const file of indexes)
    for (const r of (await readIndex(join(dir, file))).backups) listed.set(r.name, r);
  const check: BackupFolderCheck = { good: 0, damaged: [], unlisted: [], partials: [] };
  for (const [name, r] of listed) {
    const found = await hashFile(join(dir, name)).catch(() => null);
    if (!found) check.damaged.push({ name, detail: '文件不见了 / the file is gone' });
    else if (found.size !== r.size || found.sha256 !== r.sha256)
      check.damaged.push({ name, detail: '内容已变 / its bytes are not those verified' });
    else check.good++;
  }
  check.unlisted = names.filter((n) => parseBackupName(n) && !listed.has(n)).sort();
  check.partials = (await partialBackups(dir, now)).map((p) => ({
    name: p.name,
    size: p.size,
    ageHours: Math.floor(p.ageMs / 3600_000),
    abandoned: p.ageMs > ABANDONED_PARTIAL_MS,
  }));
  return check;
}
