// Sending a backup's text to backup:save part by part, and gathering it into a Blob for a file the
// supervisor saves: shared by the window and the backup worker (renderer/sync/backup-offthread.ts).
import type { NetdeskApi } from '../../shared/ipc';
import { BACKUP_PART_CHARS, type BackupSaveResult } from '../../shared/sync-ipc';
import type { LedgerExport } from '../db/backup';

export type BackupApi = Pick<NetdeskApi, 'saveBackup' | 'listBackups'>;

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

/**
 * Send the export to backup:save as `fileName`, each part as soon as the next one exists: the last
 * one must say it is the last, with the counts the main process checks when it reads the file back.
 */
export async function sendBackupParts(
  api: Pick<BackupApi, 'saveBackup'>,
  fileName: string,
  exported: LedgerExport,
): Promise<BackupSaveResult> {
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

/** The export as one Blob (a Blob may be larger than any string); each part's string can go once it is in. */
export async function backupBlob(exported: LedgerExport): Promise<Blob> {
  const blobs: Blob[] = [];
  for await (const part of exported.parts) blobs.push(new Blob([part]));
  return new Blob(blobs, { type: 'application/json' });
}
