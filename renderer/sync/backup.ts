// Backups from the renderer's side: export the whole ledger with its attachments
// (renderer/db/backup.ts), send it in parts to backup:save, which writes it, reads it back and
// verifies it before it counts; and the daily rule: one automatic backup a day, checked at start
// and every few hours.
import { serializeBackup } from '../../shared/backup';
import { backupFileName } from '../../shared/backup-retention';
import type { NetdeskApi } from '../../shared/ipc';
import { LEDGER_TABLES } from '../../shared/schemas';
import { BACKUP_PART_CHARS, type BackupSaveResult } from '../../shared/sync-ipc';
import { exportLedger, firstNonEmptyTable } from '../db/backup';
import type { NetdeskDb } from '../db/schema';

export type BackupApi = Pick<NetdeskApi, 'saveBackup' | 'listBackups'>;

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

export async function saveLedgerBackup(
  db: NetdeskDb,
  api: BackupApi,
  options: { sourceName?: string; now?: () => Date; onProgress?: (done: number, total: number) => void } = {},
): Promise<BackupSaveResult> {
  const now = options.now ?? (() => new Date());
  const backup = await exportLedger(db, {
    includeAttachments: true,
    ...(options.sourceName ? { sourceName: options.sourceName } : {}),
    now,
  });
  const text = serializeBackup(backup);
  const records = LEDGER_TABLES.reduce((n, t) => n + (backup.tables[t]?.length ?? 0), 0);
  const attachments = backup.attachments?.length ?? 0;
  const t = now();
  const fileName = backupFileName({
    year: t.getFullYear(),
    month: t.getMonth() + 1,
    day: t.getDate(),
    hour: t.getHours(),
    minute: t.getMinutes(),
  });
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
  options: { sourceName?: string; now?: () => Date } = {},
): Promise<BackupSaveResult | null> {
  const now = options.now ?? (() => new Date());
  const today = localDay(now());
  const { backups } = await api.listBackups();
  if (backups.some((b) => b.name.startsWith(`netdesk-backup-${today}-`))) return null;
  if ((await firstNonEmptyTable(db)) === null) return null;
  return saveLedgerBackup(db, api, options);
}
