import { describe, expect, it } from 'vitest';
import {
  isSummaryCurrent,
  monthsOfYearSoFar,
  monthsTouched,
  yearSoFar,
  type KpiMonthSummary,
} from './month-cache';
import type { KpiId } from './types';

describe('which months a written record can change', () => {
  it('reads instants in China time: a card of 23:30 on 30 November (UTC 15:30) is November’s', () => {
    expect(monthsTouched('repairCards', { receivedAt: '2026-11-30T15:30:00.000Z' })).toEqual([
      { from: '2026-11', to: '2026-11' },
    ]);
    // 16:30 UTC on 30 November is already 1 December in China.
    expect(monthsTouched('repairCards', { receivedAt: '2026-11-30T16:30:00.000Z' })).toEqual([
      { from: '2026-12', to: '2026-12' },
    ]);
  });

  it('reaches back a month for a repair, both ways for a week straddling two months', () => {
    expect(monthsTouched('repairEvents', { at: '2026-12-01T01:00:00+08:00' })).toEqual([
      { from: '2026-11', to: '2026-12' },
    ]);
    expect(monthsTouched('routineChecks', { at: '2026-12-31T10:00:00+08:00' })).toEqual([
      { from: '2026-11', to: '2027-01' },
    ]);
  });

  it('runs to the year’s end for K1 and K9, to every later month for a showing, to all for rest days', () => {
    expect(monthsTouched('networkIncidents', { startAt: '2026-03-01T00:00:00+08:00' })).toEqual([
      { from: '2026-03', to: '2026-12' },
    ]);
    expect(monthsTouched('trainings', { date: '2026-02-29' })).toEqual([{ from: '2026-02', to: '2026-12' }]);
    expect(monthsTouched('quoteSchedule', { date: '2024-02-29' })).toEqual([{ from: '2024-02', to: null }]);
    expect(monthsTouched('ledgerSettings', { key: 'companyRestDays' })).toEqual([
      { from: '0000-01', to: null },
    ]);
    expect(monthsTouched('ledgerSettings', { key: 'companyName' })).toEqual([]);
    expect(monthsTouched('devices', { type: 'computer' })).toEqual([]);
    expect(monthsTouched('people', { name: '王芳' })).toEqual([]);
    // A record without a readable date cannot be placed: every month is forgotten.
    expect(monthsTouched('repairCards', { receivedAt: 'yesterday' })).toEqual([
      { from: '0000-01', to: null },
    ]);
  });
});

describe('when a kept summary still holds', () => {
  it('always for a month settled two days past its end, else only within its minute', () => {
    const nov = { month: '2026-11', now: '2026-12-02T16:00:00.000Z' };
    expect(isSummaryCurrent(nov, new Date('2027-06-01T00:00:00Z'))).toBe(true);
    const early = { month: '2026-11', now: '2026-12-01T10:00:10.000Z' };
    expect(isSummaryCurrent(early, new Date('2026-12-01T10:00:50.000Z'))).toBe(true);
    expect(isSummaryCurrent(early, new Date('2026-12-01T10:01:00.000Z'))).toBe(false);
  });
});

describe('the year so far', () => {
  const month = (m: string, passes: Partial<Record<KpiId, boolean | null>>): KpiMonthSummary => ({
    month: m,
    now: `${m}-28T00:00:00.000Z`,
    dataProblems: 0,
    indicators: (Object.keys(passes) as KpiId[]).map((id) => ({
      id,
      pass: passes[id]!,
      actual: {},
      exceptions: 0,
    })),
  });

  it('counts months met, missed and with nothing to judge, and names the missed ones in order', () => {
    const year = yearSoFar([
      month('2026-03', { K3: false, K9: false }),
      month('2026-01', { K3: true, K9: false }),
      month('2026-02', { K3: null, K9: true }),
    ]);
    expect(year.find((y) => y.id === 'K3')).toMatchObject({
      met: 1,
      missed: 1,
      open: 1,
      missedMonths: ['2026-03'],
    });
    // K9 runs year to date: its latest month is what the year stands at.
    expect(year.find((y) => y.id === 'K9')!.latest!.pass).toBe(false);
    expect(year.find((y) => y.id === 'K1')).toMatchObject({ met: 0, missed: 0, open: 0, latest: null });
  });

  it('lists January up to the month', () => {
    expect(monthsOfYearSoFar('2026-03')).toEqual(['2026-01', '2026-02', '2026-03']);
  });
});
