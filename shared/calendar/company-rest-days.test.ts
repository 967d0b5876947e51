import { describe, expect, it } from 'vitest';
import { addCompanyRestDay, removeCompanyRestDay, specialDaysOf } from './company-rest-days';
import { isWorkingDay } from './workdays';

describe('company rest days', () => {
  it('adds a working day in date order, and the calendar then counts it as rest', () => {
    const edit = addCompanyRestDay(['2026-12-31'], '2026-12-24');
    expect(edit).toEqual({ ok: true, days: ['2026-12-24', '2026-12-31'] });
    expect(isWorkingDay('2026-12-24')).toBe(true);
    expect(isWorkingDay('2026-12-24', edit.ok ? edit.days : [])).toBe(false);
  });

  it('accepts an adjusted working day (a worked Sunday the company gives off)', () => {
    expect(addCompanyRestDay([], '2026-02-28')).toEqual({ ok: true, days: ['2026-02-28'] });
  });

  it('refuses a day that is not a calendar day, a day already listed, and a day already off', () => {
    expect(addCompanyRestDay([], '2026-02-30')).toEqual({ ok: false, reason: 'not-a-day' });
    expect(addCompanyRestDay([], '24/12/2026')).toEqual({ ok: false, reason: 'not-a-day' });
    expect(addCompanyRestDay(['2026-12-24'], '2026-12-24')).toEqual({ ok: false, reason: 'already-listed' });
    // A Saturday, and 2026-10-01 (国庆节).
    expect(addCompanyRestDay([], '2026-12-26')).toEqual({ ok: false, reason: 'already-rest' });
    expect(addCompanyRestDay([], '2026-10-01')).toEqual({ ok: false, reason: 'already-rest' });
  });

  it('removes a day and leaves the others', () => {
    expect(removeCompanyRestDay(['2026-12-24', '2026-12-31'], '2026-12-24')).toEqual(['2026-12-31']);
    expect(removeCompanyRestDay(['2026-12-31'], '2026-12-24')).toEqual(['2026-12-31']);
  });

  it("lists the year's holidays, adjusted working days and company days together, in date order", () => {
    const days = specialDaysOf(2026, ['2026-12-24', '2027-01-04', '2026-02-28']);
    const dates = days.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(days.find((d) => d.date === '2026-10-01')).toEqual({
      date: '2026-10-01',
      kind: 'holiday',
      holiday: '国庆节',
    });
    expect(days.find((d) => d.date === '2026-01-04')?.kind).toBe('adjusted-working-day');
    expect(days.find((d) => d.date === '2026-12-24')?.kind).toBe('company-rest-day');
    // The company's claim on a worked Saturday wins and shows once.
    expect(days.filter((d) => d.date === '2026-02-28')).toEqual([
      { date: '2026-02-28', kind: 'company-rest-day', holiday: null },
    ]);
    // Another year's day stays out.
    expect(dates).not.toContain('2027-01-04');
  });
});
