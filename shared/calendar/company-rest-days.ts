// The company's own rest days as the supervisor edits them in Settings: adding a day, removing
// one, and the year's list of days that differ from a plain Monday–Friday week (official holidays,
// adjusted working days, company rest days) shown side by side so the supervisor sees what the
// official calendar already gives before adding a day of the company's own.
//
// A day that is already a rest day (a weekend not worked, an official holiday) is refused: adding
// it would change nothing any working-day rule counts, and a list full of such days hides the
// ones that matter.
import { isChinaDay } from '../time/china';
import { calendarDay, officialDaysOf, type DayKind } from './workdays';

export type RestDayRefusal = 'not-a-day' | 'already-listed' | 'already-rest';

export type RestDayEdit = { ok: true; days: string[] } | { ok: false; reason: RestDayRefusal };

/** The list with the day added, kept sorted; or why it cannot be added. */
export function addCompanyRestDay(days: readonly string[], day: string): RestDayEdit {
  if (!isChinaDay(day)) return { ok: false, reason: 'not-a-day' };
  if (days.includes(day)) return { ok: false, reason: 'already-listed' };
  if (!calendarDay(day).working) return { ok: false, reason: 'already-rest' };
  return { ok: true, days: [...days, day].sort() };
}

/** The list without the day (unchanged when it was not there). */
export function removeCompanyRestDay(days: readonly string[], day: string): string[] {
  return days.filter((d) => d !== day);
}

export interface SpecialDay {
  date: string;
  kind: Extract<DayKind, 'holiday' | 'adjusted-working-day' | 'company-rest-day'>;
  /** The official holiday's Chinese name, for holidays and adjusted working days. */
  holiday: string | null;
}

/**
 * Every day of the year that a plain Monday–Friday week would get wrong: official holidays,
 * adjusted working days and the company's rest days, in date order. A company rest day on an
 * adjusted working day shows once, as the company's (it is what counts).
 */
export function specialDaysOf(year: number, companyRestDays: readonly string[]): SpecialDay[] {
  const official = officialDaysOf(year);
  const prefix = `${year}-`;
  const dates = new Set([
    ...official.holidays,
    ...official.adjustedWorkingDays,
    ...companyRestDays.filter((d) => d.startsWith(prefix) && isChinaDay(d)),
  ]);
  return [...dates].sort().map((date) => {
    const day = calendarDay(date, companyRestDays);
    return { date, kind: day.kind as SpecialDay['kind'], holiday: day.holiday };
  });
}
