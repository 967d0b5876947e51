// The repair cards' local derived data: the packed text-search copy and the per-status
// counters. Both are computed from repairCards on this PC, never synced or backed up, and
// rebuildable at any time.
//
// The copy and the counters follow every card write, whoever makes it — this layer, a sync merge,
// a conflict restored, a backup import — through the write pipeline's after-commit hook
// registered below (renderer/db/commit.ts): updateDerived() runs inside the write's own
// transaction, so they change together with the card. Counters are derived from the copy:
// the old line of a card says which status it was counted under, so a write moves exactly one
// count, whoever wrote the card before.
//
// Each window keeps the chunks in memory. A manifest row (chunk -1) holds a revision per chunk,
// bumped on each write; a query reads the manifest (a few hundred bytes) and reloads only the
// chunks whose revision moved, so another window's writes, a sync or a rebuild are seen at once,
// and useLiveQuery re-runs a search when the manifest changes.
//
// A backup import skips the hook chunk by chunk and rebuilds once when it finishes (afterImport).
import Dexie from 'dexie';
import {
  packSearchLine,
  parseSearchLine,
  replaceLine,
  lineOf,
  scanChunk,
  searchChunkOf,
  SEARCH_CHUNK_COUNT,
} from '../../../../shared/repair/search-lines';
import type { RepairStatus } from '../../../../shared/repair/workflow';
import { isListed } from '../../../../shared/sync/arrival';
import type { RepairCard } from '../../../../shared/schemas';
import { registerCommitHook, type CommitHook } from '../../../db/commit';
import type { NetdeskDb, RepairSearchChunk } from '../../../db/schema';

const MANIFEST = -1;

/** The tables updateDerived writes: a transaction calling it must include them. */
export function derivedTables(db: NetdeskDb) {
  return [db.repairSearch, db.repairCounters];
}

function emptyRevs(): number[] {
  return new Array<number>(SEARCH_CHUNK_COUNT).fill(0);
}

/**
 * Bring the search copy and counters up to date with the stored state of `cards` (a deleted
 * card, or one sync has delivered only in part, leaves both). Must run inside a read-write transaction including derivedTables(db).
 */
export async function updateDerived(db: NetdeskDb, cards: readonly RepairCard[]): Promise<void> {
  if (cards.length === 0) return;
  const byChunk = new Map<number, RepairCard[]>();
  for (const card of cards) {
    const k = searchChunkOf(card.id);
    const list = byChunk.get(k);
    if (list) list.push(card);
    else byChunk.set(k, [card]);
  }
  const keys = [...byChunk.keys()];
  const [manifest, ...stored] = await db.repairSearch.bulkGet([MANIFEST, ...keys]);
  const delta = new Map<string, number>();
  const move = (status: string, by: number) => delta.set(status, (delta.get(status) ?? 0) + by);
  const written: RepairSearchChunk[] = [];
  keys.forEach((k, i) => {
    let text = stored[i]?.text ?? '';
    for (const card of byChunk.get(k)!) {
      const old = lineOf(text, card.id);
      if (old !== null) move(parseSearchLine(old).status, -1);
      // A card sync delivered in part (no createdAt yet) is not listed until the rest arrives.
      const live = isListed(card);
      if (live) move(card.status, +1);
      text = replaceLine(text, card.id, live ? packSearchLine(card) : null);
    }
    written.push({ chunk: k, text });
  });
  // Without a manifest the copy was never built: leave it to the first rebuild, which will
  // include this write; only counters and chunks are kept current meanwhile.
  if (manifest) {
    const revs = manifest.revs ?? emptyRevs();
    for (const k of keys) revs[k] = (revs[k] ?? 0) + 1;
    written.push({ chunk: MANIFEST, text: '', revs });
  }
  await db.repairSearch.bulkPut(written);
  const statuses = [...delta.keys()].filter((s) => delta.get(s) !== 0);
  if (statuses.length === 0) return;
  const counts = await db.repairCounters.bulkGet(statuses);
  await db.repairCounters.bulkPut(
    statuses.map((status, i) => ({
      status,
      count: Math.max(0, (counts[i]?.count ?? 0) + delta.get(status)!),
    })),
  );
}

// ── The hook ────────────────────────────────────────────────────────────────────────────

/** Repair's derived data as an after-commit hook of the write pipeline. */
export const repairDerivedHook: CommitHook = {
  name: 'repair-derived-data',
  tables: ['repairCards'],
  writes: derivedTables,
  afterCommit: (db, batch) => updateDerived(db, batch.records as unknown as RepairCard[]),
  afterImport: (db) => rebuildRepairDerivedData(db),
};

// Registered as soon as the repair data layer is loaded; the features manifest loads it at start
// too, so a sync before the repair screen first opens keeps the copy and counters right.
registerCommitHook(repairDerivedHook);

// ── Rebuild ─────────────────────────────────────────────────────────────────────────────

export interface RebuildProgress {
  done: number;
}

const READ_PAGE = 5000;
const rebuilding = new WeakMap<NetdeskDb, Promise<void>>();

/**
 * Rebuild the search copy and the counters from every stored card, in one transaction (writes
 * wait until it ends: seconds at 200,000 cards). Call after a backup restore or an import.
 */
export function rebuildRepairDerivedData(
  db: NetdeskDb,
  options: { onProgress?: (progress: RebuildProgress) => void } = {},
): Promise<void> {
  const running = rebuilding.get(db);
  if (running) return running;
  const job = db
    .transaction('rw', [db.repairCards, db.repairSearch, db.repairCounters], async () => {
      const lines: string[][] = Array.from({ length: SEARCH_CHUNK_COUNT }, () => []);
      const counts = new Map<string, number>();
      let after: string | null = null;
      let done = 0;
      for (;;) {
        const range =
          after === null ? db.repairCards.toCollection() : db.repairCards.where(':id').above(after);
        const page: RepairCard[] = await range.limit(READ_PAGE).toArray();
        if (page.length === 0) break;
        for (const card of page) {
          if (!isListed(card)) continue;
          lines[searchChunkOf(card.id)]!.push(packSearchLine(card));
          counts.set(card.status, (counts.get(card.status) ?? 0) + 1);
        }
        after = page[page.length - 1]!.id;
        done += page.length;
        options.onProgress?.({ done });
      }
      const manifest = await db.repairSearch.get(MANIFEST);
      // Every revision moves, so each window reloads every chunk.
      const revs = (manifest?.revs ?? emptyRevs()).map((r) => r + 1);
      await db.repairSearch.clear();
      await db.repairSearch.bulkPut([
        { chunk: MANIFEST, text: '', revs },
        ...lines.map((l, chunk) => ({ chunk, text: l.join('\n') })),
      ]);
      await db.repairCounters.clear();
      await db.repairCounters.bulkPut([...counts].map(([status, count]) => ({ status, count })));
    })
    .finally(() => rebuilding.delete(db));
  rebuilding.set(db, job);
  return job;
}

/** The search copy and the counters are rebuilt together; these names say what a caller needs. */
export const rebuildRepairSearch = (db: NetdeskDb) => rebuildRepairDerivedData(db);
export const rebuildRepairCounters = (db: NetdeskDb) => rebuildRepairDerivedData(db);

/**
 * Update the derived data for cards written by someone else (a sync merge, an import of a few
 * cards): cheaper than a rebuild when the ids are known. Missing ids are treated as deleted.
 */
export async function refreshRepairDerivedData(db: NetdeskDb, cardIds: readonly string[]): Promise<void> {
  if (cardIds.length === 0) return;
  await db.transaction('rw', [db.repairCards, ...derivedTables(db)], async () => {
    const cards = await db.repairCards.bulkGet([...cardIds]);
    await updateDerived(
      db,
      cards.map(
        (card, i) =>
          card ??
          ({ id: cardIds[i]!, deletedAt: new Date(0).toISOString(), status: 'received' } as RepairCard),
      ),
    );
  });
}

/** Build the derived data if it never was (a new PC, or the first start after an upgrade). */
export async function ensureRepairDerivedData(db: NetdeskDb): Promise<void> {
  if (await db.repairSearch.get(MANIFEST)) return;
  await rebuildRepairDerivedData(db);
}

// ── The in-memory copy ──────────────────────────────────────────────────────────────────

interface MemoryCopy {
  revs: number[];
  chunks: string[];
}

const copies = new WeakMap<NetdeskDb, MemoryCopy>();

/** This window's copy, reloading the chunks another writer changed since it last looked. */
async function freshCopy(db: NetdeskDb): Promise<MemoryCopy> {
  let manifest = await db.repairSearch.get(MANIFEST);
  if (!manifest) {
    await rebuildRepairDerivedData(db);
    manifest = await db.repairSearch.get(MANIFEST);
  }
  const revs = manifest?.revs ?? emptyRevs();
  const copy = copies.get(db) ?? { revs: emptyRevs().map(() => -1), chunks: [] };
  const stale: number[] = [];
  for (let k = 0; k < SEARCH_CHUNK_COUNT; k++) if (copy.revs[k] !== revs[k]) stale.push(k);
  if (stale.length > 0) {
    const rows =
      stale.length === SEARCH_CHUNK_COUNT
        ? await db.repairSearch.where('chunk').between(0, Dexie.maxKey).toArray()
        : await db.repairSearch.bulkGet(stale);
    const next: MemoryCopy = { revs: copy.revs.slice(), chunks: copy.chunks.slice() };
    for (const k of stale) next.chunks[k] = '';
    for (const row of rows) if (row && row.chunk >= 0) next.chunks[row.chunk] = row.text;
    for (const k of stale) next.revs[k] = revs[k]!;
    copies.set(db, next);
    return next;
  }
  return copy;
}

/** Whether this window holds the search copy (so list-field filters can run from memory). */
export function isRepairSearchWarm(db: NetdeskDb): boolean {
  return copies.has(db);
}

/**
 * Load the search copy into memory ahead of the first search (~0.4 s at 200,000 cards), e.g.
 * when the repair list opens; building it first if it never was.
 */
export async function warmRepairSearch(db: NetdeskDb): Promise<void> {
  await freshCopy(db);
}

/**
 * Visit the packed line of every live card whose number, requester, device tag or description
 * contains the folded query (every live card when it is empty).
 */
export async function forEachSearchHit(
  db: NetdeskDb,
  foldedQuery: string,
  visit: (line: string) => void,
): Promise<void> {
  const copy = await freshCopy(db);
  for (const chunk of copy.chunks) {
    if (!chunk) continue;
    // An empty query visits every card (counting by the list fields alone).
    if (foldedQuery) scanChunk(chunk, foldedQuery, visit);
    else for (const line of chunk.split('\n')) visit(line);
  }
}

/** Stored per-status counts (no count() over the cards). */
export async function storedStatusCounts(db: NetdeskDb): Promise<Map<RepairStatus, number>> {
  await ensureRepairDerivedData(db);
  const rows = await db.repairCounters.toArray();
  return new Map(rows.map((r) => [r.status as RepairStatus, r.count]));
}
