// Backups from the renderer's side: export the whole ledger with its attachments
// (renderer/db/backup.ts; in the backup worker, renderer/sync/backup-offthread.ts, so the window
// stays free) and send it in parts to backup:save, which writes it, reads it back and verifies it
// before it counts; the daily rule: one automatic backup a day, checked at start and every few
// hours; and an export to a file the supervisor saves where they like. Neither ever holds the
// whole backup as one string: a ten-year ledger's is over a gigabyte, more than a string may hold
// (docs/backup-format.md, "Large backups").
//
// Device passwords: this PC's own backups carry them only when the supervisor ticked
// "本机备份包含设备密码" (kept per PC in localMeta, off by default); an export asks each time
// (off by default). The main process never lets them onto the shared folder.
import { backupFileName, SECRETS_MARK } from '../../shared/backup-retention';
import { BACKUP_PART_CHARS, type BackupSaveResult } from '../../shared/sync-ipc';
import { readPageToken, runtimeMode } from '../api/netdesk';
import {
  exportLedgerParts,
  firstNonEmptyTable,
  type ExportPartsOptions,
  type LedgerExport,
} from '../db/backup';
import type { NetdeskDb } from '../db/schema';
import {
  exportThroughWorker,
  fileThroughWorker,
  saveThroughWorker,
  startBackupWorker,
  type WorkerLike,
} from './backup-offthread';
import { backupBlob, sendBackupParts, type BackupApi } from './backup-send';

export { partsOfAtMost, type BackupApi } from './backup-send';

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
  /** The backup worker (renderer/sync/backup-offthread.ts); null exports in the window. */
  worker?: () => WorkerLike | null;
}

/** Browser mode's HTTP service, which the backup worker can call itself; null inside Electron. */
function httpService(): { token: string; baseUrl: string } | null {
  if (typeof window === 'undefined' || runtimeMode() !== 'browser') return null;
  return { token: readPageToken(), baseUrl: window.location.origin };
}

export async function saveLedgerBackup(
  db: NetdeskDb,
  api: BackupApi,
  options: SaveBackupOptions = {},
): Promise<BackupSaveResult> {
  const now = options.now ?? (() => new Date());
  const exportOptions: ExportPartsOptions = {
    includeAttachments: true,
    includeSecrets: options.includeSecrets ?? (await readBackupSecretsChoice(db)),
    ...(options.sourceName ? { sourceName: options.sourceName } : {}),
    now,
    // Half a request, so that a part rarely needs cutting.
    partChars: BACKUP_PART_CHARS / 2,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  const fileName = fileNameAt(now());
  const worker = (options.worker ?? startBackupWorker)();
  if (!worker) return sendBackupParts(api, fileName, await exportLedgerParts(db, exportOptions));
  const http = httpService();
  if (http) return saveThroughWorker(db, worker, exportOptions, { fileName, ...http });
  return sendBackupParts(api, fileName, exportThroughWorker(db, worker, exportOptions));
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
  options: {
    includeSecrets: boolean;
    sourceName?: string;
    now?: () => Date;
    worker?: () => WorkerLike | null;
  },
): Promise<{ fileName: string; blob: Blob }> {
  const now = options.now ?? (() => new Date());
  const exportOptions: ExportPartsOptions = {
    includeAttachments: true,
    includeSecrets: options.includeSecrets,
    ...(options.sourceName ? { sourceName: options.sourceName } : {}),
    now,
  };
  const worker = (options.worker ?? startBackupWorker)();
  let made: { blob: Blob; written: LedgerExport['written'] };
  if (worker) made = await fileThroughWorker(db, worker, exportOptions);
  else {
    const exported = await exportLedgerParts(db, exportOptions);
    made = { blob: await backupBlob(exported), written: exported.written };
  }
  const plain = fileNameAt(now());
  const fileName = made.written.includesSecrets ? plain.replace(/\.json$/, `-${SECRETS_MARK}.json`) : plain;
  return { fileName, blob: made.blob };
}
