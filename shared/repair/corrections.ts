// Corrections of a card's intake fields (a name or tag mistyped at the counter), kept on the card's
// timeline as a "note" event whose text says what changed: field, old value, new value. The
// ledger's event types are shared by every PC and by backups, so a correction travels as a note
// in a fixed form that screens recognise and show in the UI language ("更正：故障描述 a → b"),
// while a reader of the raw ledger still sees Chinese and the values.
//
// Values are kept as the supervisor read them (names, asset tags, ISO times, the fault-category
// code), not as record ids, so the history still reads right after the directory changes.

/** The intake fields a correction may change, in the order the timeline lists them. */
export const CORRECTION_FIELDS = [
  'requester',
  'department',
  'device',
  'faultCategory',
  'description',
  'receivedAt',
  'deptHeadSignedAt',
] as const;

export type CorrectionField = (typeof CORRECTION_FIELDS)[number];

/** One corrected field: what it said before and after ('' = empty). */
export interface CorrectionChange {
  field: CorrectionField;
  from: string;
  to: string;
}

/** The note's first characters: Chinese for whoever reads the raw ledger, and the marker screens look for. */
export const CORRECTION_PREFIX = '更正登记信息 ';

/** An event note holds at most this many characters (the repairEvents schema). */
const NOTE_MAX = 2000;

function clip(value: string, max: number): string {
  return [...value].length <= max ? value : `${[...value].slice(0, max - 1).join('')}…`;
}

/**
 * The note text of a correction. Long values (a 2,000-character description, before and after)
 * are shortened with "…" so the note stays within an event note's limit; the card itself holds
 * the full new text.
 */
export function correctionNote(changes: readonly CorrectionChange[]): string {
  if (changes.length === 0) throw new RangeError('a correction needs at least one changed field');
  for (let max = 400; ; max = Math.floor(max / 2)) {
    const note =
      CORRECTION_PREFIX +
      JSON.stringify(changes.map((c) => ({ field: c.field, from: clip(c.from, max), to: clip(c.to, max) })));
    if (note.length <= NOTE_MAX || max <= 8) return note.slice(0, NOTE_MAX);
  }
}

const FIELDS: ReadonlySet<string> = new Set(CORRECTION_FIELDS);

/** The changes a note records, or null when the note is not a correction (an ordinary remark). */
export function parseCorrectionNote(note: string): CorrectionChange[] | null {
  if (!note.startsWith(CORRECTION_PREFIX)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(note.slice(CORRECTION_PREFIX.length));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length === 0) return null;
  const changes: CorrectionChange[] = [];
  for (const item of parsed as unknown[]) {
    const c = item as Partial<Record<keyof CorrectionChange, unknown>> | null;
    if (!c || typeof c.field !== 'string' || !FIELDS.has(c.field)) return null;
    if (typeof c.from !== 'string' || typeof c.to !== 'string') return null;
    changes.push({ field: c.field as CorrectionField, from: c.from, to: c.to });
  }
  return changes;
}
