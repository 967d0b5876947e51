// Preview and restore a backup file of any size by reading it in pieces (a backup must
// always restore; a ten-year one is over a gigabyte, more than file.text() and JSON.parse can
// hold in one string).
//
// Two passes over the file, each a fresh stream of its bytes:
// 1. check (checkBackupFile): every record against its table's schema, ids unique, attachments
//    well-formed; builds the preview. A file with any problem, or cut short, is refused here,
//    before anything is written, with the same texts as parseBackup gives.
// 2. restore (restoreBackupFile): the records again, checked again (the file may have changed in
//    between: then the restore stops at the first problem), merged in batches of 500 per table by
//    the very steps importLedger uses (startImport in ./backup.ts), with progress against the
//    totals the preview counted. Duplicate unique values are looked for once, at the end.
import { readBackupPieces, type BackupCheckResult, type CheckedItem } from '../../shared/backup-check';
import type { BackupAttachment } from '../../shared/backup';
import type { LedgerTable, StoredRecord } from '../../shared/schemas';
import { startImport, type ImportOptions, type ImportSummary } from './backup';
import type { NetdeskDb } from './schema';

/** A backup file to read: a File or Blob, or a download (one fresh stream per pass). */
export interface BackupSource {
  stream(): ReadableStream<Uint8Array> | Promise<ReadableStream<Uint8Array>>;
  /** Its size in bytes, when known (for the check's progress). */
  size?: number | null;
}

export interface CheckProgress {
  /** Bytes of the file read so far, of `totalBytes` (null when the size is not known). */
  bytes: number;
  totalBytes: number | null;
  /** Records and attachments checked so far. */
  records: number;
}

/** Report the check's progress about every this many bytes (a ten-year file is 1.3 GB). */
const PROGRESS_BYTES = 1 << 20;
/** Attachments held before they are written: a count, and their base64 characters. */
const ATTACHMENT_BATCH = 20;
const ATTACHMENT_BATCH_CHARS = 32 << 20;

/** The file's text in pieces, decoded as UTF-8 across the pieces' boundaries (as file.text() does). */
async function* textOf(source: BackupSource, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  const reader = (await source.stream()).getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      onBytes?.(bytes);
      const text = decoder.decode(value, { stream: true });
      if (text) yield text;
    }
    finished = true;
    const tail = decoder.decode();
    if (tail) yield tail;
  } finally {
    // Stopped early (a problem in the restore pass): let the file go.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Pass 1: check the whole file and count what it holds, writing nothing. */
export async function checkBackupFile(
  source: BackupSource,
  options: { onProgress?: (progress: CheckProgress) => void } = {},
): Promise<BackupCheckResult> {
  const { onProgress } = options;
  const totalBytes = source.size ?? null;
  let records = 0;
  let bytes = 0;
  let shown = -PROGRESS_BYTES;
  const result = await readBackupPieces(
    textOf(source, (n) => {
      bytes = n;
      if (n - shown >= PROGRESS_BYTES) {
        shown = n;
        onProgress?.({ bytes, totalBytes, records });
      }
    }),
    { onItem: () => void records++ },
  );
  onProgress?.({ bytes, totalBytes, records });
  return result;
}

/**
 * Pass 2: import a file that passed checkBackupFile (`checked` is its result). Throws
 * RepositoryError 'not-empty' in 'empty' mode when the ledger holds records, before reading
 * anything; throws when the file no longer passes the check (it changed since).
 */
export async function restoreBackupFile(
  db: NetdeskDb,
  source: BackupSource,
  checked: Extract<BackupCheckResult, { ok: true }>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const { mode, onProgress, chunkSize = 500, now } = options;
  const size = Math.max(1, Math.floor(chunkSize));
  const run = await startImport(db, { mode, ...(now ? { now } : {}) });
  const total = checked.preview.totalRecords + checked.preview.attachments;
  let done = 0;
  const touched = new Set<LedgerTable>();
  let table: LedgerTable | null = null;
  let batch: StoredRecord<LedgerTable>[] = [];
  let files: BackupAttachment[] = [];
  let fileChars = 0;

  const writeRecords = async () => {
    if (!table || batch.length === 0) return;
    const chunk = batch;
    batch = [];
    await run.records(table, chunk);
    done += chunk.length;
    onProgress?.({ done, total, stage: table });
  };
  const writeFiles = async () => {
    if (files.length === 0) return;
    const chunk = files;
    files = [];
    fileChars = 0;
    await run.attachments(chunk);
    done += chunk.length;
    onProgress?.({ done, total, stage: 'attachments' });
  };
  const take = async (item: CheckedItem) => {
    if (item.kind === 'record') {
      if (item.table !== table) await writeRecords();
      table = item.table;
      touched.add(table);
      batch.push(item.record);
      if (batch.length >= size) await writeRecords();
    } else {
      await writeRecords();
      files.push(item.attachment);
      fileChars += item.attachment.base64.length;
      if (files.length >= ATTACHMENT_BATCH || fileChars >= ATTACHMENT_BATCH_CHARS) await writeFiles();
    }
  };

  const again = await readBackupPieces(textOf(source), { onItem: take, stopAtProblem: true });
  if (!again.ok)
    throw new Error(
      `备份文件在检查之后变了，恢复已停止 / the backup file changed after it was checked: ${again.problems[0] ?? ''}`,
    );
  await writeRecords();
  await writeFiles();
  return run.finish([...touched]);
}
