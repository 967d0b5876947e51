import { describe, expect, it } from 'vitest';
import {
  hasOfficialCalendar,
  officialCalendarYears,
  officialDaysOf,
  workingDaysIn,
} from '../calendar/workdays';
import { daysFrom, isoWeekday } from '../time/china';
import { coverageOf, planMove, planSchedule, quoteOfDay, upcomingGaps } from './schedule';

const quotes = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `q${String(i).padStart(4, '0')}`,
    text: `第${i}句`,
    createdAt: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
  }));

function fill(from: string, to: string, restDays: string[] = [], n = 800) {
  const plan = planSchedule({ from, to, quotes: quotes(n), entries: [], restDays });
  if (!plan.ok) throw new Error(plan.reason);
  return plan;
}

describe('scheduling one quote per working day', () => {
  // Every year the package carries, read from its data (never typed here), and 2026 and 2027 even
  // while one is missing: a year it lacks must then be scheduled Monday–Friday.
  const years = [...new Set([...officialCalendarYears(), 2026, 2027])].sort();
  it('covers the years the package knows, including 2026', () => {
    expect(years.length).toBeGreaterThan(2);
    expect(hasOfficialCalendar(2026)).toBe(true);
  });
  for (const year of years) {
    it(`gives ${year}'s holidays none and its adjusted working days one (from the package's data)`, () => {
      const { holidays, adjustedWorkingDays } = officialDaysOf(year);
      // Until the package carries a year's announced calendar, that year is Monday–Friday only.
      expect(holidays.length > 0).toBe(hasOfficialCalendar(year));
      const plan = fill(`${year}-01-01`, `${year}-12-31`);
      const days = new Set(plan.assignments.map((a) => a.date));
      for (const h of holidays) expect(days.has(h), h).toBe(false);
      for (const w of adjustedWorkingDays) expect(days.has(w), w).toBe(true);
      // Plain weekends get none; every other weekday does.
      for (const d of daysFrom(`${year}-01-01`, `${year}-12-31`)) {
        const weekend = isoWeekday(d) >= 6;
        const expected = adjustedWorkingDays.includes(d) || (!weekend && !holidays.includes(d));
        expect(days.has(d), d).toBe(expected);
      }
      expect(plan.assignments.length).toBe(workingDaysIn(`${year}-01-01`, `${year}-12-31`).length);
    });
  }

  it('gives the company rest days none', () => {
    const plan = fill('2026-03-02', '2026-03-06', ['2026-03-04']);
    expect(plan.assignments.map((a) => a.date)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-05',
      '2026-03-06',
    ]);
  });

  it('never uses a quote twice: each day a different unused quote, in library order', () => {
    const entries = [{ id: 'e1', date: '2026-03-02', quoteId: 'q0000' }];
    const plan = planSchedule({
      from: '2026-03-02',
      to: '2026-03-04',
      quotes: quotes(5),
      entries,
      restDays: [],
    });
    expect(plan.ok && plan.assignments).toEqual([
      { date: '2026-03-03', quoteId: 'q0001' },
      { date: '2026-03-04', quoteId: 'q0002' },
    ]);
    expect(plan.ok && plan.alreadyScheduled).toBe(1);
  });

  it('leaves retired quotes out and names the days the library cannot cover', () => {
    const lib = [...quotes(2), { id: 'old', text: '旧', retired: true }];
    const plan = planSchedule({
      from: '2026-03-02',
      to: '2026-03-06',
      quotes: lib,
      entries: [],
      restDays: [],
    });
    expect(plan.ok && plan.assignments.map((a) => a.quoteId)).toEqual(['q0000', 'q0001']);
    expect(plan.ok && plan.uncovered).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
  });

  it('refuses a range with no working day (the Spring Festival week of 2026)', () => {
    const plan = planSchedule({
      from: '2026-02-15',
      to: '2026-02-22',
      quotes: quotes(5),
      entries: [],
      restDays: [],
    });
    expect(plan).toEqual({ ok: false, reason: 'no-working-days' });
    expect(
      planSchedule({ from: '2026-03-05', to: '2026-03-01', quotes: [], entries: [], restDays: [] }),
    ).toEqual({
      ok: false,
      reason: 'bad-range',
    });
  });
});

describe('gaps, coverage and the day shown', () => {
  it('warns of working days within two weeks without a quote and that no unused quote covers', () => {
    const entries = [
      { id: 'e1', date: '2026-03-02', quoteId: 'q0000' },
      { id: 'e2', date: '2026-03-03', quoteId: 'q0001' },
    ];
    const gaps = upcomingGaps({ today: '2026-03-02', quotes: quotes(5), entries, restDays: [] });
    // 10 working days in the two weeks from Monday 2 March; 2 scheduled, 3 unused quotes left.
    expect(gaps.unscheduled).toHaveLength(8);
    expect(gaps.uncovered).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']);
  });
  it('counts how many working days the unused quotes cover, and through which day', () => {
    const cover = coverageOf({ today: '2026-03-05', quotes: quotes(3), entries: [], restDays: [] });
    expect(cover).toEqual({ unused: 3, workingDays: 3, through: '2026-03-09' });
  });
  it('reads the quote of a day; moves a planned quote but never today nor the past', () => {
    const lib = quotes(3);
    const entries = [
      { id: 'e1', date: '2026-03-02', quoteId: 'q0000' },
      { id: 'e2', date: '2026-03-03', quoteId: 'q0001' },
      { id: 'e3', date: '2026-03-04', quoteId: 'q0002' },
    ];
    expect(quoteOfDay('2026-03-03', entries, lib)?.quote.text).toBe('第1句');
    expect(quoteOfDay('2026-03-07', entries, lib)).toBeNull();
    const move = planMove(entries, 'e2', 1, '2026-03-02');
    expect(move && [move.a.id, move.aQuoteId, move.b.id, move.bQuoteId]).toEqual([
      'e2',
      'q0002',
      'e3',
      'q0001',
    ]);
    expect(planMove(entries, 'e2', -1, '2026-03-02')).toBeNull();
    expect(planMove(entries, 'e1', 1, '2026-03-02')).toBeNull();
  });
});
