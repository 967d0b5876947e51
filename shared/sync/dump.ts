// The canonical print of a ledger, for comparing replicas: tables by name, records by id, keys
// sorted at every level, tombstones included. Left out is what legitimately differs between two
// PCs holding the same ledger: `hlc` (the stamps: sync bookkeeping, not content) and `updatedAt`
// (when this copy last changed, which depends on the order in which changes arrived). `createdAt` and `deletedAt`
// stay: they are stamped fields and converge like any other.
import { LEDGER_TABLES, type LedgerTable } from '../schemas';

/** Keys sorted at every level, so equal content prints equal bytes. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(obj)
      .sort()
      .map((key) => [key, canonical(obj[key])]),
  );
}

/** Meta left out of a dump. */
export const DUMP_OMITS = ['hlc', 'updatedAt'] as const;

export function dumpLedger(tables: Partial<Record<LedgerTable, readonly { id: string }[]>>): string {
  const out: Record<string, unknown[]> = {};
  for (const table of [...LEDGER_TABLES].sort()) {
    const records = tables[table] ?? [];
    if (records.length === 0) continue;
    out[table] = [...records]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((record) => {
        const copy: Record<string, unknown> = { ...record };
        for (const key of DUMP_OMITS) delete copy[key];
        return copy;
      });
  }
  return `${JSON.stringify(canonical({ tables: out }), null, 2)}\n`;
}
