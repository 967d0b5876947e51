import chineseDays from 'chinese-days';
import calendarData from 'chinese-days/dist/chinese-days.json';
import { describe, expect, it } from 'vitest';
import { daysFrom, isoWeekday, monthDays } from '../time/china';
import {
  calendarDay,
  hasOfficialCalendar,
  isWorkingDay,
  officialCalendarYears,
  officialDaysOf,
  workingDaysIn,
  yearsWithoutOfficialCalendar,
} from './workdays';

// The expectations come from the package's own data, never typed by hand here.
const data = calendarData as unknown as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};
const ofYear = (table: Record<string, string>, year: number) =>
  Object.keys(table).filter((d) => d.startsWith(`${year}-`));

describe('official holidays and adjusted working days (调休)', () => {
  it('makes a Saturday worked in lieu of a 2026 holiday a working day', () => {
    const saturdays = ofYear(data.workdays, 2026).filter((d) => isoWeekday(d) === 6);
    expect(saturdays.length).toBeGreaterThan(0);
    for (const day of saturdays) {
      expect(isWorkingDay(day)).toBe(true);
      expect(calendarDay(day).kind).toBe('adjusted-working-day');
    }
  });

  it('makes a 2026 holiday that falls on a weekday a rest day', () => {
    const weekdays = ofYear(data.holidays, 2026).filter((d) => isoWeekday(d) <= 5);
    expect(weekdays.length).toBeGreaterThan(0);
    for (const day of weekdays) {
      expect(isWorkingDay(day)).toBe(false);
      expect(calendarDay(day)).toMatchObject({ kind: 'holiday', working: false });
    }
    expect(calendarDay(weekdays[0]!).holiday).toBe(data.holidays[weekdays[0]!]!.split(',')[1]);
  });

  it('agrees with the package itself on every day of 2025 and 2026, read in China time', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      for (const day of daysFrom('2025-01-01', '2026-12-31')) {
        expect(isWorkingDay(day), day).toBe(chineseDays.isWorkday(day));
      }
    } finally {
      process.env.TZ = saved;
    }
  });

  it('says when a year has no official calendar yet, and falls back to Monday–Friday', () => {
    const years = officialCalendarYears();
    expect(hasOfficialCalendar(2026)).toBe(true);
    expect(years).toContain(2026);
    const unknown = Math.max(...years) + 1;
    expect(hasOfficialCalendar(unknown)).toBe(false);
    expect(officialDaysOf(unknown)).toEqual({ holidays: [], adjustedWorkingDays: [] });
    // New Year's Day is always a holiday; in a year the package does not know yet it is not.
    const newYear = `${unknown}-01-01`;
    expect(isWorkingDay(newYear)).toBe(isoWeekday(newYear) <= 5);
  });

  it('names the years of a range the package does not know, for the screens to warn about', () => {
    const last = Math.max(...officialCalendarYears());
    const unknown = last + 1;
    // A range inside the known years needs no warning; one reaching past the last known year does.
    expect(yearsWithoutOfficialCalendar(`${last}-01-01`, `${last}-12-31`)).toEqual([]);
    expect(yearsWithoutOfficialCalendar(`${last}-12-07`, `${unknown}-01-06`)).toEqual([unknown]);
    expect(yearsWithoutOfficialCalendar(`${last}-12-07`, `${unknown + 1}-03-01`)).toEqual([
      unknown,
      unknown + 1,
    ]);
    expect(yearsWithoutOfficialCalendar('2099-12-20', '2100-01-05')).toEqual([2099, 2100]);
    // A range that is not one (end before start, not a day) warns of nothing.
    expect(yearsWithoutOfficialCalendar(`${unknown}-02-01`, `${unknown}-01-01`)).toEqual([]);
    expect(yearsWithoutOfficialCalendar('', `${unknown}-01-01`)).toEqual([]);
  });
});

describe("the company's own rest days", () => {
  const adjusted = ofYear(data.workdays, 2026)[0]!;

  it('turn a working day, even an adjusted one, into a rest day', () => {
    expect(isWorkingDay('2026-12-09')).toBe(true);
    expect(isWorkingDay('2026-12-09', ['2026-12-09'])).toBe(false);
    expect(calendarDay('2026-12-09', new Set(['2026-12-09'])).kind).toBe('company-rest-day');
    expect(isWorkingDay(adjusted, [adjusted])).toBe(false);
  });

  it('are left out of the working days of a range', () => {
    const month = adjusted.slice(0, 7);
    const { first, last } = monthDays(month);
    const all = workingDaysIn(first, last);
    expect(all).toContain(adjusted);
    for (const h of ofYear(data.holidays, 2026).filter((d) => d.startsWith(month)))
      expect(all).not.toContain(h);
    const someWeekday = all.find((d) => d !== adjusted)!;
    const fewer = workingDaysIn(first, last, [someWeekday]);
    expect(fewer).toEqual(all.filter((d) => d !== someWeekday));
  });

  it('refuses a day that is not a calendar day', () => {
    expect(() => isWorkingDay('2026-02-29')).toThrow(RangeError);
  });
});
