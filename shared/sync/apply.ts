// Merging changes that other PCs wrote into this PC's ledger: per-field last-writer-wins by
// hybrid logical clock (the same rule as mergeRecord), tombstones merging like any field, the
// losing side of a concurrent text edit kept as a conflict, and changes that cannot be trusted
// (a clock over an hour ahead, a value the schema refuses) set aside instead of applied.
// Pure: both ledgers (Dexie in the app, the JSON replica in Node) fetch the records concerned,
// call applyChangeBatch, and write back `touched` in one transaction.
import type { z } from 'zod';
import { compareHlc, isAheadOfClock, isHlc, parseHlc } from '../hlc';
import { LEDGER_TABLES, ledgerTables, storedRecordSchema, type LedgerTable } from '../schemas';
import { issueText } from '../schemas/issues';
import { UNSTAMPED_FIELDS, sameValue, stampedFields, type StampedRecord } from './merge';
import type { LedgerSnapshot, SetAsideChange, SyncChange, SyncConflict } from './types';

/** A record as a ledger keeps it for sync: the record and, per field, the stamp its writer had seen. */
export interface LocalCopy {
  record: StampedRecord;
  /** Per field: the `base` of the change that wrote the current value (see SyncChange.base). */
  base: Record<string, string>;
}

export const recordKey = (table: string, id: string) => `${table}\u0000${id}`;

const fieldSchemas = new Map<LedgerTable, Record<string, z.ZodType>>();
const textFieldsByTable = new Map<LedgerTable, ReadonlySet<string>>();

function shapeOf(table: LedgerTable): Record<string, z.ZodType> {
  let shape = fieldSchemas.get(table);
  if (!shape) {
    shape = storedRecordSchema(table).shape;
    fieldSchemas.set(table, shape);
  }
  return shape;
}

interface SchemaDef {
  type: string;
  innerType?: { def: SchemaDef };
  format?: string;
  checks?: { _zod: { def: { check: string } } }[];
}

/**
 * Fields a user types as free text (names, notes, descriptions): string schemas that trim their
 * input, other than links to other records (`…Id`). Enums, ids, dates and times are strings too
 * but not text: a concurrent change of those simply loses; a losing text is kept to restore.
 */
export function textFields(table: LedgerTable): ReadonlySet<string> {
  let set = textFieldsByTable.get(table);
  if (set) return set;
  const names = new Set<string>();
  for (const [name, schema] of Object.entries(ledgerTables[table].shape as Record<string, z.ZodType>)) {
    let def = (schema as unknown as { def: SchemaDef }).def;
    while (def.innerType) def = def.innerType.def;
    const trims = (def.checks ?? []).some((c) => c._zod.def.check === 'overwrite');
    if (def.type === 'string' && def.format === undefined && trims && !/Id$/.test(name)) names.add(name);
  }
  set = names;
  textFieldsByTable.set(table, set);
  return set;
}

export type Screened =
  { ok: true; change: SyncChange } | { ok: false; reason: SetAsideChange['reason']; detail: string };

/**
 * Check one incoming change before it may touch the ledger: known table, every field known and
 * valid for its table's schema, every stamp well-formed and not over an hour ahead of `nowMs`.
 * Returns the change with values as the schema reads them (trimmed text, defaults).
 */
export function screenChange(change: SyncChange, nowMs: number): Screened {
  if (!(LEDGER_TABLES as string[]).includes(change.table))
    return { ok: false, reason: 'invalid', detail: `unknown table ${String(change.table)}` };
  if (typeof change.id !== 'string' || change.id === '' || change.id.length > 64)
    return { ok: false, reason: 'invalid', detail: 'bad record id' };
  const shape = shapeOf(change.table);
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(change.fields)) {
    const stamp = change.stamps[name];
    if (UNSTAMPED_FIELDS.has(name) || !Object.hasOwn(shape, name))
      return { ok: false, reason: 'invalid', detail: `${change.table}.${name}: unknown field` };
    if (!isHlc(stamp)) return { ok: false, reason: 'invalid', detail: `${change.table}.${name}: bad stamp` };
    const parsed = shape[name]!.safeParse(value);
    if (!parsed.success)
      return {
        ok: false,
        reason: 'invalid',
        detail: issueText(parsed.error, { at: `${change.table}.${name}`, first: true }),
      };
    fields[name] = parsed.data;
  }
  let newest = '';
  for (const name of Object.keys(fields))
    if (compareHlc(change.stamps[name]!, newest) > 0) newest = change.stamps[name]!;
  if (newest && isAheadOfClock(newest, nowMs)) {
    const ahead = Math.round((parseHlc(newest).wallMs - nowMs) / 60000);
    return {
      ok: false,
      reason: 'clock-ahead',
      detail: `stamp ${newest} is ${ahead} minutes ahead of this PC's clock`,
    };
  }
  return { ok: true, change: { ...change, fields } };
}

const nodeOf = (stamp: string) => parseHlc(stamp).nodeId;

/**
 * Merge one screened change into the local copy of its record (undefined: not here yet).
 * Per field the newer stamp wins; equal stamps change nothing, so a change applied twice is a
 * no-op. When a text field's loser was written without knowledge of the winner (its stamp is
 * newer than the winner's base) and says something else, the loser goes to the conflicts.
 */
export function mergeChange(
  local: LocalCopy | undefined,
  change: SyncChange,
  detectedAt: string,
): { copy: LocalCopy; taken: string[]; conflicts: SyncConflict[] } {
  const record: StampedRecord = local
    ? { ...local.record, hlc: { ...local.record.hlc } }
    : { id: change.id, updatedAt: change.at, hlc: {} };
  const base = { ...(local?.base ?? {}) };
  const texts = textFields(change.table);
  const taken: string[] = [];
  const conflicts: SyncConflict[] = [];
  const conflict = (
    field: string,
    losing: unknown,
    losingStamp: string,
    winning: unknown,
    winningStamp: string,
  ) => {
    if (!texts.has(field) || typeof losing !== 'string' || losing === '' || sameValue(losing, winning))
      return;
    conflicts.push({
      table: change.table,
      recordId: change.id,
      field,
      losingValue: losing,
      losingStamp,
      winningValue: winning,
      winningStamp,
      detectedAt,
    });
  };
  for (const [field, value] of Object.entries(change.fields)) {
    const theirs = change.stamps[field]!;
    const ours = record.hlc[field];
    const order = ours === undefined ? 1 : compareHlc(theirs, ours);
    if (order === 0) continue;
    if (order > 0) {
      // The incoming value wins. Ours was concurrent unless its writer had seen our stamp.
      if (ours !== undefined && nodeOf(ours) !== nodeOf(theirs)) {
        const theirBase = change.base?.[field];
        if (theirBase === undefined || compareHlc(ours, theirBase) > 0)
          conflict(field, record[field], ours, value, theirs);
      }
      record[field] = value;
      record.hlc[field] = theirs;
      if (change.base?.[field] !== undefined) base[field] = change.base[field];
      else delete base[field];
      taken.push(field);
    } else if (nodeOf(ours!) !== nodeOf(theirs)) {
      // Ours wins. Theirs was concurrent unless our writer had seen it.
      const ourBase = base[field];
      if (ourBase === undefined || compareHlc(theirs, ourBase) > 0)
        conflict(field, value, theirs, record[field], ours!);
    }
  }
  if (taken.length > 0 && (!local || Date.parse(change.at) > Date.parse(record.updatedAt)))
    record.updatedAt = change.at;
  return { copy: { record, base }, taken, conflicts };
}

export interface ApplyBatchResult {
  /** Records to write back, by recordKey(table, id), with the fields the batch changed. */
  touched: Map<string, { table: LedgerTable; copy: LocalCopy; taken: string[] }>;
  applied: number;
  unchanged: number;
  conflicts: SyncConflict[];
  setAside: SetAsideChange[];
  /** Newest stamp applied ('' if none): the ledger's clock must receive it. */
  newest: string;
}

/**
 * Apply changes written by PC `from`. `getLocal` returns the ledger's copy of a record (the
 * ledger prefetches them); records changed earlier in the same batch are read from `touched`.
 */
export function applyChangeBatch(
  from: string,
  changes: readonly SyncChange[],
  getLocal: (table: LedgerTable, id: string) => LocalCopy | undefined,
  options: { nowMs: number; setAsideSince?: (change: SyncChange) => string | undefined },
): ApplyBatchResult {
  const detectedAt = new Date(options.nowMs).toISOString();
  const result: ApplyBatchResult = {
    touched: new Map(),
    applied: 0,
    unchanged: 0,
    conflicts: [],
    setAside: [],
    newest: '',
  };
  for (const raw of changes) {
    const screened = screenChange(raw, options.nowMs);
    if (!screened.ok) {
      result.setAside.push({
        from,
        change: raw,
        reason: screened.reason,
        detail: screened.detail,
        since: options.setAsideSince?.(raw) ?? detectedAt,
      });
      continue;
    }
    const change = screened.change;
    const key = recordKey(change.table, change.id);
    const local = result.touched.get(key)?.copy ?? getLocal(change.table, change.id);
    const { copy, taken, conflicts } = mergeChange(local, change, detectedAt);
    result.conflicts.push(...conflicts);
    if (taken.length === 0) {
      result.unchanged++;
      continue;
    }
    result.applied++;
    const before = result.touched.get(key)?.taken ?? [];
    result.touched.set(key, { table: change.table, copy, taken: [...new Set([...before, ...taken])] });
    for (const field of taken)
      if (compareHlc(change.stamps[field]!, result.newest) > 0) result.newest = change.stamps[field]!;
  }
  return result;
}

/** A snapshot's records as changes (one per record, every stamped field), for applyChangeBatch. */
export function snapshotChanges(snapshot: LedgerSnapshot): SyncChange[] {
  const changes: SyncChange[] = [];
  for (const table of LEDGER_TABLES) {
    for (const record of snapshot.tables[table] ?? []) {
      const fields: Record<string, unknown> = {};
      const stamps: Record<string, string> = {};
      for (const field of stampedFields(record)) {
        const stamp = record.hlc[field];
        // An unstamped field never wins (same rule as mergeRecord).
        if (stamp === undefined) continue;
        fields[field] = record[field];
        stamps[field] = stamp;
      }
      changes.push({ seq: 0, table, id: record.id, fields, stamps, at: record.updatedAt });
    }
  }
  return changes;
}

/** Same conflict listed twice (a change read again) is kept once. */
export function conflictKey(c: SyncConflict): string {
  return `${c.table}\u0000${c.recordId}\u0000${c.field}\u0000${c.losingStamp}`;
}
