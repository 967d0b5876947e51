// What the showroom display shows: the quote scheduled for today, or on a rest day the one shown
// on the last working day before it (the screen is never blank on a weekend), and the date as a
// visitor reads it. Pure, so the page and its tests agree on which quote a day gets.
import { isoWeekday } from '../time/china';
import { entriesByDay, type ScheduleEntryLike } from './schedule';

export interface ShowroomQuote {
  text: string;
  source: string;
  /** The day the quote was scheduled for (today, or the last working day before it). */
  date: string;
}

/** The quote on the display on `today`; null while nothing has ever been scheduled up to today. */
export function showroomQuote(
  schedule: readonly ScheduleEntryLike[],
  quotes: readonly { id: string; text: string; source?: string }[],
  today: string,
): ShowroomQuote | null {
  const byDay = entriesByDay(schedule);
  const byId = new Map(quotes.map((q) => [q.id, q]));
  // Latest scheduled day up to today whose quote still exists (a quote deleted on another PC
  // leaves its day to the one before).
  const days = [...byDay.keys()].filter((d) => d <= today).sort((a, b) => b.localeCompare(a));
  for (const date of days) {
    const quote = byId.get(byDay.get(date)!.quoteId);
    if (quote) return { text: quote.text, source: quote.source ?? '', date };
  }
  return null;
}

const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];

/** 2026年12月7日 星期一: the date as the showroom shows it. */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日 星期${WEEKDAYS_ZH[isoWeekday(day) - 1]}`;
}
