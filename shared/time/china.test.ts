import { getISOWeek, getISOWeekYear } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  chinaDay,
  chinaInstant,
  chinaMonth,
  chinaTime,
  dayPeriod,
  dayStart,
  daysFrom,
  isChinaDay,
  isoWeekday,
  isoWeekOf,
  monthDays,
  monthPeriod,
  weekOf,
  weeksOfMonth,
  yearToDatePeriod,
} from './china';

describe('the China calendar day of an instant', () => {
  it('puts 23:59:59.999 China time in its day and 00:00 in the next', () => {
    expect(chinaDay('2026-12-31T23:59:59.999+08:00')).toBe('2026-12-31');
    expect(chinaDay('2027-01-01T00:00:00+08:00')).toBe('2027-01-01');
    // The same instants written in UTC: 15:59:59.999Z is still the 31st in Shanghai, 16:00Z the 1st.
    expect(chinaDay('2026-12-31T15:59:59.999Z')).toBe('2026-12-31');
    expect(chinaDay('2026-12-31T16:00:00Z')).toBe('2027-01-01');
    expect(chinaMonth('2026-11-30T16:00:00Z')).toBe('2026-12');
    expect(chinaTime('2026-12-31T15:59:59.999Z')).toBe('2026-12-31 23:59:59');
    expect(chinaTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00');
  });

  it('starts a day at 16:00 UTC the day before, whatever zone the machine is in', () => {
    expect(dayStart('2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    const { start, end } = dayPeriod('2028-02-29');
    expect(start.toISOString()).toBe('2028-02-28T16:00:00.000Z');
    expect(end.toISOString()).toBe('2028-02-29T16:00:00.000Z');
  });

  it('knows the leap day of 2028 and refuses the one 2026 does not have', () => {
    expect(isChinaDay('2028-02-29')).toBe(true);
    expect(isChinaDay('2026-02-29')).toBe(false);
    expect(monthDays('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthDays('2026-02').last).toBe('2026-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(() => dayStart('2026-02-29')).toThrow(RangeError);
  });

  it('takes a day as real exactly when the calendar has it, any year 0000–9999 included', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const day = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          // The oracle: the ISO string of that UTC midnight, which rolls a day past the month's end over.
          const real = new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
          expect(isChinaDay(day)).toBe(real);
          // Forty days on stays within four-digit years below 9999.
          if (real && y < 9999) expect(addDays(addDays(day, 40), -40)).toBe(day);
        },
      ),
    );
    expect(isChinaDay('0050-03-01')).toBe(true);
    expect(addDays('0050-02-28', 1)).toBe('0050-03-01');
    expect(isChinaDay('2026-13-01')).toBe(false);
    expect(isChinaDay('2026-1-01')).toBe(false);
  });
});

describe('months', () => {
  it('runs from the 1st 00:00 to the next 1st 00:00, China time', () => {
    const p = monthPeriod('2026-12');
    expect(p.start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(yearToDatePeriod('2026-03').start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('steps across year ends', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-05', -17)).toBe('2024-12');
  });
});

describe('weeks and the Thursday rule', () => {
  it('gives the week of 28 Dec 2026 – 3 Jan 2027 to December 2026, by its Thursday the 31st', () => {
    const w = weekOf('2027-01-02');
    expect(w).toMatchObject({ monday: '2026-12-28', sunday: '2027-01-03', month: '2026-12' });
    expect(w.isoWeek).toBe('2026-W53');
    const december = weeksOfMonth('2026-12');
    expect(december.map((x) => x.monday)).toEqual([
      '2026-11-30',
      '2026-12-07',
      '2026-12-14',
      '2026-12-21',
      '2026-12-28',
    ]);
    expect(weeksOfMonth('2027-01')[0]!.monday).toBe('2027-01-04');
  });

  it('gives a week whose Thursday is the 1st to the new month, and one ending on the 3rd to the old', () => {
    // October 2026 begins on a Thursday: 28 Sep – 4 Oct belongs to October.
    expect(weeksOfMonth('2026-10')[0]!.monday).toBe('2026-09-28');
    expect(weeksOfMonth('2026-09').at(-1)!.sunday).toBe('2026-09-27');
    // 31 Aug – 6 Sep 2026: its Thursday is 3 September.
    expect(weekOf('2026-08-31').month).toBe('2026-09');
  });

  it('reports the week holding the leap day 2028-02-29 in February', () => {
    const w = weekOf('2028-02-29');
    expect(w).toMatchObject({ monday: '2028-02-28', sunday: '2028-03-05', month: '2028-03' });
    // Thursday 2 March: that week is March's; February 2028 ends with the week of 21–27 February.
    expect(weeksOfMonth('2028-02').at(-1)!.sunday).toBe('2028-02-27');
  });

  it('covers every day exactly once, month after month', () => {
    const months = Array.from({ length: 36 }, (_, i) => addMonths('2025-01', i));
    const mondays = months.flatMap((m) => weeksOfMonth(m).map((w) => w.monday));
    for (let i = 1; i < mondays.length; i++) expect(addDays(mondays[i - 1]!, 7)).toBe(mondays[i]);
    for (const m of months) expect(weeksOfMonth(m).length).toBeGreaterThanOrEqual(4);
    for (const m of months) expect(weeksOfMonth(m).length).toBeLessThanOrEqual(5);
  });

  it('has week periods of seven China days, [Monday 00:00, next Monday 00:00)', () => {
    const w = weekOf('2026-12-09');
    expect(w.start.toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(w.end.getTime() - w.start.getTime()).toBe(7 * 24 * 3600 * 1000);
    expect(chinaDay(new Date(w.end.getTime() - 1))).toBe(w.sunday);
  });

  it('agrees with date-fns on weekday and ISO week for any day from 1990 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40000 }), (n) => {
        const day = addDays('1990-01-01', n);
        const [y, m, d] = day.split('-').map(Number) as [number, number, number];
        const local = new Date(y, m - 1, d, 12);
        const mine = isoWeekOf(day);
        expect(mine.week).toBe(getISOWeek(local));
        expect(mine.year).toBe(getISOWeekYear(local));
        expect(isoWeekday(day)).toBe(local.getDay() === 0 ? 7 : local.getDay());
      }),
    );
  });

  it('lists the days of a range, both ends included', () => {
    expect(daysFrom('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });
});

describe('a typed China wall-clock time', () => {
  it('is the instant eight hours before the same wall clock in UTC, whatever zone the machine is in', () => {
    expect(chinaInstant('2026-12-07 09:30')?.toISOString()).toBe('2026-12-07T01:30:00.000Z');
    // Just after midnight in Shanghai is still the day before in UTC.
    expect(chinaInstant('2027-01-01 00:05')?.toISOString()).toBe('2026-12-31T16:05:00.000Z');
    expect(chinaInstant('2026-12-07T09:30:15')?.toISOString()).toBe('2026-12-07T01:30:15.000Z');
    expect(chinaInstant(' 2026-12-07 9:05 ')?.toISOString()).toBe('2026-12-07T01:05:00.000Z');
  });

  it('reads back what chinaTime writes, for any instant to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        const at = new Date(Math.floor(ms / 1000) * 1000);
        expect(chinaInstant(chinaTime(at))?.getTime()).toBe(at.getTime());
      }),
    );
  });

  it('refuses a time that does not exist instead of rolling it over', () => {
    for (const text of [
      '2026-02-29 10:00',
      '2026-02-30 10:00',
      '2026-13-01 10:00',
      '2026-12-07 24:00',
      '2026-12-07 10:60',
      '2026-12-07 10:00:60',
      '2026-12-07',
      '10:00',
      '2026/12/07 10:00',
      '',
    ])
      expect(chinaInstant(text), text).toBeNull();
    expect(chinaInstant('2028-02-29 10:00')).not.toBeNull();
  });
});
