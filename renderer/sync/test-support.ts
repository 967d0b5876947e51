// Helpers for the backup tests: a backup:save that keeps what it was sent. Imported by tests only.
import type { IpcRequest } from '../../shared/ipc';
import type { BackupSaveResult } from '../../shared/sync-ipc';
import type { BackupApi } from './backup-send';

/** A backup:save that keeps the requests and the text they make, as the main process would write it. */
export function recordingBackupApi() {
  const sent: { text: string; requests: IpcRequest<'backup:save'>[] } = { text: '', requests: [] };
  const api: BackupApi = {
    saveBackup(req: IpcRequest<'backup:save'>): Promise<BackupSaveResult> {
      sent.requests.push(req);
      sent.text = req.part === 0 ? req.text : sent.text + req.text;
      return Promise.resolve({ done: req.last });
    },
    listBackups: () => Promise.resolve({ dir: '', backups: [] }),
  };
  return { api, sent };
}
