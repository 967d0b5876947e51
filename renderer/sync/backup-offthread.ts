// Backups made off the window's thread. A ten-year ledger is over a gigabyte of backup text:
// reading it out of IndexedDB, writing it as JSON and handing it to the service on the window's
// thread kept the UI from answering clicks for seconds at a time while the daily backup ran.
// A dedicated worker (renderer/sync/backup.worker.ts) opens its own connection to the same ledger
// and runs exportLedgerParts. What it does with the text depends on who can reach the service:
//
// - 'save' (browser mode): the service is HTTP on loopback, which a worker can call too; the worker
//   sends every part to backup:save itself and answers with the result. The window does nothing
//   but show progress. (A large POST body built on the window's thread cost it about two seconds
//   per 8 MB part: the JSON text, then the request body.)
// - 'parts' (Electron): the service is the preload's IPC, which only the window has; the window
//   pulls the parts one ahead of the one it is sending, so memory holds at most two.
// - 'file' (an export the supervisor saves): the worker gathers the parts into one Blob and hands it
//   over (a Blob passes by reference).
//
// Where no worker can start (unit tests), the callers export in the window instead.
import { createHttpNetdesk } from '../api/netdesk';
import type { BackupSaveResult } from '../../shared/sync-ipc';
import { exportLedgerParts, type ExportPartsOptions, type LedgerExport } from '../db/backup';
import { openNetdeskDb, type NetdeskDb } from '../db/schema';
import { backupBlob, sendBackupParts, type BackupApi } from './backup-send';

/** The export's options that survive a postMessage, and the ledger's name. */
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

export type JobKind =
  { kind: 'parts' } | { kind: 'file' } | { kind: 'save'; fileName: string; token: string; baseUrl: string };

export type BackupWorkerRequest = { type: 'start'; job: ExportJob; as: JobKind } | { type: 'next' };

type Written = LedgerExport['written'];

export type BackupWorkerReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'part'; text: string }
  | { type: 'end'; written: Written }
  | { type: 'file'; blob: Blob; written: Written }
  | { type: 'saved'; result: BackupSaveResult; written: Written }
  | { type: 'error'; message: string };

/** One end of a message channel, as both a Worker and a MessagePort offer it. */
export interface MessageEnd<In, Out> {
  postMessage(message: Out): void;
  onmessage: ((event: MessageEvent<In>) => void) | null;
}

export interface WorkerLike extends MessageEnd<BackupWorkerReply, BackupWorkerRequest> {
  terminate(): void;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface WorkerServices {
  /** The worker's own connection to the ledger. */
  open(name: string): Promise<NetdeskDb>;
  /** The service over HTTP, for a 'save' job. */
  http(token: string, baseUrl: string): Pick<BackupApi, 'saveBackup'>;
}

const workerServices: WorkerServices = {
  open: (name) => openNetdeskDb(name),
  http: (token, baseUrl) => createHttpNetdesk({ token, baseUrl }),
};

/** The worker's side: answer one job on `port`. */
export function serveBackupWorker(
  port: MessageEnd<BackupWorkerRequest, BackupWorkerReply>,
  services: WorkerServices = workerServices,
): void {
  let parts: AsyncGenerator<string> | null = null;
  let written: Written | null = null;
  let db: NetdeskDb | null = null;
  // Requests are answered in order, each after the one before it.
  let queue = Promise.resolve();

  const run = async (request: BackupWorkerRequest) => {
    if (request.type === 'next') {
      if (!parts || !written) throw new Error('backup export not started');
      const step = await parts.next();
      if (!step.done) port.postMessage({ type: 'part', text: step.value });
      else {
        db?.close();
        port.postMessage({ type: 'end', written: { ...written } });
      }
      return;
    }
    const { job, as } = request;
    db = await services.open(job.dbName);
    const exported = await exportLedgerParts(db, {
      includeSecrets: job.includeSecrets,
      includeAttachments: job.includeAttachments,
      now: () => new Date(job.exportedAt),
      onProgress: (done, total) => port.postMessage({ type: 'progress', done, total }),
      ...(job.sourceName ? { sourceName: job.sourceName } : {}),
      ...(job.partChars ? { partChars: job.partChars } : {}),
      ...(job.batchSize ? { batchSize: job.batchSize } : {}),
    });
    if (as.kind === 'parts') {
      parts = exported.parts;
      written = exported.written;
      return;
    }
    if (as.kind === 'file') {
      const blob = await backupBlob(exported);
      db.close();
      port.postMessage({ type: 'file', blob, written: { ...exported.written } });
      return;
    }
    const result = await sendBackupParts(services.http(as.token, as.baseUrl), as.fileName, exported);
    db.close();
    port.postMessage({ type: 'saved', result, written: { ...exported.written } });
  };

  port.onmessage = (event) => {
    const request = event.data;
    queue = queue.then(() =>
      run(request).catch((e: unknown) => {
        db?.close();
        port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      }),
    );
  };
}

function jobOf(db: NetdeskDb, options: ExportPartsOptions): ExportJob {
  const now = options.now ?? (() => new Date());
  return {
    dbName: db.name,
    includeSecrets: options.includeSecrets ?? false,
    includeAttachments: options.includeAttachments ?? true,
    exportedAt: now().toISOString(),
    ...(options.sourceName ? { sourceName: options.sourceName } : {}),
    ...(options.partChars ? { partChars: options.partChars } : {}),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  };
}

/** The worker's replies in order (progress goes straight to the callback), and its failures. */
function replies(worker: WorkerLike, onProgress?: (done: number, total: number) => void) {
  const queued: Array<BackupWorkerReply | Error> = [];
  let waiting: ((reply: BackupWorkerReply | Error) => void) | null = null;
  const deliver = (reply: BackupWorkerReply | Error) => {
    if (!waiting) return void queued.push(reply);
    const take = waiting;
    waiting = null;
    take(reply);
  };
  worker.onmessage = (event) => {
    const reply = event.data;
    if (reply.type === 'progress') onProgress?.(reply.done, reply.total);
    else deliver(reply);
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    deliver(new Error(event.message || 'backup worker failed'));
  };
  /** The next reply; a failure (in the worker or of it) is thrown. */
  return async (): Promise<BackupWorkerReply> => {
    const reply = queued.shift() ?? (await new Promise<BackupWorkerReply | Error>((r) => (waiting = r)));
    if (reply instanceof Error) throw reply;
    if (reply.type === 'error') throw new Error(reply.message);
    return reply;
  };
}

/**
 * The same LedgerExport as exportLedgerParts, its parts made by `worker` ('parts'). The worker is
 * terminated when the parts are done, fail, or are abandoned.
 */
export function exportThroughWorker(
  db: NetdeskDb,
  worker: WorkerLike,
  options: ExportPartsOptions = {},
): LedgerExport {
  const job = jobOf(db, options);
  const written: Written = { records: 0, attachments: 0, includesSecrets: false };
  const next = replies(worker, options.onProgress);

  async function* parts(): AsyncGenerator<string> {
    try {
      worker.postMessage({ type: 'start', job, as: { kind: 'parts' } });
      worker.postMessage({ type: 'next' });
      for (;;) {
        const reply = await next();
        if (reply.type === 'end') return void Object.assign(written, reply.written);
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

/** Run a 'file' or 'save' job to its one answer, then let the worker go. */
async function oneAnswer(
  db: NetdeskDb,
  worker: WorkerLike,
  options: ExportPartsOptions,
  as: JobKind,
): Promise<BackupWorkerReply> {
  const next = replies(worker, options.onProgress);
  try {
    worker.postMessage({ type: 'start', job: jobOf(db, options), as });
    for (;;) {
      const reply = await next();
      if (reply.type === 'file' || reply.type === 'saved') return reply;
    }
  } finally {
    worker.terminate();
  }
}

/** The whole backup as one Blob, made by `worker`. */
export async function fileThroughWorker(
  db: NetdeskDb,
  worker: WorkerLike,
  options: ExportPartsOptions = {},
): Promise<{ blob: Blob; written: Written }> {
  const reply = await oneAnswer(db, worker, options, { kind: 'file' });
  if (reply.type !== 'file') throw new Error('backup worker answered out of turn');
  return { blob: reply.blob, written: reply.written };
}

/** The backup saved through browser mode's HTTP service by `worker` itself. */
export async function saveThroughWorker(
  db: NetdeskDb,
  worker: WorkerLike,
  options: ExportPartsOptions,
  http: { fileName: string; token: string; baseUrl: string },
): Promise<BackupSaveResult> {
  const reply = await oneAnswer(db, worker, options, { kind: 'save', ...http });
  if (reply.type !== 'saved') throw new Error('backup worker answered out of turn');
  return reply.result;
}

/** The backup worker, or null where workers cannot run (unit tests, a worker itself). */
export function startBackupWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined' || typeof window === 'undefined') return null;
  return new Worker(new URL('./backup.worker.ts', import.meta.url), {
    type: 'module',
    name: 'netdesk-backup',
  });
}
