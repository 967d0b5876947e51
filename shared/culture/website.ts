// The website's weekly tracker: at least two content updates published in every Monday–Sunday week
// of China time (the week the KPI reads, K7). A week counts the updates whose publication instant
// falls in it, whichever month its days belong to; the month a week is reported in is the month of
// its Thursday (shared/time/china.ts), so a week across a month end is counted once, in one month.
import { isListed } from '../sync/arrival';
import { addDays, chinaDay, mondayOf, weekOf, type ChinaWeek } from '../time/china';

/** Updates a week needs. */
export const WEBSITE_UPDATES_PER_WEEK = 2;

export interface UpdateLike {
  publishedAt: string;
  site?: string;
  createdAt?: string | null;
  deletedAt?: string | null;
}

export interface WeekTally extends ChinaWeek {
  count: number;
  met: boolean;
  /** True for the week still running: short of two is "in progress", not a miss yet. */
  current: boolean;
}

/**
 * The weeks from the one holding `from` to the one holding `to` (newest first), each with its
 * number of live updates. `sites`, when given, limits what counts to those sites.
 */
export function weeklyTracker(
  updates: readonly UpdateLike[],
  from: string,
  to: string,
  today: string,
  sites?: readonly string[],
): WeekTally[] {
  const counts = new Map<string, number>();
  for (const u of updates) {
    if (!isListed(u) || (sites && !sites.includes(u.site ?? ''))) continue;
    const monday = mondayOf(chinaDay(u.publishedAt));
    counts.set(monday, (counts.get(monday) ?? 0) + 1);
  }
  const thisMonday = mondayOf(today);
  const weeks: WeekTally[] = [];
  for (let monday = mondayOf(to); monday >= mondayOf(from); monday = addDays(monday, -7)) {
    const count = counts.get(monday) ?? 0;
    weeks.push({
      ...weekOf(monday),
      count,
      met: count >= WEBSITE_UPDATES_PER_WEEK,
      current: monday === thisMonday,
    });
  }
  return weeks;
}

/** This week's tally (the dashboard card). */
export function currentWeek(updates: readonly UpdateLike[], today: string): WeekTally {
  return weeklyTracker(updates, today, today, today)[0]!;
}
