// Changing one field keeps every other field, for every record type the demo ledger holds, on both
// update paths: an edit through the repository and a backup merged in. zod's `.default()` fills
// a missing field with its default, so a path that validated a partial record would quietly reset
// fields nobody touched; these tests catch that.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '../../shared/hlc';
import { buildDemoLedger } from '../../shared/demo';
import { LEDGER_TABLES, type LedgerTable } from '../../shared/schemas';
import { sameValue } from '../../shared/sync/merge';
import { exportLedger, importLedger } from './backup';
import { createRepository, UNIQUE_FIELDS, type Repository } from './repository';
import type { NetdeskDb } from './schema';
import { freshDb, manualClock } from './test-support';

const META = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'hlc']);
const demo = buildDemoLedger({ now: new Date('2026-11-27T06:00:00Z') });

type Row = Record<string, unknown>;
const content = (record: Row): Row =>
  Object.fromEntries(Object.entries(record).filter(([k]) => !META.has(k)));

/** Two live demo records of a table and the first field (not unique) in which they differ. */
function pairOf(table: LedgerTable): { a: Row; b: Row; field: string } | null {
  const live = ((demo.tables[table] ?? []) as Row[]).filter((r) => !r.deletedAt);
  const unique = new Set(UNIQUE_FIELDS[table] ?? []);
  for (const b of live.slice(1)) {
    const a = live[0]!;
    const field = Object.keys(content(a)).find((k) => !unique.has(k) && !sameValue(a[k], b[k]));
    if (field) return { a, b, field };
  }
  return null;
}

const cases = LEDGER_TABLES.map((t) => [t, pairOf(t)] as const).filter(
  (c): c is readonly [LedgerTable, NonNullable<ReturnType<typeof pairOf>>] => c[1] !== null,
);

let db: NetdeskDb;
let repo: Repository;
let clock: ReturnType<typeof manualClock>;
beforeEach(async () => {
  db = await freshDb();
  clock = manualClock();
  repo = createRepository(db, { now: clock.now });
});
afterEach(() => db.close());

describe('changing one field', () => {
  it('covers most record types', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)('through the repository keeps the other fields of %s', async (table, { a, b, field }) => {
    const created = (await repo.create(table, content(a) as never)) as unknown as Row;
    const id = created.id as string;
    const updated = (await repo.update(table, id, { [field]: b[field] })) as unknown as Row;
    expect(updated[field]).toEqual(b[field]);
    expect(content(updated)).toEqual({ ...content(created), [field]: b[field] });
    expect(await db.table(table).get(id)).toEqual(updated);
  });

  it.each(cases)('in a merged backup keeps the other fields of %s', async (table, { a, b, field }) => {
    const created = (await repo.create(table, content(a) as never)) as unknown as Row;
    const id = created.id as string;
    const backup = await exportLedger(db);
    const copy = (backup.tables[table] as Row[]).find((r) => r.id === id)!;
    const hlc = copy.hlc as Record<string, string>;
    const later = parseHlc(hlc[field]!);
    // The other PC changed only this field, later; its copy of every other field is this PC's.
    copy[field] = b[field];
    copy.hlc = { ...hlc, [field]: formatHlc({ ...later, wallMs: later.wallMs + 1000 }) };
    await importLedger(db, backup, { mode: 'merge', now: clock.now });
    const merged = (await db.table(table).get(id)) as Row;
    expect(content(merged)).toEqual({ ...content(created), [field]: b[field] });
  });
});
