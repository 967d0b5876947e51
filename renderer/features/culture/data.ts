// The daily quote's reads and writes: the only place that touches the quotes and quoteSchedule
// tables. Reads follow the ledger live (a quote added or a day scheduled on another PC shows on
// arrival); writes go through the repository, so they are validated, stamped and synced. A quote is
// checked against every quote in the library, live or retired, and refused as a repeat before it is
// written; an import writes its accepted lines in one transaction (bulkCreate), or nothing.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import {
  buildQuoteIndex,
  checkQuote,
  normalizeQuote,
  type QuoteCheck,
  type QuoteIndex,
} from '../../../shared/culture/quotes';
import { quoteLibrary } from './library-cache';
import { byCreation, planMove, planSchedule, type SchedulePlan } from '../../../shared/culture/schedule';
import {
  checkInvitation,
  type InvitationRefusal,
  type InvitationStatus,
} from '../../../shared/culture/invitations';
import type {
  Quote,
  QuoteScheduleEntry,
  RecordInput,
  WebsiteInvitation,
  WebsiteUpdate,
} from '../../../shared/schemas';
import { isListed } from '../../../shared/sync/arrival';
import { chinaDay, dayStart, addDays } from '../../../shared/time/china';
import { commitScope } from '../../db/commit';
import { getLedgerSetting } from '../../db/ledger-settings';
import type { Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';

export interface CultureLedger {
  /** Every live quote, retired ones included, oldest first. */
  quotes: Quote[];
  /** Every live schedule entry, by date. */
  schedule: QuoteScheduleEntry[];
  restDays: string[];
  index: QuoteIndex<Quote>;
}

export async function readCultureLedger(db: NetdeskDb): Promise<CultureLedger> {
  const [quotes, schedule, restDays] = await Promise.all([
    db.quotes.toArray(),
    db.quoteSchedule.orderBy('date').toArray(),
    getLedgerSetting(db, 'companyRestDays'),
  ]);
  const live = quotes.filter(isListed).sort(byCreation);
  return { quotes: live, schedule: schedule.filter(isListed), restDays, index: buildQuoteIndex(live) };
}

/** What the showroom display needs, read without building the repeat index it has no use for. */
export async function readShowroom(
  db: NetdeskDb,
): Promise<{ quotes: Quote[]; schedule: QuoteScheduleEntry[]; companyName: string }> {
  const [quotes, schedule, companyName] = await Promise.all([
    db.quotes.toArray(),
    db.quoteSchedule.toArray(),
    getLedgerSetting(db, 'companyName'),
  ]);
  return { quotes: quotes.filter(isListed), schedule: schedule.filter(isListed), companyName };
}

/** The quote library and its schedule, following the ledger; undefined while the first read runs. */
export function useCultureLedger(db: NetdeskDb): CultureLedger | undefined {
  return useLiveQuery(() => readCultureLedger(db), [db]);
}

/** Today in China time, turning over by itself at midnight China time. */
export function useChinaToday(now: () => number = Date.now): string {
  const [today, setToday] = useState(() => chinaDay(now()));
  useEffect(() => {
    // Wake just after the next China midnight; a sleeping PC wakes late, and the check below
    // runs every minute besides, so the day is never stale for long.
    const next = dayStart(addDays(today, 1)).getTime() - now() + 1000;
    const midnight = setTimeout(() => setToday(chinaDay(now())), Math.max(1000, next));
    const minute = setInterval(() => {
      const day = chinaDay(now());
      if (day !== today) setToday(day);
    }, 60_000);
    return () => {
      clearTimeout(midnight);
      clearInterval(minute);
    };
  }, [today, now]);
  return today;
}

/** Why a quote was not saved: the check's verdict (empty, too long, repeat). */
export class QuoteRefused extends Error {
  constructor(readonly check: QuoteCheck<Quote>) {
    super(`quote refused: ${check.kind}`);
    this.name = 'QuoteRefused';
  }
}

export interface QuoteInput {
  text: string;
  source: string;
  tags: string[];
}

/**
 * Save a new or edited quote after checking it against the library as it is now (not as the form
 * saw it: another PC may have added the same text meanwhile). A near-duplicate passes only with
 * `allowNear`, which the form sets once the user confirmed the warning.
 */
export async function saveQuote(
  db: NetdeskDb,
  repo: Repository,
  input: QuoteInput,
  options: { id?: string; allowNear?: boolean } = {},
): Promise<{ saved: Quote } | { near: QuoteCheck<Quote> & { kind: 'near' } }> {
  // The library as this PC's ledger holds it now (kept current by every write, synced ones too),
  // not the schedule the screens read beside it.
  const library = await quoteLibrary(db);
  const check = checkQuote(input.text, buildQuoteIndex(library), options.id);
  if (check.kind === 'empty' || check.kind === 'too-long' || check.kind === 'repeat')
    throw new QuoteRefused(check);
  if (check.kind === 'near' && !options.allowNear) return { near: check };
  const record = { ...input, text: input.text.trim(), normalized: normalizeQuote(input.text) };
  const saved = options.id
    ? await repo.update('quotes', options.id, record)
    : await repo.create('quotes', { ...record, retired: false });
  return { saved };
}

/** Take a quote out of the rotation, or put it back; a planned day keeps it until re-filled. */
export async function setQuoteRetired(repo: Repository, id: string, retired: boolean): Promise<void> {
  await repo.update('quotes', id, { retired });
}

/** Write an import's accepted lines, all or none. */
export async function importQuotes(
  repo: Repository,
  texts: readonly string[],
  source: string,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const inputs = texts.map((text) => ({
    text,
    normalized: normalizeQuote(text),
    source,
    tags: [],
    retired: false,
  }));
  const result = await repo.bulkCreate('quotes', inputs, {
    ...(onProgress
      ? { onProgress: (p: { done: number; total: number }) => onProgress(p.done, p.total) }
      : {}),
  });
  if (!result.ok) throw new Error(`import refused: ${result.errors.length} invalid rows`);
  return result.records.length;
}

/** Fill the working days of a range from the unused quotes; returns the plan as written. */
export async function fillSchedule(
  db: NetdeskDb,
  repo: Repository,
  from: string,
  to: string,
): Promise<SchedulePlan> {
  // The library from its kept copy, and no repeat index: the plan reads only which are used.
  const [quotes, schedule, restDays] = await Promise.all([
    quoteLibrary(db),
    db.quoteSchedule.orderBy('date').toArray(),
    getLedgerSetting(db, 'companyRestDays'),
  ]);
  const plan = planSchedule({ from, to, quotes, entries: schedule.filter(isListed), restDays });
  if (plan.ok && plan.assignments.length > 0) {
    const result = await repo.bulkCreate(
      'quoteSchedule',
      plan.assignments.map((a) => ({ ...a, shown: true })),
    );
    if (!result.ok) throw new Error(`schedule refused: ${result.errors.length} invalid entries`);
  }
  return plan;
}

/** Move a planned quote one scheduled day earlier or later (the two days swap quotes). */
export async function moveScheduled(
  db: NetdeskDb,
  repo: Repository,
  entryId: string,
  direction: -1 | 1,
  today: string,
): Promise<boolean> {
  // Both days change together or neither does: a half-done swap would show one quote twice.
  return db.transaction('rw', commitScope(db, ['quoteSchedule', 'quotes', 'ledgerSettings']), async () => {
    const { schedule } = await readCultureLedger(db);
    const move = planMove(schedule, entryId, direction, today);
    if (!move) return false;
    await repo.update('quoteSchedule', move.a.id, { quoteId: move.aQuoteId });
    await repo.update('quoteSchedule', move.b.id, { quoteId: move.bQuoteId });
    return true;
  });
}

/** Take a planned day off the schedule (its quote goes back to the unused ones). */
export async function unschedule(repo: Repository, entryId: string): Promise<void> {
  await repo.remove('quoteSchedule', entryId);
}

// ── Website updates ──────────────────────────────────────────────────────────────────────

/** Every live website update, newest first, following the ledger. */
export function useWebsiteUpdates(db: NetdeskDb): WebsiteUpdate[] | undefined {
  return useLiveQuery(async () => {
    const rows = await db.websiteUpdates.orderBy('publishedAt').reverse().toArray();
    return rows.filter(isListed);
  }, [db]);
}

/** Only this week's updates: what the dashboard card counts, without reading ten years of them. */
export function useUpdatesSince(db: NetdeskDb, since: string): WebsiteUpdate[] | undefined {
  return useLiveQuery(
    async () => (await db.websiteUpdates.where('publishedAt').aboveOrEqual(since).toArray()).filter(isListed),
    [db, since],
  );
}

/**
 * Log a website update, or correct one; the repository validates it with its record schema. With
 * `invitationId` the update is the article an invitation to write became: the invitation is marked
 * published with it in the same transaction, so neither is saved without the other.
 */
export async function saveWebsiteUpdate(
  db: NetdeskDb,
  repo: Repository,
  input: RecordInput<'websiteUpdates'>,
  id?: string,
  options: { invitationId?: string; now?: () => number } = {},
): Promise<WebsiteUpdate> {
  const { invitationId } = options;
  if (!invitationId)
    return id ? repo.update('websiteUpdates', id, input) : repo.create('websiteUpdates', input);
  return db.transaction('rw', commitScope(db, ['websiteUpdates', 'websiteInvitations']), async () => {
    const update = id
      ? await repo.update('websiteUpdates', id, input)
      : await repo.create('websiteUpdates', input);
    const invitation = await db.websiteInvitations.get(invitationId);
    if (!invitation || !isListed(invitation)) throw new Error(`no invitation ${invitationId}`);
    await writeInvitation(
      db,
      repo,
      { ...invitation, status: 'published', websiteUpdateId: update.id },
      invitationId,
      options.now,
    );
    return update;
  });
}

/**
 * Delete a website update. An invitation that had become it goes back to accepted, without an
 * article, in the same transaction: a published invitation always names an article that is there.
 */
export async function removeWebsiteUpdate(db: NetdeskDb, repo: Repository, id: string): Promise<void> {
  await db.transaction('rw', commitScope(db, ['websiteUpdates', 'websiteInvitations']), async () => {
    const linked = (await db.websiteInvitations.where('websiteUpdateId').equals(id).toArray()).filter(
      isListed,
    );
    for (const invitation of linked)
      await repo.update('websiteInvitations', invitation.id, { status: 'accepted', websiteUpdateId: null });
    await repo.remove('websiteUpdates', id);
  });
}

// ── Invitations to write for the website ─────────────────────────────────────────────────

/** Why an invitation was not saved (shared/culture/invitations.ts). */
export class InvitationRefused extends Error {
  constructor(readonly reason: InvitationRefusal) {
    super(`invitation refused: ${reason}`);
    this.name = 'InvitationRefused';
  }
}

/** Every live invitation, newest asked first, following the ledger. */
export function useWebsiteInvitations(db: NetdeskDb): WebsiteInvitation[] | undefined {
  return useLiveQuery(async () => {
    const rows = (await db.websiteInvitations.toArray()).filter(isListed);
    return rows.sort((a, b) => b.askedAt.localeCompare(a.askedAt));
  }, [db]);
}

export interface InvitationInput {
  personId: string;
  askedAt: string;
  status: InvitationStatus;
  note: string;
  websiteUpdateId: string | null;
}

/** Check an invitation against the ledger as it is inside the transaction, then write it. */
async function writeInvitation(
  db: NetdeskDb,
  repo: Repository,
  input: InvitationInput,
  id: string | undefined,
  now: () => number = Date.now,
): Promise<WebsiteInvitation> {
  const [updates, invitations] = await Promise.all([
    input.websiteUpdateId ? db.websiteUpdates.where('id').equals(input.websiteUpdateId).toArray() : [],
    input.websiteUpdateId
      ? db.websiteInvitations.where('websiteUpdateId').equals(input.websiteUpdateId).toArray()
      : [],
  ]);
  const refusal = checkInvitation({ ...input, ...(id ? { id } : {}) }, { updates, invitations }, now());
  if (refusal) throw new InvitationRefused(refusal);
  const record = {
    personId: input.personId,
    askedAt: input.askedAt,
    status: input.status,
    note: input.note,
    websiteUpdateId: input.websiteUpdateId,
  };
  return id ? repo.update('websiteInvitations', id, record) : repo.create('websiteInvitations', record);
}

/**
 * Record an invitation to write, or change it (answered, published with its article, lapsed).
 * Refused with InvitationRefused when it breaks a rule; nothing is written then.
 */
export async function saveInvitation(
  db: NetdeskDb,
  repo: Repository,
  input: InvitationInput,
  id?: string,
  now?: () => number,
): Promise<WebsiteInvitation> {
  return db.transaction('rw', commitScope(db, ['websiteInvitations', 'websiteUpdates']), () =>
    writeInvitation(db, repo, input, id, now),
  );
}

export async function removeInvitation(repo: Repository, id: string): Promise<void> {
  await repo.remove('websiteInvitations', id);
}
