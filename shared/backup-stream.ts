// Backups at ten years' scale (docs/backup-format.md): a ten-year ledger is over a gigabyte of
// JSON, more than one JavaScript string may hold, so neither side may build the whole document.
//
// - `backupTextParts` writes the document part by part, byte for byte what `serializeBackup`
//   writes for the same backup (tables in registry order, one-space indentation).
// - `BackupScanner` reads any valid backup document from text pieces of any size: it walks the
//   structure itself only down to the records and hands each record, attachment and top-level
//   field to the native JSON.parse, so memory stays at one record plus one piece of text.
// Pure: no DOM, no Node. The renderer feeds it a File's stream; the CLI and the bench feed it a
// Node stream.
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupAttachment } from './backup';
import { LEDGER_TABLES, type LedgerTable } from './schemas';

// ---------------------------------------------------------------------------------------------
// Writing

export interface BackupHead {
  exportedAt: string;
  source?: { nodeId?: string; name?: string };
}

/** One table's records, a batch at a time, in the order they are to be written. */
export type TableBatches = (
  table: LedgerTable,
) => AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>;

/** JSON.stringify(value, null, 1) placed at `depth` levels of one-space indentation. */
function indented(value: unknown, depth: number): string {
  const pad = ' '.repeat(depth);
  // A JSON string never holds a raw line break (it is escaped), so every '\n' is layout.
  return pad + JSON.stringify(value, null, 1).replaceAll('\n', `\n${pad}`);
}

/**
 * The document's layout around the records, shared by the two writers below so that both write
 * exactly what serializeBackup writes. Text collects in `part` until the writer hands it on.
 */
class BackupLayout {
  part = '';
  private first = true;
  private readonly listed: LedgerTable[];

  constructor(head: BackupHead, tables: readonly LedgerTable[]) {
    this.listed = LEDGER_TABLES.filter((t) => tables.includes(t));
    this.part = '{\n';
    this.part += ` "format": ${JSON.stringify(BACKUP_FORMAT)},\n`;
    this.part += ` "version": ${BACKUP_VERSION},\n`;
    this.part += ` "exportedAt": ${JSON.stringify(head.exportedAt)},\n`;
    if (head.source) this.part += ` "source": ${indented(head.source, 1).trimStart()},\n`;
    this.part += ' "tables": {';
    if (this.listed.length === 0) this.part += '}';
  }

  /** The tables to write, in registry order. */
  tables(): readonly LedgerTable[] {
    return this.listed;
  }

  openTable(index: number, table: LedgerTable): void {
    this.part += `${index ? ',' : ''}\n  ${JSON.stringify(table)}: [`;
    this.first = true;
  }

  /** A record (depth 3) or an attachment (depth 2). */
  item(value: unknown, depth: number): void {
    this.part += `${this.first ? '' : ','}\n${indented(value, depth)}`;
    this.first = false;
  }

  closeTable(): void {
    this.part += this.first ? ']' : '\n  ]';
  }

  closeTables(): void {
    if (this.listed.length) this.part += '\n }';
  }

  openAttachments(): void {
    this.part += ',\n "attachments": [';
    this.first = true;
  }

  closeAttachments(): void {
    this.part += this.first ? ']' : '\n ]';
  }

  end(): string {
    this.part += '\n}';
    return this.take();
  }

  /** The text collected so far, when it is at least `min` characters (otherwise null). */
  takeIfOver(min: number): string | null {
    return this.part.length >= min ? this.take() : null;
  }

  private take(): string {
    const out = this.part;
    this.part = '';
    return out;
  }
}

/**
 * The backup document in parts of roughly `partChars` characters. `tables` lists the tables the
 * backup holds (a table not listed is left out, as in a backup without it); `attachments`, when
 * given, are written after the tables.
 */
export async function* backupTextParts(
  head: BackupHead,
  tables: readonly LedgerTable[],
  batches: TableBatches,
  attachments?: AsyncIterable<readonly BackupAttachment[]> | Iterable<readonly BackupAttachment[]>,
  partChars = 1 << 20,
): AsyncGenerator<string> {
  const layout = new BackupLayout(head, tables);
  for (const [ti, table] of layout.tables().entries()) {
    layout.openTable(ti, table);
    for await (const batch of batches(table)) {
      for (const record of batch) layout.item(record, 3);
      const part = layout.takeIfOver(partChars);
      if (part !== null) yield part;
    }
    layout.closeTable();
  }
  layout.closeTables();
  if (attachments) {
    layout.openAttachments();
    for await (const batch of attachments) {
      for (const a of batch) {
        layout.item(a, 2);
        const part = layout.takeIfOver(partChars);
        if (part !== null) yield part;
      }
    }
    layout.closeAttachments();
  }
  yield layout.end();
}

/**
 * backupTextParts for a writer that has every batch at hand without waiting (a Node tool writing
 * a generated ledger to disk with synchronous writes): the same text, part by part.
 */
export function* backupTextPartsSync(
  head: BackupHead,
  tables: readonly LedgerTable[],
  batches: (table: LedgerTable) => Iterable<readonly unknown[]>,
  attachments?: Iterable<readonly BackupAttachment[]>,
  partChars = 1 << 20,
): Generator<string> {
  const layout = new BackupLayout(head, tables);
  for (const [ti, table] of layout.tables().entries()) {
    layout.openTable(ti, table);
    for (const batch of batches(table)) {
      for (const record of batch) layout.item(record, 3);
      const part = layout.takeIfOver(partChars);
      if (part !== null) yield part;
    }
    layout.closeTable();
  }
  layout.closeTables();
  if (attachments) {
    layout.openAttachments();
    for (const batch of attachments) {
      for (const a of batch) {
        layout.item(a, 2);
        const part = layout.takeIfOver(partChars);
        if (part !== null) yield part;
      }
    }
    layout.closeAttachments();
  }
  yield layout.end();
}

// ---------------------------------------------------------------------------------------------
// Reading

export type BackupStreamEvent =
  /** A top-level field other than the tables and the attachments (format, version, …). */
  | { kind: 'field'; name: string; value: unknown }
  /** One record of a table, as parsed JSON (not yet checked against the table's schema). */
  | { kind: 'record'; table: string; index: number; value: unknown }
  | { kind: 'attachment'; index: number; value: unknown }
  /**
   * A section opens: 'tables', 'tables.<name>' (one table's array) or 'attachments'. Says that a
   * section is there even when it holds nothing (an empty table, no attachments).
   */
  | { kind: 'section'; where: string }
  /** The document's shape is wrong at this place (e.g. a table that is not an array). */
  | { kind: 'problem'; where: string; message: string };

/** Thrown for text that is not a JSON document at all (or ends before it is complete). */
export class BackupStreamError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at character ${offset})`);
    this.name = 'BackupStreamError';
  }
}

interface Frame {
  kind: 'obj' | 'arr';
  /** Where this container sits: [] for the document, ['tables'], ['tables', 'people'], ['attachments']. */
  path: string[];
  /** Objects: the key read, waiting for its value. */
  key: string | null;
  index: number;
}

type Capture = {
  /** What the captured value is, once parsed. */
  target:
    | { kind: 'field'; name: string }
    | { kind: 'record'; table: string; index: number }
    | { kind: 'attachment'; index: number };
  parts: string[];
  /** Nesting depth inside the captured value (containers only). */
  depth: number;
  /** 'container' | 'string' | 'bare' (number, true, false, null). */
  shape: 'container' | 'string' | 'bare';
};

const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);

/**
 * Reads a backup document from text pieces: `push` each piece as it arrives, `end` once the text
 * is over. Each returns the events completed so far, in document order.
 */
export class BackupScanner {
  private stack: Frame[] = [];
  private started = false;
  private done = false;
  private offset = 0;
  private capture: Capture | null = null;
  private inString = false;
  private escape = false;
  /** A key string being read in structural mode, with its pieces. */
  private keyParts: string[] | null = null;
  private events: BackupStreamEvent[] = [];

  push(text: string): BackupStreamEvent[] {
    // Where the pending capture or key starts in this piece (0: it began in an earlier piece).
    let start = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const cap = this.capture;
      if (cap) {
        if (this.inString) {
          if (this.escape) this.escape = false;
          else if (c === 0x5c) this.escape = true;
          else if (c === 0x22) {
            this.inString = false;
            if (cap.shape === 'string') {
              this.finishCapture(text.slice(start, i + 1));
            }
          }
          continue;
        }
        if (cap.shape === 'bare') {
          if (c === 0x2c || c === 0x7d || c === 0x5d || WS.has(c)) {
            this.finishCapture(text.slice(start, i));
            i--; // the delimiter belongs to the structure around
          }
          continue;
        }
        if (c === 0x22) this.inString = true;
        else if (c === 0x7b || c === 0x5b) cap.depth++;
        else if (c === 0x7d || c === 0x5d) {
          cap.depth--;
          if (cap.depth === 0) this.finishCapture(text.slice(start, i + 1));
        }
        continue;
      }
      if (this.keyParts) {
        if (this.escape) this.escape = false;
        else if (c === 0x5c) this.escape = true;
        else if (c === 0x22) {
          this.keyParts.push(text.slice(start, i + 1));
          const raw = this.keyParts.join('');
          this.keyParts = null;
          this.top().key = this.parseJson(raw) as string;
        }
        continue;
      }
      if (WS.has(c) || c === 0x3a || c === 0x2c) continue;
      // A UTF-8 byte-order mark before the document (Notepad writes one when it saves).
      if (c === 0xfeff && this.offset + i === 0) continue;
      if (this.done) throw new BackupStreamError('text after the end of the document', this.offset + i);
      const frame = this.stack[this.stack.length - 1];
      // A key of an object?
      if (frame?.kind === 'obj' && frame.key === null) {
        if (c === 0x7d) {
          this.close();
          continue;
        }
        if (c !== 0x22) throw new BackupStreamError(`expected a key, found '${text[i]}'`, this.offset + i);
        this.keyParts = [];
        start = i;
        continue;
      }
      if (frame?.kind === 'arr' && c === 0x5d) {
        this.close();
        continue;
      }
      // A value starts here.
      if (!this.started) {
        if (c !== 0x7b)
          throw new BackupStreamError('a backup is a JSON object: it starts with {', this.offset + i);
        this.started = true;
        this.stack.push({ kind: 'obj', path: [], key: null, index: 0 });
        continue;
      }
      const path =
        frame!.kind === 'obj' ? [...frame!.path, frame!.key!] : [...frame!.path, String(frame!.index)];
      const where = path.join('.');
      const opens = c === 0x7b || c === 0x5b;
      const structural =
        (where === 'tables' && c === 0x7b) ||
        (path.length === 2 && path[0] === 'tables' && c === 0x5b) ||
        (where === 'attachments' && c === 0x5b);
      if (structural) {
        this.events.push({ kind: 'section', where });
        this.stack.push({ kind: c === 0x7b ? 'obj' : 'arr', path, key: null, index: 0 });
        continue;
      }
      let target: Capture['target'];
      if (path.length === 3 && path[0] === 'tables')
        target = { kind: 'record', table: path[1]!, index: frame!.index };
      else if (path.length === 2 && path[0] === 'attachments')
        target = { kind: 'attachment', index: frame!.index };
      else {
        if (where === 'tables' || where === 'attachments' || (path[0] === 'tables' && path.length === 2)) {
          this.events.push({
            kind: 'problem',
            where,
            message: where === 'tables' ? 'expected an object of tables' : 'expected an array',
          });
        }
        target = { kind: 'field', name: where };
      }
      start = i;
      if (opens) this.capture = { target, parts: [], depth: 1, shape: 'container' };
      else if (c === 0x22) {
        this.capture = { target, parts: [], depth: 0, shape: 'string' };
        this.inString = true;
      } else this.capture = { target, parts: [], depth: 0, shape: 'bare' };
    }
    // Keep what is pending for the next piece.
    if (this.capture) this.capture.parts.push(text.slice(start));
    else if (this.keyParts) this.keyParts.push(text.slice(start));
    this.offset += n;
    const out = this.events;
    this.events = [];
    return out;
  }

  end(): BackupStreamEvent[] {
    if (this.capture?.shape === 'bare') this.finishCapture('');
    if (!this.started) throw new BackupStreamError('the file is empty', this.offset);
    if (!this.done || this.capture || this.keyParts)
      throw new BackupStreamError('the file ends before the backup does (cut short?)', this.offset);
    const out = this.events;
    this.events = [];
    return out;
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  private close(): void {
    this.stack.pop();
    if (this.stack.length === 0) this.done = true;
    else this.valueDone();
  }

  private valueDone(): void {
    const f = this.top();
    if (f.kind === 'obj') f.key = null;
    else f.index++;
  }

  private finishCapture(tail: string): void {
    const cap = this.capture!;
    cap.parts.push(tail);
    const raw = cap.parts.join('');
    this.capture = null;
    const t = cap.target;
    const value = this.parseJson(raw);
    if (t.kind === 'field') this.events.push({ kind: 'field', name: t.name, value });
    else if (t.kind === 'record') this.events.push({ kind: 'record', table: t.table, index: t.index, value });
    else this.events.push({ kind: 'attachment', index: t.index, value });
    this.valueDone();
  }

  private parseJson(raw: string): unknown {
    try {
      return JSON.parse(raw);
    } catch (err) {
      throw new BackupStreamError(
        `not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
        this.offset,
      );
    }
  }
}
