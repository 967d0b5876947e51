// Backups from the renderer's side: export the whole ledger with its attachments
// (renderer/db/backup.ts, run in the backup worker: renderer/db/backup-offthread.ts), send it in parts to backup:save as the parts are written, which
// writes it, reads it back and verifies it before it counts; the daily rule: one automatic
// backup a day, checked at start and every few hours; and an export to a file the supervisor
// saves where they like. Neither ever holds the whole backup as one string: a ten-year ledger's
// is over a gigabyte, more than a string may hold (docs/backup-format.md, "Large backups").
//
// Device passwords: this PC's own backups carry them only when the supervisor ticked
// "本机备份包含设备密码" (kept per PC in localMeta, off by default); an export asks each time
// (off by default). The main process never lets them onto the shared folder.
import { backupFileName, SECRETS_MARK } from '../../shared/backup-retention';
import type { NetdeskApi } from '../../shared/ipc';
import { BACKUP_PART_CHARS, type BackupSaveResult } from '../../shared/sync-ipc';
import { firstNonEmptyTable } from '../db/backup';
import { exportLedgerOffThread } from '../db/backup-offthread';
import type { NetdeskDb } from '../db/schema';

export type BackupApi = Pick<NetdeskApi, 'saveBackup' | 'listBackups'>;

/** localMeta key of this PC's choice: its own backups include device passwords. */
const SECRETS_CHOICE_KEY = 'backupIncludeSecrets';

/** Whether this PC's own backups (daily and on demand) include device passwords; off unless set. */
export async function readBackupSecretsChoice(db: NetdeskDb): Promise<boolean> {
  return (await db.localMeta.get(SECRETS_CHOICE_KEY))?.value === true;
}

export async function saveBackupSecretsChoice(db: NetdeskDb, include: boolean): Promise<void> {
  await db.localMeta.put({ key: SECRETS_CHOICE_KEY, value: include });
}

function fileNameAt(t: Date): string {
  return backupFileName({
    year: t.getFullYear(),
    month: t.getMonth() + 1,
    day: t.getDate(),
    hour: t.getHours(),
    minute: t.getMinutes(),
  });
}

/** Today's date as backup names carry it (YYYYMMDD, this PC's local time). */
export function localDay(now: Date): string {
  return backupFileName({
    year: now.getFullYear(),
    month: now.getMonth() + 1,
    day: now.getDate(),
    hour: 0,
    minute: 0,
  }).slice('netdesk-backup-'.length, 'netdesk-backup-'.length + 8);
}

export interface SaveBackupOptions {
  sourceName?: string;
  /** Include device passwords; by default this PC's choice (readBackupSecretsChoice). */
  includeSecrets?: boolean;
  now?: () => Date;
  /** Records and attachments sent so far, of those the ledger held when the backup started. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The parts cut to at most `max` characters each. A cut never falls between the two halves of a
 * surrogate pair (an emoji in a note): each part is written to the file as UTF-8 on its own, and a
 * lone half would become U+FFFD.
 */
export async function* partsOfAtMost(
  parts: AsyncIterable<string> | Iterable<string>,
  max: number,
): AsyncGenerator<string> {
  for await (const part of parts) {
    let at = 0;
    while (part.length - at > max) {
      let end = at + max;
      const c = part.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end--;
      yield part.slice(at, end);
      at = end;
    }
    if (at < part.length) yield at === 0 ? part : part.slice(at);
  }
}

export async function saveLedgerBackup(
  db: NetdeskDb,
  api: BackupApi,
  options: SaveBackupOptions = {},
): Promise<BackupSaveResult> {
  const now = options.now ?? (() => new Date());
  const exported = await exportLedgerOffThread(db, {
    includeAttachments: true,
    includeSecrets: options.includeSecrets ?? (await readBackupSecretsChoice(db)),
    ...(options.sourceName ? { sourceName: options.sourceName } : {}),
    now,
    // Half a request, so that a part rarely needs cutting.
    partChars: BACKUP_PART_CHARS / 2,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const fileName = fileNameAt(now());
  // Each part is sent as soon as the next one exists: the last one must say it is the last, with
  // the counts the main process checks when it reads the file back.
  let part = 0;
  let pending: string | null = null;
  for await (const text of partsOfAtMost(exported.parts, BACKUP_PART_CHARS)) {
    if (pending !== null) await api.saveBackup({ fileName, part: part++, text: pending, last: false });
    pending = text;
  }
  const { records, attachments } = exported.written;
  return api.saveBackup({
    fileName,
    part,
    text: pending ?? '',
    last: true,
    expect: { records, attachments },
  });
}

/**
 * Make today's automatic backup unless one exists (or the ledger is empty). Returns the result
 * when a backup was written, null when none was due.
 */
export async function backupIfDue(
  db: NetdeskDb,
  api: BackupApi,
  options: Omit<SaveBackupOptions, 'onProgress'> = {},
): Promise<BackupSaveResult | null> {
  const now = options.now ?? (() => new Date());
  const today = localDay(now());
  const { backups } = await api.listBackups();
  if (backups.some((b) => b.name.startsWith(`netdesk-backup-${today}-`))) return null;
  if ((await firstNonEmptyTable(db)) === null) return null;
  return saveLedgerBackup(db, api, options);
}

/**
 * The whole ledger as a backup file to save anywhere ("导出备份"): with attachments, and with
 * device passwords only when asked (the name then ends in -pw, so the file says what it holds).
 * The file is a Blob made of the parts (a Blob may be larger than any string).
 */
export async function exportBackupFile(
  db: NetdeskDb,
  options: { includeSecrets: boolean; sourceName?: string; now?: () => Date },
): Promise<{ fileName: string; blob: Blob }> {
  const now = options.now ?? (() => new Date());
  const exported = await exportLedgerOffThread(db, {
    includeAttachments: true,
    includeSecrets: options.includeSecrets,
    ...(options.sourceName ? { sourceName: options.sourceName } : {}),
    now,
  });
  // One Blob per part, so each part's string can go as soon as it is in a Blob.
  const blobs: Blob[] = [];
  for await (const part of exported.parts) blobs.push(new Blob([part]));
  const plain = fileNameAt(now());
  const fileName = exported.written.includesSecrets
    ? plain.replace(/\.json$/, `-${SECRETS_MARK}.json`)
    : plain;
  return { fileName, blob: new Blob(blobs, { type: 'application/json' }) };
}
