// Stamping a local write: the stored record a create, an update or a delete produces, and the
// outbox change that tells the other PCs. The same rules as the app's repository: every stamped
// field of a new record carries the write's stamp; an update stamps only the fields whose value
// really changed; a delete or restore stamps only `deletedAt`. Each change also records the
// stamp each field had before (its `base`), so a PC receiving it can tell a later edit from a
// concurrent one. Pure: validation and the clock are the caller's.
import type { LedgerTable } from '../schemas';
import { sameValue, stampedFields, type StampedRecord } from './merge';
import type { SyncChange } from './types';

export type LocalChange = Omit<SyncChange, 'seq'>;

/** A new record from validated content; `id` is the caller's (random) choice. */
export function stampCreate(
  table: LedgerTable,
  id: string,
  content: Record<string, unknown>,
  stamp: string,
  at: string,
): { record: StampedRecord; change: LocalChange } {
  const record: StampedRecord = { id, ...content, createdAt: at, updatedAt: at, deletedAt: null, hlc: {} };
  const fields: Record<string, unknown> = {};
  const stamps: Record<string, string> = {};
  for (const name of stampedFields(record)) {
    record.hlc[name] = stamp;
    fields[name] = record[name];
    stamps[name] = stamp;
  }
  return { record, change: { table, id, fields, stamps, at } };
}

/** An update from validated full content; null when no field changed (nothing to write). */
export function stampUpdate(
  table: LedgerTable,
  existing: StampedRecord,
  content: Record<string, unknown>,
  stamp: string,
  at: string,
): { record: StampedRecord; change: LocalChange } | null {
  const names = Object.keys(content).filter((name) => !sameValue(content[name], existing[name]));
  if (names.length === 0) return null;
  return stampFields(table, existing, Object.fromEntries(names.map((n) => [n, content[n]])), stamp, at);
}

/** Tombstone (deleted true) or restore; null when the record already is in that state. */
export function stampDeleted(
  table: LedgerTable,
  existing: StampedRecord,
  deleted: boolean,
  stamp: string,
  at: string,
): { record: StampedRecord; change: LocalChange } | null {
  if (Boolean(existing.deletedAt) === deleted) return null;
  return stampFields(table, existing, { deletedAt: deleted ? at : null }, stamp, at);
}

function stampFields(
  table: LedgerTable,
  existing: StampedRecord,
  values: Record<string, unknown>,
  stamp: string,
  at: string,
): { record: StampedRecord; change: LocalChange } {
  const record: StampedRecord = { ...existing, ...values, updatedAt: at, hlc: { ...existing.hlc } };
  const stamps: Record<string, string> = {};
  const base: Record<string, string> = {};
  for (const name of Object.keys(values)) {
    const before = existing.hlc[name];
    if (before !== undefined) base[name] = before;
    record.hlc[name] = stamp;
    stamps[name] = stamp;
  }
  return {
    record,
    change: {
      table,
      id: existing.id,
      fields: values,
      stamps,
      ...(Object.keys(base).length ? { base } : {}),
      at,
    },
  };
}
