import { describe, expect, it } from 'vitest';
import { weekGrid } from './grid';
import { countsForWeek, roundsOfDay, todaySummary, weeklyOfWeek, type ScheduledCheck } from './schedule';
import { DEFAULT_CHECK_TEMPLATES, snapshotItems, templateOf } from './templates';
import { checkProblems } from './validate';
import { chinaDay } from '../time/china';

// China wall-clock time as an instant: '2026-12-07 08:05' → 00:05 UTC.
const cn = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`).toISOString();
let n = 0;
const check = (
  kind: ScheduledCheck['kind'],
  at: string,
  more: Partial<ScheduledCheck> = {},
): ScheduledCheck => ({
  id: `c${++n}`,
  kind,
  at: cn(at),
  ...more,
});

describe('machine-room rounds', () => {
  it('asks four rounds on a working day and says which is done, due, upcoming or overdue', () => {
    const checks = [check('machine-room', '2026-12-07 08:04', { slot: '08:00' })];
    const rounds = roundsOfDay('2026-12-07', checks, new Date(cn('2026-12-07 14:30')));
    expect(rounds.map((r) => [r.slot, r.state])).toEqual([
      ['08:00', 'done'],
      ['11:00', 'overdue'],
      ['14:00', 'due'],
      ['16:30', 'upcoming'],
    ]);
  });

  it('counts two PCs recording the same round as one slot done, keeping both', () => {
    const checks = [
      check('machine-room', '2026-12-07 11:02', { slot: '11:00' }),
      check('machine-room', '2026-12-07 11:05', { slot: '11:00' }),
    ];
    const eleven = roundsOfDay('2026-12-07', checks, new Date(cn('2026-12-07 18:00')))[1]!;
    expect(eleven).toMatchObject({ state: 'done', records: 2, doneAt: cn('2026-12-07 11:02') });
  });

  it('shows a round recorded after the next slot began as done late, by how much', () => {
    const checks = [check('machine-room', '2026-12-07 15:00', { slot: '11:00' })];
    const eleven = roundsOfDay('2026-12-07', checks, new Date(cn('2026-12-07 18:00')))[1]!;
    expect(eleven.state).toBe('late');
    expect(eleven.lateMs).toBe(3600_000);
  });

  it('asks no round on a weekend, an official holiday or a company rest day, but on an adjusted working day', () => {
    const now = new Date(cn('2026-12-31 12:00'));
    expect(roundsOfDay('2026-12-05', [], now)).toEqual([]); // Saturday
    expect(roundsOfDay('2026-10-02', [], now)).toEqual([]); // National Day
    expect(roundsOfDay('2026-12-08', [], now, ['2026-12-08'])).toEqual([]);
    expect(roundsOfDay('2026-10-10', [], now)).toHaveLength(4); // Saturday worked for National Day
  });

  it('counts a round made up the next day for the day it was due', () => {
    const checks = [check('machine-room', '2026-12-08 09:00', { slot: '16:30', forDay: '2026-12-07' })];
    const last = roundsOfDay('2026-12-07', checks, new Date(cn('2026-12-08 10:00')))[3]!;
    expect(last.state).toBe('late');
    expect(last.lateMs).toBe(9 * 3600_000);
    // It does not settle the next day's own 08:00 round, still running at 10:00.
    expect(roundsOfDay('2026-12-08', checks, new Date(cn('2026-12-08 10:00')))[0]!.state).toBe('due');
  });
});

describe('weekly checks', () => {
  it('puts a Sunday-night check in its Monday–Sunday week across a month and a year end', () => {
    // 2026-12-28 … 2027-01-03 is one week, reported in December (its Thursday is 31 Dec).
    const sunday = check('cctv', '2027-01-03 23:59');
    expect(countsForWeek(sunday)).toBe('2026-12-28');
    const cctv = weeklyOfWeek('2026-12-29', [sunday], [], new Date(cn('2027-01-05 09:00')))[1]!;
    expect(cctv).toMatchObject({ kind: 'cctv', state: 'done' });
    // Monday 00:00 belongs to the next week.
    expect(countsForWeek(check('cctv', '2027-01-04 00:00'))).toBe('2027-01-04');
  });

  it('is due during its week and overdue once the week has ended without it', () => {
    expect(weeklyOfWeek('2026-12-07', [], [], new Date(cn('2026-12-09 09:00')))[2]!.state).toBe('due');
    expect(weeklyOfWeek('2026-12-07', [], [], new Date(cn('2026-12-14 00:00')))[2]!.state).toBe('overdue');
  });

  it('counts last week’s backup done on Monday for last week, late by the time past Sunday midnight', () => {
    const late = check('website-backup', '2026-12-14 10:00', { forDay: '2026-12-10' });
    const backup = weeklyOfWeek('2026-12-07', [late], [], new Date(cn('2026-12-14 11:00')))[3]!;
    expect(backup.state).toBe('late');
    expect(backup.lateMs).toBe(10 * 3600_000);
  });

  it('finishes the server week only when every server in service is covered', () => {
    const now = new Date(cn('2026-12-10 12:00'));
    const partial = [check('server-maintenance', '2026-12-08 10:00', { deviceIds: ['s1'] })];
    const open = weeklyOfWeek('2026-12-07', partial, ['s1', 's2'], now)[0]!;
    expect(open).toMatchObject({ state: 'due', missingServerIds: ['s2'] });
    const full = [...partial, check('server-maintenance', '2026-12-09 10:00', { deviceIds: ['s2'] })];
    expect(weeklyOfWeek('2026-12-07', full, ['s1', 's2'], now)[0]).toMatchObject({
      state: 'done',
      missingServerIds: [],
    });
  });

  it('ignores a deleted record', () => {
    const gone = check('cctv', '2026-12-08 10:00', { deletedAt: cn('2026-12-08 11:00') });
    expect(weeklyOfWeek('2026-12-07', [gone], [], new Date(cn('2026-12-15 09:00')))[1]!.state).toBe(
      'overdue',
    );
  });
});

describe('today and the week grid', () => {
  it('counts what is due now and what was missed today and last week', () => {
    const now = new Date(cn('2026-12-07 11:30')); // Monday
    const summary = todaySummary([check('machine-room', '2026-12-07 08:01', { slot: '08:00' })], ['s1'], now);
    // Due: the 11:00 round and the four weekly checks; overdue: last week's four weekly checks.
    expect(summary).toMatchObject({ day: '2026-12-07', workingDay: true, dueCount: 5, overdueCount: 4 });
  });

  it('shows a year of weeks, a missed week as a gap and a late check as late', () => {
    const checks = [
      check('server-maintenance', '2026-11-30 10:00', { deviceIds: ['s1'] }),
      check('server-maintenance', '2026-11-24 10:00', { deviceIds: ['s1', 's2'] }),
      check('cctv', '2026-12-01 10:00', { forDay: '2026-11-20' }),
    ];
    const grid = weekGrid(
      '2026-12-02',
      52,
      checks,
      [
        { id: 's1', label: 'SRV-01' },
        { id: 's2', label: 'SRV-02' },
      ],
      new Date(cn('2026-12-02 12:00')),
    );
    expect(grid.weeks).toHaveLength(52);
    expect(grid.weeks.at(-1)).toBe('2026-11-30');
    const s2 = grid.servers[1]!.cells;
    expect(s2.slice(-2)).toEqual(['done', 'due']);
    expect(grid.servers[0]!.cells.slice(-3)).toEqual(['overdue', 'done', 'done']);
    const cctv = grid.kinds.find((k) => k.kind === 'cctv')!.cells;
    expect(cctv.slice(-3)).toEqual(['late', 'overdue', 'due']);
  });
});

describe('templates and validation', () => {
  it('asks a per-device item once per server, naming the server, and a general item once', () => {
    const template = {
      kind: 'server-maintenance' as const,
      items: [
        { label: '机房温度', perDevice: false },
        { label: '磁盘空间', perDevice: true },
      ],
    };
    const lines = snapshotItems(template, [
      { id: 's1', label: 'SRV-01' },
      { id: 's2', label: 'SRV-02' },
    ]);
    expect(lines).toEqual([
      { label: '机房温度', deviceId: null },
      { label: 'SRV-01 磁盘空间', deviceId: 's1' },
      { label: 'SRV-02 磁盘空间', deviceId: 's2' },
    ]);
    expect(templateOf([], 'machine-room').items.map((i) => i.label)).toContain('门窗关闭');
    expect(DEFAULT_CHECK_TEMPLATES.map((t) => t.kind)).toHaveLength(5);
  });

  it('refuses a check dated in the future, one covering a retired server and a round without a slot', () => {
    const now = new Date(cn('2026-12-07 10:00'));
    const devices = new Map([
      ['s1', { assetTag: 'SRV-01', status: 'in-use' }],
      ['s9', { assetTag: 'SRV-09', status: 'retired' }],
    ]);
    const problems = (c: Parameters<typeof checkProblems>[0]) =>
      checkProblems(c, now, (id) => devices.get(id), chinaDay);
    expect(problems({ kind: 'cctv', at: cn('2026-12-07 10:04'), deviceIds: ['s1'] })).toEqual([]);
    expect(problems({ kind: 'cctv', at: cn('2026-12-07 10:30'), deviceIds: ['s1'] })).toEqual([
      { code: 'future', field: 'at' },
    ]);
    expect(
      problems({ kind: 'server-maintenance', at: cn('2026-12-07 09:00'), deviceIds: ['s1', 's9'] }),
    ).toEqual([{ code: 'retired-device', field: 'deviceIds', tag: 'SRV-09' }]);
    expect(problems({ kind: 'machine-room', at: cn('2026-12-07 09:00'), deviceIds: [] })).toEqual([
      { code: 'slot-required', field: 'slot' },
    ]);
  });
});
