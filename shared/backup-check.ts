// Checking a backup that is read in pieces (shared/backup-stream.ts) instead of parsed whole: the
// same checks as validateBackup (shared/backup.ts), made event by event, with the same problem
// texts, so a ten-year backup (more text than one JavaScript string may hold) is refused or
// accepted exactly as a small one is. The checker also gathers what the restore preview shows.
//
// Used twice per restore in the renderer (a first pass checks the whole file and builds the
// preview before anything is written; the second pass imports the records the checker hands back,
// and stops if the file changed between the passes) and by the main process to verify a backup
// it just wrote. Pure: no DOM, no Node.
import { backupAttachmentSchema, envelopeSchema, type BackupAttachment, type LedgerBackup } from './backup';
import { BackupScanner, BackupStreamError, type BackupStreamEvent } from './backup-stream';
import { LEDGER_TABLES, storedRecordSchema, type LedgerTable, type StoredRecord } from './schemas';
import { issueLines, issueText } from './schemas/issues';

/** What a backup holds, for the confirmation before an import. */
export interface BackupPreview {
  exportedAt: string;
  source: LedgerBackup['source'];
  /** Per table: records in use and deleted ones (tombstones). Every table is listed. */
  tables: Record<LedgerTable, { live: number; deleted: number }>;
  totalRecords: number;
  attachments: number;
  attachmentBytes: number;
  /** Whether any device password or config is in the file (it must then be kept safe). */
  includesSecrets: boolean;
}

export type BackupCheckResult =
  | {
      ok: true;
      preview: BackupPreview;
      /** The tables the document lists, empty ones included, in document order. */
      tablesListed: LedgerTable[];
      /** Whether the document has an `attachments` array (possibly empty). */
      hasAttachments: boolean;
    }
  | { ok: false; problems: string[] };

/** One checked item, as the import takes it (defaults filled in, unknown fields dropped). */
export type CheckedItem =
  | { kind: 'record'; table: LedgerTable; record: StoredRecord<LedgerTable> }
  | { kind: 'attachment'; attachment: BackupAttachment };

const MAX_PROBLEMS = 50;
const ENVELOPE_FIELDS = ['format', 'version', 'exportedAt', 'source'] as const;
type EnvelopeField = (typeof ENVELOPE_FIELDS)[number];

function emptyCounts(): BackupPreview['tables'] {
  return Object.fromEntries(
    LEDGER_TABLES.map((t) => [t, { live: 0, deleted: 0 }]),
  ) as BackupPreview['tables'];
}

export class BackupChecker {
  /** Problems of the document's frame (fields, shapes): when there are any, only these are reported. */
  private envelopeProblems: string[] = [];
  private problems: string[] = [];
  private fields = new Map<EnvelopeField, unknown>();
  private tablesSeen = false;
  private listed: LedgerTable[] = [];
  private hasAttachments = false;
  private ids = new Map<LedgerTable, Set<string>>();
  private counts = emptyCounts();
  private totalRecords = 0;
  private attachments = 0;
  private attachmentBytes = 0;
  private includesSecrets = false;
  /** One schema per table: building one (and zod's first parse of it) costs far more than a record. */
  private schemas = new Map<LedgerTable, ReturnType<typeof storedRecordSchema>>();

  /** Take one event; returns the record or attachment it carried once checked, otherwise null. */
  take(e: BackupStreamEvent): CheckedItem | null {
    switch (e.kind) {
      case 'section':
        if (e.where === 'tables') this.tablesSeen = true;
        else if (e.where === 'attachments') this.hasAttachments = true;
        else {
          const name = e.where.slice('tables.'.length);
          if ((LEDGER_TABLES as string[]).includes(name)) {
            const table = name as LedgerTable;
            if (!this.listed.includes(table)) this.listed.push(table);
          } else this.problems.push(`${e.where}: unknown table`);
        }
        return null;
      case 'problem':
        if (e.where === 'tables') this.tablesSeen = true;
        this.envelopeProblems.push(`${e.where}: ${e.message}`);
        return null;
      case 'field':
        if ((ENVELOPE_FIELDS as readonly string[]).includes(e.name)) {
          const name = e.name as EnvelopeField;
          const r = envelopeSchema.shape[name].safeParse(e.value);
          this.fields.set(name, r.success ? r.data : e.value);
          if (!r.success) this.envelopeProblems.push(...issueLines(r.error, { at: name }));
        }
        // Other fields are ignored, as validateBackup ignores them; a wrong-shaped `tables` or
        // `attachments` came with its own problem event.
        return null;
      case 'record':
        return this.record(e.table, e.index, e.value);
      case 'attachment':
        return this.attachment(e.index, e.value);
    }
  }

  private record(name: string, index: number, value: unknown): CheckedItem | null {
    if (!(LEDGER_TABLES as string[]).includes(name)) return null; // reported once, as unknown
    const table = name as LedgerTable;
    let schema = this.schemas.get(table);
    if (!schema) this.schemas.set(table, (schema = storedRecordSchema(table)));
    const r = schema.safeParse(value);
    if (!r.success) {
      this.problem(issueText(r.error, { at: `tables.${name}[${index}]`, first: true }));
      return null;
    }
    const record = r.data as StoredRecord<LedgerTable> & { deletedAt: string | null; secret?: unknown };
    let ids = this.ids.get(table);
    if (!ids) this.ids.set(table, (ids = new Set()));
    if (ids.has(record.id)) {
      this.problem(`tables.${name}[${index}].id: duplicate id ${record.id}`);
      return null;
    }
    ids.add(record.id);
    this.totalRecords++;
    if (record.deletedAt) this.counts[table].deleted++;
    else this.counts[table].live++;
    if (table === 'devices' && typeof record.secret === 'string' && record.secret !== '')
      this.includesSecrets = true;
    return { kind: 'record', table, record };
  }

  private attachment(index: number, value: unknown): CheckedItem | null {
    const r = backupAttachmentSchema.safeParse(value);
    if (!r.success) {
      this.problem(issueText(r.error, { at: `attachments[${index}]`, first: true }));
      return null;
    }
    this.attachments++;
    this.attachmentBytes += r.data.size;
    return { kind: 'attachment', attachment: r.data };
  }

  private problem(text: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(text);
  }

  /** The text could not be read as a JSON document (BackupScanner threw). */
  unreadable(err: unknown): void {
    this.envelopeProblems.push(`not a JSON document: ${err instanceof Error ? err.message : String(err)}`);
  }

  /** Any problem found so far (the import pass stops at the first). */
  firstProblem(): string | null {
    return this.envelopeProblems[0] ?? this.problems[0] ?? null;
  }

  /** The verdict once the whole text was read. */
  result(): BackupCheckResult {
    const envelope = [...this.envelopeProblems];
    if (!envelope.some((p) => p.startsWith('not a JSON document'))) {
      for (const name of ['format', 'version', 'exportedAt'] as const) {
        if (this.fields.has(name)) continue;
        const r = envelopeSchema.shape[name].safeParse(undefined);
        if (!r.success) envelope.push(...issueLines(r.error, { at: name, first: true }));
      }
      if (!this.tablesSeen) {
        const r = envelopeSchema.shape.tables.safeParse(undefined);
        envelope.push(r.success ? 'tables: required' : issueText(r.error, { at: 'tables', first: true }));
      }
    }
    if (envelope.length > 0) return { ok: false, problems: envelope };
    if (this.problems.length > 0) return { ok: false, problems: [...this.problems] };
    const source = this.fields.get('source') as LedgerBackup['source'];
    return {
      ok: true,
      preview: {
        exportedAt: this.fields.get('exportedAt') as string,
        source,
        tables: this.counts,
        totalRecords: this.totalRecords,
        attachments: this.attachments,
        attachmentBytes: this.attachmentBytes,
        includesSecrets: this.includesSecrets,
      },
      tablesListed: [...this.listed],
      hasAttachments: this.hasAttachments,
    };
  }
}

export interface ReadBackupOptions {
  /** Each record and attachment that passed, in document order (awaited before reading on). */
  onItem?: (item: CheckedItem) => void | Promise<void>;
  /** Stop reading at the first problem (the import pass: the file changed since it was checked). */
  stopAtProblem?: boolean;
}

/**
 * Read a backup from its text in pieces of any size and check it. Never throws for a bad file:
 * text that is not JSON, or is cut short, becomes a problem like any other.
 */
export async function readBackupPieces(
  pieces: AsyncIterable<string> | Iterable<string>,
  options: ReadBackupOptions = {},
): Promise<BackupCheckResult> {
  const scanner = new BackupScanner();
  const checker = new BackupChecker();
  const handle = async (events: BackupStreamEvent[]): Promise<boolean> => {
    for (const e of events) {
      const item = checker.take(e);
      if (options.stopAtProblem && checker.firstProblem() !== null) return false;
      if (item && options.onItem) await options.onItem(item);
    }
    return true;
  };
  try {
    for await (const piece of pieces) if (!(await handle(scanner.push(piece)))) return checker.result();
    await handle(scanner.end());
  } catch (err) {
    // Only the scanner's errors are about the file; a failing onItem (a write) is not.
    if (!(err instanceof BackupStreamError)) throw err;
    checker.unreadable(err);
  }
  return checker.result();
}
