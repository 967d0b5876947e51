// The daily quote's schedule: one quote per working day (shared/calendar/workdays.ts decides which
// days, with the company's own rest days), filled from the quotes never shown nor planned, in the
// library's order. What was scheduled for a day up to today is the history of what the showroom
// showed, which is what the KPI (K6) reads; days ahead may be reordered, days past never.
import { isWorkingDay, type CompanyRestDays } from '../calendar/workdays';
import { addDays, daysFrom } from '../time/china';
import type { QuoteLike } from './quotes';

export interface ScheduleEntryLike {
  id: string;
  date: string;
  quoteId: string;
  createdAt?: string;
  hlc?: Readonly<Record<string, string>>;
}

export interface LibraryQuote extends QuoteLike {
  retired?: boolean;
  createdAt?: string;
  hlc?: Readonly<Record<string, string>>;
}

/**
 * The order records were created in: by creation time, then by the clock stamp of their creation,
 * which orders the lines of one import (all created in the same millisecond) as they stood in the file.
 */
export function byCreation(
  a: { id: string; createdAt?: string; hlc?: Readonly<Record<string, string>> },
  b: { id: string; createdAt?: string; hlc?: Readonly<Record<string, string>> },
): number {
  return (
    (a.createdAt ?? '').localeCompare(b.createdAt ?? '') ||
    (a.hlc?.createdAt ?? '').localeCompare(b.hlc?.createdAt ?? '') ||
    a.id.localeCompare(b.id)
  );
}

/** How far ahead the dashboard looks for working days without a quote. */
export const GAP_WARNING_DAYS = 14;

/** The quote ids the schedule holds, past or planned: none of them may be shown again. */
export function usedQuoteIds(entries: readonly ScheduleEntryLike[]): Set<string> {
  return new Set(entries.map((e) => e.quoteId));
}

/** Quotes ready to schedule: not retired, never scheduled, oldest first (the library's order). */
export function unusedQuotes<Q extends LibraryQuote>(
  quotes: readonly Q[],
  entries: readonly ScheduleEntryLike[],
): Q[] {
  const used = usedQuoteIds(entries);
  return quotes.filter((q) => !q.retired && !used.has(q.id)).sort(byCreation);
}

/** The entry of each scheduled day; two PCs filling the same day keep the first created. */
export function entriesByDay<E extends ScheduleEntryLike>(entries: readonly E[]): Map<string, E> {
  const byDay = new Map<string, E>();
  const sorted = [...entries].sort(byCreation);
  for (const e of sorted) if (!byDay.has(e.date)) byDay.set(e.date, e);
  return byDay;
}

export type SchedulePlan =
  | { ok: false; reason: 'bad-range' | 'no-working-days' }
  | {
      ok: true;
      /** New entries to write, in date order. */
      assignments: { date: string; quoteId: string }[];
      /** Working days of the range left without a quote: the library ran out. */
      uncovered: string[];
      /** Working days of the range that already had a quote. */
      alreadyScheduled: number;
    };

/**
 * Fill the working days of [from, to] that have no quote yet from the unused quotes. Rest days,
 * holidays and company rest days get none; adjusted working days (调休) get one.
 */
export function planSchedule<Q extends LibraryQuote>(input: {
  from: string;
  to: string;
  quotes: readonly Q[];
  entries: readonly ScheduleEntryLike[];
  restDays: CompanyRestDays;
}): SchedulePlan {
  if (input.to < input.from) return { ok: false, reason: 'bad-range' };
  const rest = new Set(input.restDays as Iterable<string>);
  const days = daysFrom(input.from, input.to).filter((d) => isWorkingDay(d, rest));
  if (days.length === 0) return { ok: false, reason: 'no-working-days' };
  const scheduled = entriesByDay(input.entries);
  const pool = unusedQuotes(input.quotes, input.entries);
  const assignments: { date: string; quoteId: string }[] = [];
  const uncovered: string[] = [];
  let alreadyScheduled = 0;
  for (const date of days) {
    if (scheduled.has(date)) {
      alreadyScheduled++;
      continue;
    }
    const quote = pool[assignments.length];
    if (quote) assignments.push({ date, quoteId: quote.id });
    else uncovered.push(date);
  }
  return { ok: true, assignments, uncovered, alreadyScheduled };
}

/**
 * Working days from today through the next GAP_WARNING_DAYS days that have no quote scheduled and
 * that the unused quotes would not cover either: the dashboard's warning before they happen.
 */
export function upcomingGaps(input: {
  today: string;
  quotes: readonly LibraryQuote[];
  entries: readonly ScheduleEntryLike[];
  restDays: CompanyRestDays;
  days?: number;
}): { unscheduled: string[]; uncovered: string[] } {
  const rest = new Set(input.restDays as Iterable<string>);
  const to = addDays(input.today, (input.days ?? GAP_WARNING_DAYS) - 1);
  const scheduled = entriesByDay(input.entries);
  const unscheduled = daysFrom(input.today, to).filter((d) => isWorkingDay(d, rest) && !scheduled.has(d));
  const spare = unusedQuotes(input.quotes, input.entries).length;
  return { unscheduled, uncovered: unscheduled.slice(spare) };
}

/**
 * How far the unused quotes reach: the working days after the last scheduled one (or today) they
 * would fill, and the last of them. Walks at most ten years of days.
 */
export function coverageOf(input: {
  today: string;
  quotes: readonly LibraryQuote[];
  entries: readonly ScheduleEntryLike[];
  restDays: CompanyRestDays;
}): { unused: number; workingDays: number; through: string | null } {
  const rest = new Set(input.restDays as Iterable<string>);
  const unused = unusedQuotes(input.quotes, input.entries).length;
  const scheduled = entriesByDay(input.entries);
  let left = unused;
  let through: string | null = null;
  let day = input.today;
  for (let i = 0; left > 0 && i < 3660; i++, day = addDays(day, 1)) {
    if (!isWorkingDay(day, rest) || scheduled.has(day)) continue;
    left--;
    through = day;
  }
  return { unused, workingDays: unused, through };
}

/** The quote shown on a day: the day's entry, its quote; null when the day has none. */
export function quoteOfDay<Q extends QuoteLike, E extends ScheduleEntryLike>(
  day: string,
  entries: readonly E[],
  quotes: readonly Q[],
): { entry: E; quote: Q } | null {
  const entry = entriesByDay(entries.filter((e) => e.date === day)).get(day);
  if (!entry) return null;
  const quote = quotes.find((q) => q.id === entry.quoteId);
  return quote ? { entry, quote } : null;
}

/**
 * Moving a planned quote one working day earlier or later swaps it with its neighbour: the two
 * entries exchange quotes. Today and the past are history and never move.
 */
export function planMove<E extends ScheduleEntryLike>(
  entries: readonly E[],
  entryId: string,
  direction: -1 | 1,
  today: string,
): { a: E; aQuoteId: string; b: E; bQuoteId: string } | null {
  const future = [...entriesByDay(entries).values()]
    .filter((e) => e.date > today)
    .sort((x, y) => x.date.localeCompare(y.date));
  const at = future.findIndex((e) => e.id === entryId);
  const other = future[at + direction];
  if (at < 0 || !other) return null;
  const self = future[at]!;
  return { a: self, aQuoteId: other.quoteId, b: other, bQuoteId: self.quoteId };
}
