// Choosing the reports folder and the sync folder without the page ever naming a path: the
// main process's own folder dialog in Electron, or a fixed choice (the data folder's reports/,
// NetDesk 报表 in the user's Documents, sync off). Browser mode has no dialog; its sync folder is
// given in the terminal that starts it (npm start -- --sync-folder PATH), see browser/main.ts.
import { isAbsolute, join } from 'node:path';
import { checkPath, FileNameError } from '../../shared/file-names';
import type { ChooseFolderResult, IpcParsedRequest } from '../../shared/ipc';
import { ServiceError } from './errors';
import type { SettingsStore } from './settings';
import type { ServiceHost } from './types';

/** The reports folder offered in the user's Documents. */
export const DOCUMENTS_REPORTS_FOLDER = 'NetDesk 报表';

/** A folder path from a dialog or the terminal: absolute, and no NUL or control characters. */
export function checkFolderPath(path: string): string {
  try {
    checkPath(path);
  } catch (err) {
    if (err instanceof FileNameError) throw new ServiceError('bad-request', err.message);
    throw err;
  }
  if (!isAbsolute(path) && !/^\\\\[^\\]+\\[^\\]+/.test(path)) {
    throw new ServiceError(
      'bad-request',
      `文件夹必须是完整路径：${path}  The folder must be a full path: ${path}`,
    );
  }
  return path;
}

export async function chooseFolder(
  host: ServiceHost,
  store: SettingsStore,
  req: IpcParsedRequest<'settings:chooseFolder'>,
): Promise<ChooseFolderResult> {
  let value: string;
  if (req.choice === 'dialog') {
    if (!host.chooseFolder) {
      throw new ServiceError(
        'forbidden',
        '浏览器模式没有文件夹对话框：共享文件夹请在启动时指定（npm start -- --sync-folder 路径）。' +
          'Browser mode has no folder dialog: give the shared folder when starting (npm start -- --sync-folder PATH).',
      );
    }
    const picked = await host.chooseFolder(req.which);
    if (picked === undefined) return { chosen: false, settings: (await store.read()).settings };
    value = checkFolderPath(picked);
  } else if (req.which === 'reports') {
    value = req.choice === 'documents' ? join(host.documentsDir, DOCUMENTS_REPORTS_FOLDER) : '';
  } else {
    value = ''; // sync off
  }
  const settings = await store.write(req.which === 'reports' ? { reportsDir: value } : { syncFolder: value });
  return { chosen: true, settings };
}
