// Backups from the renderer's side: export the whole ledger with its attachments
// (renderer/db/backup.ts), send it in parts to backup:save, which writes it, reads it back and
// verifies it before it counts; the daily rule: one automatic backup a day, checked at start
// and every few hours; and an export to a file the supervisor saves where they like.
//
// Device passwords: this PC's own backups carry them only when the supervisor ticked
// "本机备份包含设备密码" (kept per PC in localMeta, off by default); an export asks each time
// (off by default). The main process never lets them onto the shared folder.
import { backupHoldsSecrets, serializeBackup } from '../../shared/backup';
import { backupFileName, SECRETS_MARK } from '../../shared/backup-retention';
import type { NetdeskApi } from '../../shared/ipc';
import { LEDGER_TABLES } from '../../shared/schemas';
import { BACKUP_PART_CHARS, type BackupSaveResult } from '../../shared/sync-ipc';
import { exportLedger, firstNonEmptyTable } from '../db/backup';
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
  onProgress?: (done: number, total: number) => void;
}

export async function saveLedgerBackup(
  db: NetdeskDb,
  api: BackupApi,
  options: SaveBackupOptions = {},
): Promise<BackupSaveResult> {
  const now = options.now ?? (() => new Date());
  const backup = await exportLedger(db, {
    includeAttachments: true,
    includeSecrets: options.includeSecrets ?? (await readBackupSecretsChoice(db)),
    ...(options.sourceName ? { sourceName: options.sourceName } : {}),
    now,
  });
  const text = serializeBackup(backup);
  const records = LEDGER_TABLES.reduce((n, t) => n + (backup.tables[t]?.length ?? 0), 0);
  const attachments = backup.attachments?.length ?? 0;
  const fileName = fileNameAt(now());
  const parts = Math.max(1, Math.ceil(text.length / BACKUP_PART_CHARS));
  let result: BackupSaveResult = { done: false };
  for (let part = 0; part < parts; part++) {
    const last = part === parts - 1;
    result = await api.saveBackup({
      fileName,
      part,
      text: text.slice(part * BACKUP_PART_CHARS, (part + 1) * BACKUP_PART_CHARS),
      last,
      ...(last ? { expect: { records, attachments } } : {}),
    });
    options.onProgress?.(part + 1, parts);
  }
  return result;
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
 */
export async function exportBackupFile(
  db: NetdeskDb,
  options: { includeSecrets: boolean; sourceName?: string; now?: () => Date },
): Promise<{ fileName: string; text: string }> {
  const now = options.now ?? (() => new Date());
  const backup = await exportLedger(db, {
    includeAttachments: true,
    includeSecrets: options.includeSecrets,
    ...(options.sourceName ? { sourceName: options.sourceName } : {}),
    now,
  });
  const plain = fileNameAt(now());
  const fileName = backupHoldsSecrets(backup) ? plain.replace(/\.json$/, `-${SECRETS_MARK}.json`) : plain;
  return { fileName, text: serializeBackup(backup) };
}
