// Reading an XLSX workbook (device and quote imports) off the window's thread: the XLSX import
// worker (xlsx.worker.ts) checks the workbook against the limits (shared/import/xlsx-check.ts) and only then parses it
// with exceljs, reporting its progress; the window stays responsive and can cancel, which ends
// the worker at once. Where no worker can start (unit tests) or the worker fails to load, the same
// reading runs in the window.
import type { DeviceFileError } from '../../shared/import/devices';
import { checkXlsx } from '../../shared/import/xlsx-check';
import { readXlsxSheets, type WorkbookSheet } from './read-xlsx';

export type WorkbookRead = { ok: true; sheets: WorkbookSheet[] } | { ok: false; error: DeviceFileError };

export type XlsxWorkerReply =
  { type: 'progress'; done: number; total: number } | { type: 'read'; read: WorkbookRead };

/** Check the workbook, then parse it: what the worker does, in whichever thread runs it. */
export async function readWorkbook(
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void,
): Promise<WorkbookRead> {
  const check = checkXlsx(bytes, onProgress ? { onProgress } : {});
  if (!check.ok) {
    if (check.limit === 'unreadable')
      return { ok: false, error: { code: 'unreadable', detail: check.detail } };
    return {
      ok: false,
      error: {
        code: 'too-large',
        limit: check.limit,
        max: check.max,
        ...(check.row ? { row: check.row } : {}),
      },
    };
  }
  try {
    return { ok: true, sheets: await readXlsxSheets(bytes) };
  } catch (err) {
    return {
      ok: false,
      error: { code: 'unreadable', detail: err instanceof Error ? err.message : String(err) },
    };
  }
}

export interface ReadOptions {
  /** Compressed bytes checked so far, of the file's size. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting ends the worker; the read then answers null. */
  signal?: AbortSignal;
}

/** Read a workbook in the import worker; null when cancelled. */
export function readWorkbookOffThread(
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<WorkbookRead | null> {
  const { onProgress, signal } = options;
  if (signal?.aborted) return Promise.resolve(null);
  if (typeof Worker === 'undefined' || typeof window === 'undefined') return readWorkbook(bytes, onProgress);
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./xlsx.worker.ts', import.meta.url), {
      type: 'module',
      name: 'netdesk-xlsx',
    });
    let settled = false;
    const finish = (read: WorkbookRead | null) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      signal?.removeEventListener('abort', cancel);
      resolve(read);
    };
    const cancel = () => finish(null);
    signal?.addEventListener('abort', cancel);
    worker.onmessage = (event: MessageEvent<XlsxWorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') onProgress?.(reply.done, reply.total);
      else finish(reply.read);
    };
    // The worker could not start or died: read here instead, so a workbook is never lost to it.
    worker.onerror = (event) => {
      event.preventDefault();
      if (settled) return;
      worker.terminate();
      settled = true;
      signal?.removeEventListener('abort', cancel);
      void readWorkbook(bytes, onProgress).then(resolve);
    };
    worker.postMessage(bytes);
  });
}
