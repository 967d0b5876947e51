// Reads of repair cards: the card list (filter, sort, page), its total, a card's timeline,
// a device's history and a person's cards. Built for 200,000 cards: every path starts from an
// index or from the in-memory search copy, never from a scan of the table.
//
// How a list page is found, by filter:
// - text: the search copy gives every matching card with its list fields; the other filters,
//   the sort and the page are applied in memory; only the page's cards are read.
// - a device, a requester, "overdue", a few statuses, a department or a date range that holds
//   few cards (≤ SMALL_SET): those cards are read by their index, then filtered and sorted.
// - otherwise: the sort's own index ([status+receivedAt] / [status+slaDueAt] per status, or
//   receivedAt / slaDueAt / cardNo) is walked in order with the remaining filters, stopping
//   once the page is full.
import Dexie from 'dexie';
import { isOverdue } from '../../../../shared/repair/status-groups';
import {
  foldSearchText,
  LINE_FIELD,
  LineReader,
  parseSearchLine,
} from '../../../../shared/repair/search-lines';
import type { RepairStatus } from '../../../../shared/repair/workflow';
import { REPAIR_STATUSES, type RepairCard, type RepairEvent } from '../../../../shared/schemas';
import { isListed } from '../../../../shared/sync/arrival';
import type { NetdeskDb } from '../../../db/schema';
import { overdueCollections } from './counters';
import { forEachSearchHit, isRepairSearchWarm, storedStatusCounts } from './derived';
import { whereKey } from '../../../db/keys';

export interface RepairCardFilter {
  /** Any of these statuses; empty or missing = all. */
  status?: readonly RepairStatus[];
  /** Only cards whose 24-hour clock ran out (received or in repair, due before now). */
  overdue?: boolean;
  departmentId?: string | null;
  deviceId?: string | null;
  requesterId?: string | null;
  /** Received at or after this time (ISO UTC as Date.toISOString() writes it; cards store that form). */
  receivedFrom?: string | null;
  /** Received before this ISO time (exclusive: pass the start of the day after the range). */
  receivedTo?: string | null;
  /** Substring of the number, requester's name, device tag or description; case and width folded. */
  text?: string;
}

export interface RepairCardSort {
  by: 'receivedAt' | 'slaDueAt' | 'cardNo';
  dir: 'asc' | 'desc';
}

export interface RepairCardPage {
  offset: number;
  limit: number;
}

export interface RepairQueryOptions {
  /** The time "overdue" is judged at; defaults to now. */
  now?: Date;
  /**
   * Up to this many candidates a selective filter's cards are read whole and sorted in memory;
   * above it the sort's index is walked. Tuning only (tests set 0 to exercise the index walks).
   */
  smallSet?: number;
  /** Use the in-memory copy for pages the indexes answer poorly, when it is loaded (default true). */
  fromMemory?: boolean;
}

export interface RepairCardPageResult {
  rows: RepairCard[];
  /** More cards match after this page. */
  hasMore: boolean;
}

/** A walk over the repair cards' table or one of its indexes. */
type CardCollection = ReturnType<NetdeskDb['repairCards']['toCollection']>;

const SMALL_SET = 1000;
/** Past this offset a page is cut from the in-memory copy rather than by walking thousands of cards. */
const DEEP_OFFSET = 500;

/**
 * Whether the sort's index alone answers the filter (statuses and receipt dates are part of its
 * ranges); otherwise a walk would read and drop many cards to fill a page.
 */
function indexAnswers(filter: RepairCardFilter, sort: RepairCardSort): boolean {
  const dates = !!(filter.receivedFrom || filter.receivedTo);
  if (filter.departmentId) return false;
  if (sort.by === 'receivedAt') return true;
  if (sort.by === 'slaDueAt') return !dates;
  return !dates && !filter.status?.length;
}

/** The fields a filter and a sort look at: a card, or a hit of the search copy. */
type ListFields = Pick<
  RepairCard,
  'id' | 'status' | 'receivedAt' | 'slaDueAt' | 'departmentId' | 'deviceId' | 'requesterId' | 'cardNo'
> & { createdAt?: string | null; deletedAt?: string | null };

function predicate(filter: RepairCardFilter, now: Date): (c: ListFields) => boolean {
  const statuses = filter.status?.length ? new Set(filter.status) : null;
  const { departmentId, deviceId, requesterId, receivedFrom, receivedTo } = filter;
  return (c) =>
    isListed(c) &&
    (!statuses || statuses.has(c.status)) &&
    (!filter.overdue || isOverdue(c, now)) &&
    (!departmentId || c.departmentId === departmentId) &&
    (!deviceId || c.deviceId === deviceId) &&
    (!requesterId || c.requesterId === requesterId) &&
    (!receivedFrom || c.receivedAt >= receivedFrom) &&
    (!receivedTo || c.receivedAt < receivedTo);
}

/**
 * The order IndexedDB walks an index in: the key, then the id; cards without a due time come
 * after all others in both directions of the due-time sort.
 */
function comparator(sort: RepairCardSort): (a: ListFields, b: ListFields) => number {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return (a, b) => {
    const ka = a[sort.by];
    const kb = b[sort.by];
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      return ka < kb ? -sign : sign;
    }
    return a.id === b.id ? 0 : a.id < b.id ? -sign : sign;
  };
}

function ordered(collection: CardCollection, dir: RepairCardSort['dir']) {
  return dir === 'desc' ? collection.reverse() : collection;
}

const statusesOf = (filter: RepairCardFilter): readonly RepairStatus[] =>
  filter.status?.length ? filter.status : REPAIR_STATUSES;

/** Card bounds of the received-at range, for IndexedDB ranges. */
function receivedRange(
  filter: RepairCardFilter,
): [string | typeof Dexie.minKey, string | typeof Dexie.maxKey] {
  return [filter.receivedFrom || Dexie.minKey, filter.receivedTo || Dexie.maxKey];
}

async function readAll(collections: CardCollection[]): Promise<RepairCard[]> {
  return (await Promise.all(collections.map((c) => c.toArray()))).flat();
}

/**
 * All candidate cards when the filter narrows them to a small set through an index; null when
 * it does not (then the sort's index is walked instead).
 */
async function smallCandidateSet(
  db: NetdeskDb,
  filter: RepairCardFilter,
  now: Date,
  smallSet: number,
  sort: RepairCardSort,
): Promise<RepairCard[] | null> {
  const cards = db.repairCards;
  if (filter.deviceId) return cards.where('deviceId').equals(filter.deviceId).toArray();
  if (filter.requesterId) return cards.where('requesterId').equals(filter.requesterId).toArray();
  if (filter.overdue) return readAll(overdueCollections(db, now, statusesOf(filter)));
  const [from, to] = receivedRange(filter);
  if (filter.status?.length && !indexAnswers(filter, sort)) {
    const counts = await storedStatusCounts(db);
    const total = filter.status.reduce((n, s) => n + (counts.get(s) ?? 0), 0);
    if (total <= smallSet) {
      return readAll(
        filter.status.map((s) => cards.where('[status+receivedAt]').between([s, from], [s, to], true, false)),
      );
    }
  }
  // Keys only first (one getAllKeys): cheap, and tells whether the set is small; then the cards
  // in one getAll rather than a get per key.
  const keyed = async (c: () => CardCollection) => {
    const keys = await c()
      .limit(smallSet + 1)
      .primaryKeys();
    return keys.length > smallSet ? null : c().toArray();
  };
  if (filter.departmentId) {
    const departmentId = filter.departmentId;
    const set = await keyed(() => cards.where('departmentId').equals(departmentId));
    if (set) return set;
  }
  if (filter.receivedFrom || filter.receivedTo) {
    const set = await keyed(() => cards.where('receivedAt').between(from, to, true, false));
    if (set) return set;
  }
  return null;
}

/** Statuses in which a card may have no due time (clock paused, refused, closed after refusal). */
const MAY_LACK_DUE: ReadonlySet<RepairStatus> = new Set(['waiting-parts', 'refused', 'closed']);

/**
 * The first `need` matching cards in sort order, walking the sort's index. Each status's range
 * gives its own first `need`; their union, sorted, holds the overall first `need`.
 */
async function walkSortIndex(
  db: NetdeskDb,
  filter: RepairCardFilter,
  sort: RepairCardSort,
  need: number,
  matches: (c: ListFields) => boolean,
): Promise<RepairCard[]> {
  const cards = db.repairCards;
  const statuses = filter.status?.length ? filter.status : null;
  const [from, to] = receivedRange(filter);
  const take = (c: CardCollection) => ordered(c, sort.dir).filter(matches).limit(need).toArray();
  if (sort.by === 'receivedAt') {
    if (!statuses && filter.departmentId) {
      const dep = filter.departmentId;
      return take(cards.where('[departmentId+receivedAt]').between([dep, from], [dep, to], true, false));
    }
    if (!statuses) return take(cards.where('receivedAt').between(from, to, true, false));
    return (
      await Promise.all(
        statuses.map((s) =>
          take(cards.where('[status+receivedAt]').between([s, from], [s, to], true, false)),
        ),
      )
    ).flat();
  }
  if (sort.by === 'cardNo') return take(cards.orderBy('cardNo'));
  // Due time: cards with one from the index, then (only if the page reaches past them) the
  // cards without one, which that index leaves out.
  const dated = statuses
    ? (
        await Promise.all(
          statuses.map((s) =>
            take(cards.where('[status+slaDueAt]').between([s, Dexie.minKey], [s, Dexie.maxKey])),
          ),
        )
      ).flat()
    : await take(cards.orderBy('slaDueAt'));
  if (dated.length >= need) return dated;
  const undated = await Promise.all(
    (statuses ?? REPAIR_STATUSES)
      .filter((s) => MAY_LACK_DUE.has(s))
      .map((s) =>
        cards
          .where('[status+receivedAt]')
          .between([s, from], [s, to], true, false)
          .filter((c) => c.slaDueAt === null && matches(c))
          .limit(need)
          .toArray(),
      ),
  );
  return [...dated, ...undated.flat()];
}

/**
 * The first `need` lines (in sort order) of the cards matching the text and the other filters,
 * and how many match in all. Reads a few fields of each hit in place and keeps only the best
 * `need` (a search for a common name can hit every card: sorting them all would cost seconds).
 */
async function searchTop(
  db: NetdeskDb,
  query: string,
  filter: RepairCardFilter,
  sort: RepairCardSort,
  need: number,
  now: Date,
): Promise<{ top: string[]; total: number }> {
  const reader = new LineReader();
  const statuses = filter.status?.length ? filter.status : null;
  const { departmentId, deviceId, requesterId, receivedFrom, receivedTo, overdue } = filter;
  const keyField = LINE_FIELD[sort.by];
  const sign = sort.dir === 'asc' ? 1 : -1;
  // Best `need` so far, sorted: their sort keys ('' = no due time, always last), ids and lines.
  const keys: string[] = [];
  const ids: string[] = [];
  const lines: string[] = [];
  const before = (ka: string, ia: string, kb: string, ib: string) => {
    if (ka !== kb) {
      if (ka === '') return false;
      if (kb === '') return true;
      return sign > 0 ? ka < kb : ka > kb;
    }
    return sign > 0 ? ia < ib : ia > ib;
  };
  let total = 0;
  await forEachSearchHit(db, query, (line) => {
    const r = reader.reset(line);
    if (statuses && !statuses.includes(r.field(LINE_FIELD.status) as RepairStatus)) return;
    if (departmentId && !r.fieldIs(LINE_FIELD.departmentId, departmentId)) return;
    if (deviceId && !r.fieldIs(LINE_FIELD.deviceId, deviceId)) return;
    if (requesterId && !r.fieldIs(LINE_FIELD.requesterId, requesterId)) return;
    if (receivedFrom || receivedTo || overdue) {
      const receivedAt = r.field(LINE_FIELD.receivedAt);
      if (receivedFrom && receivedAt < receivedFrom) return;
      if (receivedTo && receivedAt >= receivedTo) return;
      if (overdue) {
        const due = r.field(LINE_FIELD.slaDueAt);
        const status = r.field(LINE_FIELD.status) as RepairStatus;
        if (!isOverdue({ status, slaDueAt: due || null }, now)) return;
      }
    }
    total += 1;
    if (need === 0) return;
    const key = r.field(keyField);
    const id = r.field(LINE_FIELD.id);
    if (keys.length === need && !before(key, id, keys[need - 1]!, ids[need - 1]!)) return;
    // Binary search for the place, then insert and drop the last when full.
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(keys[mid]!, ids[mid]!, key, id)) lo = mid + 1;
      else hi = mid;
    }
    keys.splice(lo, 0, key);
    ids.splice(lo, 0, id);
    lines.splice(lo, 0, line);
    if (keys.length > need) {
      keys.pop();
      ids.pop();
      lines.pop();
    }
  });
  return { top: lines, total };
}

/**
 * One page of the card list. Rows are whole cards, in the sort order, ties broken by id so
 * pages never overlap or skip. Deleted cards, and cards sync has delivered only in part, never
 * appear.
 */
export async function queryRepairCards(
  db: NetdeskDb,
  filter: RepairCardFilter,
  sort: RepairCardSort,
  page: RepairCardPage,
  { now = new Date(), smallSet = SMALL_SET, fromMemory = true }: RepairQueryOptions = {},
): Promise<RepairCardPageResult> {
  const offset = Math.max(0, Math.floor(page.offset));
  const limit = Math.max(1, Math.floor(page.limit));
  const need = offset + limit + 1;
  const matches = predicate(filter, now);
  const compare = comparator(sort);
  const query = foldSearchText(filter.text?.trim() ?? '').trim();
  if (query) {
    const { top, total } = await searchTop(db, query, filter, sort, need, now);
    const ids = top.slice(offset, offset + limit).map((line) => parseSearchLine(line).id);
    const rows = (await db.repairCards.bulkGet(ids)).filter((c): c is RepairCard => isListed(c));
    return { rows, hasMore: total > offset + limit };
  }
  const byOwner = filter.deviceId || filter.requesterId || filter.overdue;
  if (
    !byOwner &&
    fromMemory &&
    isRepairSearchWarm(db) &&
    (!indexAnswers(filter, sort) || offset > DEEP_OFFSET)
  ) {
    // The list fields of every card are in memory: filter there and read only the page.
    const { top, total } = await searchTop(db, '', filter, sort, need, now);
    const ids = top.slice(offset, offset + limit).map((line) => parseSearchLine(line).id);
    const rows = (await db.repairCards.bulkGet(ids)).filter((c): c is RepairCard => isListed(c));
    return { rows, hasMore: total > offset + limit };
  }
  const candidates =
    (await smallCandidateSet(db, filter, now, smallSet, sort)) ??
    (await walkSortIndex(db, filter, sort, need, matches));
  const sorted = candidates.filter(matches).sort(compare);
  return { rows: sorted.slice(offset, offset + limit), hasMore: sorted.length > offset + limit };
}

/**
 * How many cards match the filter (the list header's "共 N 张"). Exact; from the counters when
 * only statuses are chosen, else from a small indexed set or the in-memory search copy (the
 * first call loads it): ask for it after the rows.
 */
export async function countRepairCards(
  db: NetdeskDb,
  filter: RepairCardFilter,
  { now = new Date(), smallSet = SMALL_SET }: RepairQueryOptions = {},
): Promise<number> {
  const matches = predicate(filter, now);
  const query = foldSearchText(filter.text?.trim() ?? '').trim();
  if (query) return (await searchTop(db, query, filter, { by: 'cardNo', dir: 'asc' }, 0, now)).total;
  const onlyStatuses =
    !filter.overdue &&
    !filter.departmentId &&
    !filter.deviceId &&
    !filter.requesterId &&
    !filter.receivedFrom &&
    !filter.receivedTo;
  if (onlyStatuses) {
    const counts = await storedStatusCounts(db);
    return statusesOf(filter).reduce((n, s) => n + (counts.get(s) ?? 0), 0);
  }
  const small = await smallCandidateSet(db, filter, now, smallSet, { by: 'cardNo', dir: 'asc' });
  if (small) return small.filter(matches).length;
  // Many candidates: count over the list fields of the in-memory copy instead of reading cards.
  return (await searchTop(db, '', filter, { by: 'cardNo', dir: 'asc' }, 0, now)).total;
}

/** A live card by id. */
export async function getRepairCard(db: NetdeskDb, cardId: string): Promise<RepairCard | undefined> {
  const card = await db.repairCards.get(cardId);
  return isListed(card) ? card : undefined;
}

/** A live card by its printed number (the QR code, the search box, the CLI). */
export async function findRepairCardByNo(db: NetdeskDb, cardNo: string): Promise<RepairCard | undefined> {
  return whereKey(db.repairCards, 'cardNo', cardNo).filter(isListed).first();
}

/**
 * A card's events in the order they happened (the timeline). Events logged with the same time
 * keep the order they were recorded in.
 */
export async function getCardTimeline(db: NetdeskDb, cardId: string): Promise<RepairEvent[]> {
  const events = await db.repairEvents
    .where('[cardId+at]')
    .between([cardId, Dexie.minKey], [cardId, Dexie.maxKey])
    .filter(isListed)
    .toArray();
  const recorded = (e: RepairEvent) => e.hlc.type ?? e.createdAt;
  return events.sort((a, b) =>
    a.at !== b.at ? Date.parse(a.at) - Date.parse(b.at) : recorded(a) < recorded(b) ? -1 : 1,
  );
}

const newestFirst = (a: RepairCard, b: RepairCard) =>
  a.receivedAt !== b.receivedAt ? (a.receivedAt < b.receivedAt ? 1 : -1) : a.id < b.id ? 1 : -1;

/** A device's repair history, newest first. */
export async function cardsOfDevice(db: NetdeskDb, deviceId: string): Promise<RepairCard[]> {
  const cards = await db.repairCards.where('deviceId').equals(deviceId).toArray();
  return cards.filter(isListed).sort(newestFirst);
}

/** The cards a person asked for, newest first. */
export async function cardsOfRequester(db: NetdeskDb, personId: string): Promise<RepairCard[]> {
  const cards = await db.repairCards.where('requesterId').equals(personId).toArray();
  return cards.filter(isListed).sort(newestFirst);
}
