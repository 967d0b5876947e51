// Per-field last-writer-wins on stored records: which parts of a record carry their own clock
// stamp, value equality for deciding whether a field really changed, and the merge of two
// copies of one record. The one rule every path that combines records uses — the repository
// (local writes), the backup import and folder sync — so they all agree on the winner.
// Pure code (shared/): renderer/db/merge.ts re-exports it for the app's Dexie side.
import { compareHlc } from '../hlc';

/**
 * Repository bookkeeping that is not stamped: the id names the record, `updatedAt` is "last
 * changed" for lists (a change-log row's `at` carries it), and `hlc` holds the stamps.
 * Every other key is stamped: each content field, `createdAt` and the tombstone `deletedAt`.
 */
export const UNSTAMPED_FIELDS: ReadonlySet<string> = new Set(['id', 'updatedAt', 'hlc']);

export function stampedFields(record: object): string[] {
  return Object.keys(record).filter((key) => !UNSTAMPED_FIELDS.has(key));
}

/** Structural equality of record values (JSON-like: primitives, arrays, plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // A key holding undefined is the same as a missing key: neither survives a JSON backup.
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const key of keys) if (!sameValue(ao[key], bo[key])) return false;
  return true;
}

/** The shape merge needs: any stored record. */
export interface StampedRecord {
  id: string;
  updatedAt: string;
  hlc: Record<string, string>;
  [field: string]: unknown;
}

/**
 * Merge a copy of a record that arrived from elsewhere into the local one: each field takes the
 * value with the newer stamp. A field without a stamp in the incoming copy never wins (a backup
 * leaves out the stamp of a secret it blanked, so the blank never overwrites the real one). On a
 * tie the local value stays. Returns the merged record and the fields that came from `incoming`.
 */
export function mergeRecord<R extends StampedRecord>(local: R, incoming: StampedRecord) {
  const merged: StampedRecord = { ...local, hlc: { ...local.hlc } };
  const taken: string[] = [];
  for (const name of stampedFields(incoming)) {
    const theirs = incoming.hlc[name];
    if (theirs === undefined) continue;
    const ours = local.hlc[name];
    if (ours !== undefined && compareHlc(theirs, ours) <= 0) continue;
    merged[name] = incoming[name];
    merged.hlc[name] = theirs;
    taken.push(name);
  }
  // Compared as instants: times may carry different offsets (Z, +08:00).
  if (taken.length > 0 && Date.parse(incoming.updatedAt) > Date.parse(local.updatedAt))
    merged.updatedAt = incoming.updatedAt;
  return { merged: merged as R, taken };
}
