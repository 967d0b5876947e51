// Issued PDFs (repair cards, sign-in sheets, the monthly KPI report): saving them into the reports
// folder or where the user picks, and opening them again. Every PDF saved is written into the
// index of issued reports (report-index.ts); a page can open again, or browser mode serve, only
// what is in that index, never any other file of the folder.
import { mkdir, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { IpcParsedRequest, PdfSaveResult } from '../../shared/ipc';
import { ServiceError } from './errors';
import { isInside, writeFileAtomic, writeNewFile } from './files';
import type { ReportIndex } from './report-index';
import type { ServiceHost } from './types';

/** The reports folder: the one chosen in settings (relative paths count from the data folder), else <data>/reports. */
export function reportsDirOf(dataDir: string, settingsReportsDir: string): string {
  const chosen = settingsReportsDir.trim();
  return chosen ? resolve(dataDir, chosen) : join(dataDir, 'reports');
}

export async function savePdf(
  host: ServiceHost,
  reportsDir: string,
  req: IpcParsedRequest<'pdf:save'>,
  issued?: ReportIndex,
): Promise<PdfSaveResult> {
  let saved: { fileName: string; path: string };
  if (req.target === 'dialog' && host.showSaveDialog) {
    const chosen = await host.showSaveDialog(req.fileName);
    if (!chosen) return { saved: false };
    // The save dialog has already asked the user before replacing an existing file.
    await writeFileAtomic(chosen, req.bytes);
    saved = { fileName: basename(chosen), path: chosen };
  } else {
    // 'reports', or 'dialog' where there is no dialog (browser mode): into the reports folder.
    await mkdir(reportsDir, { recursive: true });
    saved = await writeNewFile(reportsDir, req.fileName, req.bytes);
  }
  // Only what is in the index is ever served back (/files/) or opened again (file:open).
  await issued?.record({ fileName: saved.fileName, path: saved.path, bytes: req.bytes });
  const result: PdfSaveResult = { saved: true, ...saved };
  if (req.open) {
    let opened: { opened: boolean; url?: string };
    try {
      opened = await host.openPath(saved.path);
    } catch (err) {
      // Say where the file is, so the user prints it from there instead of saving it again.
      const why = err instanceof Error ? err.message : String(err);
      throw new ServiceError('failed', `PDF 已保存到 ${saved.path}，但无法打开：${why}`);
    }
    if (opened.url) result.url = opened.url;
  }
  return result;
}

/**
 * Resolve a file name from the renderer to a file inside the reports folder. The request schema
 * already allows only plain names; this checks again here, and follows symbolic links, because a
 * link inside the folder may point anywhere on the disk.
 */
export async function resolveReportFile(reportsDir: string, fileName: string): Promise<string> {
  if (!fileName || isAbsolute(fileName) || /[\\/]/.test(fileName) || fileName === '.' || fileName === '..') {
    throw new ServiceError('forbidden', '只能打开报表文件夹中的文件');
  }
  const candidate = resolve(reportsDir, fileName);
  if (!isInside(reportsDir, candidate) || candidate === resolve(reportsDir)) {
    throw new ServiceError('forbidden', '只能打开报表文件夹中的文件');
  }
  let real: string;
  let realFolder: string;
  try {
    [real, realFolder] = await Promise.all([realpath(candidate), realpath(reportsDir)]);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ServiceError('not-found', `报表文件不存在：${fileName}`);
    }
    throw err;
  }
  if (!isInside(realFolder, real)) throw new ServiceError('forbidden', '只能打开报表文件夹中的文件');
  const info = await stat(real);
  if (!info.isFile()) throw new ServiceError('not-found', `报表文件不存在：${fileName}`);
  return real;
}

/** Open an issued PDF again: only one NetDesk wrote, and only while its bytes are unchanged. */
export async function openReport(
  host: ServiceHost,
  issued: ReportIndex,
  req: IpcParsedRequest<'file:open'>,
): Promise<{ opened: boolean; url?: string }> {
  const path = await issued.find(req.fileName);
  if (!path) {
    throw new ServiceError('not-found', `不是 NetDesk 出具的报表，或文件已被改动：${req.fileName}`);
  }
  return host.openPath(path);
}
