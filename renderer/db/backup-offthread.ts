// The whole-ledger export run off the window's thread: a ten-year ledger is over a gigabyte of
// JSON, and reading it out of IndexedDB and writing it as text on the window's thread kept the UI
// from answering clicks for many seconds at a time while the daily backup ran. A dedicated worker
// (renderer/db/backup.worker.ts) opens the same ledger, runs exportLedgerParts and hands the parts
// over one at a time; the window only forwards each part to backup:save (the main process's API is
// the window's, not the worker's).
//
// The protocol is pull-based: the window asks for the next part when it is ready for it (one part
// ahead of the one being sent), so memory holds at most two parts however slow the disk is.
// When the worker cannot start (no Worker, as in unit tests), the export runs in the window.
import { exportLedgerParts, type ExportPartsOptions, type LedgerExport } from './backup';
import { openNetdeskDb, type NetdeskDb } from './schema';

/** What the window asks for: the export's options that survive a postMessage, and the ledger's name. */
export interface ExportJob {
  dbName: string;
  includeSecrets: boolean;
  includeAttachments: boolean;
  sourceName?: string;
  /** The backup's exportedAt (the window's clock decides it). */
  exportedAt: string;
  partChars?: number;
  batchSize?: number;
}

export type ExportRequest = { type: 'start'; job: ExportJob } | { type: 'next' };

export type ExportReply =
  | { type: 'part'; text: string }
  | { type: 'progress'; done: number; total: number }
  | { type: 'end'; written: LedgerExport['written'] }
  | { type: 'error'; message: string };

/** The two ends of a message channel as both a Worker and a MessagePort offer them. */
export interface ExportPort<In, Out> {
  postMessage(message: Out): void;
  onmessage: ((event: MessageEvent<In>) => void) | null;
}

/**
 * The worker's side: answer one export job on `port`. The ledger is opened by name with `open`
 * (the worker's own connection to the same IndexedDB).
 */
export function serveLedgerExport(
  port: ExportPort<ExportRequest, ExportReply>,
  open: (name: string) => Promise<NetdeskDb> = (name) => openNetdeskDb(name),
): void {
  let parts: AsyncGenerator<string> | null = null;
  let written: LedgerExport['written'] | null = null;
  let db: NetdeskDb | null = null;
  // Requests are answered in order, each after the one before it.
  let queue = Promise.resolve();

  const fail = (e: unknown) => {
    port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    db?.close();
  };

  port.onmessage = (event) => {
    const request = event.data;
    queue = queue.then(async () => {
      try {
        if (request.type === 'start') {
          const { job } = request;
          db = await open(job.dbName);
          const options: ExportPartsOptions = {
            includeSecrets: job.includeSecrets,
            includeAttachments: job.includeAttachments,
            now: () => new Date(job.exportedAt),
            onProgress: (done, total) => port.postMessage({ type: 'progress', done, total }),
            ...(job.sourceName ? { sourceName: job.sourceName } : {}),
            ...(job.partChars ? { partChars: job.partChars } : {}),
            ...(job.batchSize ? { batchSize: job.batchSize } : {}),
          };
          const exported = await exportLedgerParts(db, options);
          parts = exported.parts;
          written = exported.written;
          return;
        }
        if (!parts || !written) throw new Error('export not started');
        const step = await parts.next();
        if (!step.done) {
          port.postMessage({ type: 'part', text: step.value });
          return;
        }
        port.postMessage({ type: 'end', written: { ...written } });
        db?.close();
      } catch (e) {
        fail(e);
      }
    });
  };
}

export interface WorkerLike extends ExportPort<ExportReply, ExportRequest> {
  terminate(): void;
  onerror: ((event: ErrorEvent) => void) | null;
}

/**
 * The window's side: the same LedgerExport as exportLedgerParts, its parts made by `worker`.
 * The worker is terminated when the parts are done, fail, or are abandoned.
 */
export function exportThroughWorker(
  db: NetdeskDb,
  worker: WorkerLike,
  options: ExportPartsOptions = {},
): LedgerExport {
  const now = options.now ?? (() => new Date());
  const job: ExportJob = {
    dbName: db.name,
    includeSecrets: options.includeSecrets ?? false,
    includeAttachments: options.includeAttachments ?? true,
    exportedAt: now().toISOString(),
    ...(options.sourceName ? { sourceName: options.sourceName } : {}),
    ...(options.partChars ? { partChars: options.partChars } : {}),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  };
  const written: LedgerExport['written'] = { records: 0, attachments: 0, includesSecrets: false };

  // Replies not yet taken, and the taker waiting for one.
  const replies: Array<ExportReply | Error> = [];
  let waiting: ((reply: ExportReply | Error) => void) | null = null;
  const deliver = (reply: ExportReply | Error) => {
    if (waiting) {
      const take = waiting;
      waiting = null;
      take(reply);
    } else replies.push(reply);
  };
  worker.onmessage = (event) => {
    const reply = event.data;
    if (reply.type === 'progress') options.onProgress?.(reply.done, reply.total);
    else deliver(reply);
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    deliver(new Error(event.message || 'backup worker failed'));
  };
  const nextReply = () =>
    new Promise<ExportReply | Error>((resolve) => {
      const queued = replies.shift();
      if (queued) resolve(queued);
      else waiting = resolve;
    });

  async function* parts(): AsyncGenerator<string> {
    try {
      worker.postMessage({ type: 'start', job });
      worker.postMessage({ type: 'next' });
      for (;;) {
        const reply = await nextReply();
        if (reply instanceof Error) throw reply;
        if (reply.type === 'error') throw new Error(reply.message);
        if (reply.type === 'end') {
          Object.assign(written, reply.written);
          return;
        }
        if (reply.type !== 'part') continue;
        // The next part is made while this one is sent.
        worker.postMessage({ type: 'next' });
        yield reply.text;
      }
    } finally {
      worker.terminate();
    }
  }

  return { parts: parts(), written };
}

/** The backup worker, or null where workers cannot run (unit tests). */
function startBackupWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./backup.worker.ts', import.meta.url), {
    type: 'module',
    name: 'netdesk-backup',
  });
}

/** exportLedgerParts, in the backup worker when one can start, in the window otherwise. */
export async function exportLedgerOffThread(
  db: NetdeskDb,
  options: ExportPartsOptions = {},
  start: () => WorkerLike | null = startBackupWorker,
): Promise<LedgerExport> {
  const worker = start();
  return worker ? exportThroughWorker(db, worker, options) : exportLedgerParts(db, options);
}
