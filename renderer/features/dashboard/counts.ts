// The dashboard's key counts (live people, departments, devices) and the copy of them the page's
// first script read while the app's code was loading (public/warm-ledger.js), so that a cold start
// shows them without waiting for the app's own connection to the ledger.
import type { NetdeskDb } from '../../db/schema';

export interface LedgerCounts {
  people: number;
  departments: number;
  devices: number;
}

const KEYS = ['people', 'departments', 'devices'] as const;

/** Live people, departments and devices: key counts on each table and on its tombstone-only
 * deletedAt index, so no record is read. public/warm-ledger.js counts by the same rule. */
export async function readLedgerCounts(db: NetdeskDb): Promise<LedgerCounts> {
  // All six counts asked at once, before the first await: IndexedDB answers requests in turn, and
  // a count asked only after the one before it came back would queue behind whatever else the
  // window asked meanwhile. Asked in one go, they are also all inside the live query's own context
  // (no nested async functions), so the dashboard's live query sees every table it read.
  const asked = KEYS.flatMap((key) => [db[key].count(), db[key].where('deletedAt').above('').count()]);
  const n = await Promise.all(asked);
  return {
    people: n[0]! - n[1]!,
    departments: n[2]! - n[3]!,
    devices: n[4]! - n[5]!,
  };
}

function isLedgerCounts(value: unknown): value is LedgerCounts {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return KEYS.every((k) => Number.isSafeInteger(record[k]) && (record[k] as number) >= 0);
}

declare global {
  // Set by public/warm-ledger.js; absent when that script did not run.
  var netdeskStart: { counts: unknown; done: Promise<unknown> } | undefined;
}

/** The counts read as the page opened, if they are in already. */
export function startCountsNow(): LedgerCounts | null {
  const counts = globalThis.netdeskStart?.counts;
  return isLedgerCounts(counts) ? counts : null;
}

/**
 * The counts read as the page opened, when they are in; null if there is no such read (or the
 * dashboard has shown live counts since: after that, they may be out of date).
 */
export function startCountsLater(): Promise<LedgerCounts | null> | null {
  const start = globalThis.netdeskStart;
  if (!start || !(start.done instanceof Promise)) return null;
  return start.done.then(
    (value) => (globalThis.netdeskStart === start && isLedgerCounts(value) ? value : null),
    () => null,
  );
}

/** The dashboard has live counts: the start-up copy is not to be shown again. */
export function retireStartCounts(): void {
  globalThis.netdeskStart = undefined;
}
