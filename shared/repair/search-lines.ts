// The packed text-search copy of repair cards, as pure string functions. Chinese has no word
// boundaries, so card search is by substring; an index per word cannot serve it, and a scan
// of 200,000 records in IndexedDB takes seconds. Instead each card becomes one short line,
// ~1,000 lines are packed per chunk, the chunks are held in memory and scanned with
// String.indexOf (tens of milliseconds for 200,000 cards).
//
// A line: the card's list fields (for filtering and sorting without touching IndexedDB), a
// separator, then the searchable text folded for matching:
//
//   id \t status \t receivedAt \t slaDueAt \t departmentId \t deviceId \t requesterId \t cardNo
//   \x1f cardNo \t requesterName \t deviceTag \t description  (foldText: width, case)
//
// Only a match after the separator counts, so a query never hits an id or a date.
import type { RepairStatus } from './workflow';
import { foldText } from '../text/fold';

/** Cards are spread over this many chunks by a hash of their id (~780 each at 200,000). */
export const SEARCH_CHUNK_COUNT = 256;

const SEP = '\x1f';
/** Tab, line breaks and the separator are the line's own structure, never part of a value. */
function unbroken(value: string): string {
  return value
    .replace(/[\t\n\r]+/g, ' ')
    .split(SEP)
    .join(' ');
}

/** The fields of a card the search copy holds. */
export interface SearchableCard {
  id: string;
  status: RepairStatus;
  receivedAt: string;
  slaDueAt: string | null;
  departmentId: string | null;
  deviceId: string | null;
  requesterId: string | null;
  cardNo: string;
  requesterName: string;
  deviceTag: string;
  description: string;
}

/** What a matching line says about its card: enough to filter, sort and count. */
export interface SearchHit {
  id: string;
  status: RepairStatus;
  receivedAt: string;
  slaDueAt: string | null;
  departmentId: string | null;
  deviceId: string | null;
  requesterId: string | null;
  cardNo: string;
}

/** Text folded for matching (foldText), with no line or field breaks left in it. */
export function foldSearchText(value: string): string {
  return unbroken(foldText(value));
}

/** Meta values must not contain the line's own separators (ids and ISO times never do). */
function meta(value: string | null): string {
  return unbroken(value ?? '');
}

export function packSearchLine(card: SearchableCard): string {
  const head = [
    card.id,
    card.status,
    card.receivedAt,
    card.slaDueAt,
    card.departmentId,
    card.deviceId,
    card.requesterId,
    card.cardNo,
  ].map(meta);
  const body = [card.cardNo, card.requesterName, card.deviceTag, card.description].map(foldSearchText);
  return `${head.join('\t')}${SEP}${body.join('\t')}`;
}

/** The list fields of a packed line. */
export function parseSearchLine(line: string): SearchHit {
  const end = line.indexOf(SEP);
  const f = (end < 0 ? line : line.slice(0, end)).split('\t');
  const orNull = (v: string | undefined) => (v ? v : null);
  return {
    id: f[0] ?? '',
    status: (f[1] ?? 'received') as RepairStatus,
    receivedAt: f[2] ?? '',
    slaDueAt: orNull(f[3]),
    departmentId: orNull(f[4]),
    deviceId: orNull(f[5]),
    requesterId: orNull(f[6]),
    cardNo: f[7] ?? '',
  };
}

/** The chunk a card's line lives in: a stable hash of its id (FNV-1a), so no lookup table is needed. */
export function searchChunkOf(cardId: string, chunkCount = SEARCH_CHUNK_COUNT): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < cardId.length; i++) {
    h ^= cardId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % chunkCount;
}

/** Where a card's line is in a chunk: [start, end) without its newline, or null. */
function findLine(chunk: string, cardId: string): [number, number] | null {
  const key = `${cardId}\t`;
  let start = 0;
  if (!chunk.startsWith(key)) {
    const at = chunk.indexOf(`\n${key}`);
    if (at < 0) return null;
    start = at + 1;
  }
  const end = chunk.indexOf('\n', start);
  return [start, end < 0 ? chunk.length : end];
}

/** The line of a card in a chunk, if present. */
export function lineOf(chunk: string, cardId: string): string | null {
  const span = findLine(chunk, cardId);
  return span ? chunk.slice(span[0], span[1]) : null;
}

/** The chunk with the card's line replaced by `line`, added, or (line null) removed. */
export function replaceLine(chunk: string, cardId: string, line: string | null): string {
  const span = findLine(chunk, cardId);
  if (!span) {
    if (line === null) return chunk;
    return chunk === '' ? line : `${chunk}\n${line}`;
  }
  const [start, end] = span;
  if (line !== null) return chunk.slice(0, start) + line + chunk.slice(end);
  // Drop the line and one of the newlines around it.
  if (end < chunk.length) return chunk.slice(0, start) + chunk.slice(end + 1);
  return chunk.slice(0, Math.max(0, start - 1));
}

/**
 * Every line of `chunk` whose searchable text contains the folded query, once per line, in
 * chunk order. The query must already be folded (foldSearchText) and non-empty.
 */
export function scanChunk(chunk: string, foldedQuery: string, onHit: (line: string) => void): void {
  let from = 0;
  for (;;) {
    const at = chunk.indexOf(foldedQuery, from);
    if (at < 0) return;
    const start = chunk.lastIndexOf('\n', at) + 1;
    const sep = chunk.indexOf(SEP, start);
    let end = chunk.indexOf('\n', at);
    if (end < 0) end = chunk.length;
    if (sep >= 0 && sep < at) {
      onHit(chunk.slice(start, end));
      from = end + 1;
    } else {
      // The match fell in the line's list fields: look again in its searchable text.
      from = sep >= 0 && sep < end ? sep + 1 : end + 1;
    }
  }
}

/** Positions of the list fields in a packed line, in packing order. */
export const LINE_FIELD = {
  id: 0,
  status: 1,
  receivedAt: 2,
  slaDueAt: 3,
  departmentId: 4,
  deviceId: 5,
  requesterId: 6,
  cardNo: 7,
} as const;

/**
 * Reads list fields of one line at a time without splitting it: a search with 100,000 hits
 * looks at a few fields of each, and allocating every field of every hit is what costs.
 */
export class LineReader {
  private line = '';
  private readonly starts = new Int32Array(9);

  /** Point the reader at a line (from scanChunk). */
  reset(line: string): this {
    this.line = line;
    let at = 0;
    for (let i = 0; i < 8; i++) {
      this.starts[i] = at;
      const tab = line.indexOf(i === 7 ? SEP : '\t', at);
      at = (tab < 0 ? line.length : tab) + 1;
    }
    this.starts[8] = at;
    return this;
  }

  /** One list field ('' for an empty one). */
  field(index: number): string {
    return this.line.slice(this.starts[index], this.starts[index + 1]! - 1);
  }

  /** Whether the field equals `value`, without copying it out. */
  fieldIs(index: number, value: string): boolean {
    const start = this.starts[index]!;
    return this.starts[index + 1]! - 1 - start === value.length && this.line.startsWith(value, start);
  }
}
