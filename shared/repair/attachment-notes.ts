// A scan taken off a repair card (the wrong file uploaded) stays in the card's history as a "note"
// event in a fixed form: which file, so the timeline can say "删除扫描件 xxx.pdf" in the UI
// language while a reader of the raw ledger still sees Chinese and the file's name. Like a
// correction, it travels as a note because every PC and every backup already knows that type.

/** The note's first characters: Chinese for whoever reads the raw ledger, and the marker screens look for. */
export const SCAN_REMOVED_PREFIX = '删除扫描件 ';

/** The file a removal note names. */
export interface RemovedScan {
  name: string;
  sha256: string;
}

/** The note text recording that `scan` was taken off the card. */
export function scanRemovedNote(scan: RemovedScan): string {
  return SCAN_REMOVED_PREFIX + JSON.stringify({ name: scan.name.slice(0, 200), sha256: scan.sha256 });
}

/** The file a note says was removed, or null when the note is something else. */
export function parseScanRemovedNote(note: string): RemovedScan | null {
  if (!note.startsWith(SCAN_REMOVED_PREFIX)) return null;
  try {
    const parsed = JSON.parse(note.slice(SCAN_REMOVED_PREFIX.length)) as Partial<RemovedScan> | null;
    if (typeof parsed?.name !== 'string' || typeof parsed.sha256 !== 'string') return null;
    return { name: parsed.name, sha256: parsed.sha256 };
  } catch {
    return null;
  }
}
