import { describe, expect, it } from 'vitest';
import { currentWeek, weeklyTracker } from './website';

// Updates as published, in China time (+08:00), as the supervisor types them.
const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const CREATED = '2026-01-01T00:00:00.000Z';

describe('the weekly website tracker', () => {
  it('counts a week across a month end once, by China time, in the month of its Thursday', () => {
    // Monday 30 November – Sunday 6 December 2026: its Thursday is 3 December.
    const updates = [
      { createdAt: CREATED, publishedAt: at('2026-11-30T09:00:00') },
      // 00:30 on 7 December in China is still 6 December in UTC: it belongs to the next week.
      { createdAt: CREATED, publishedAt: at('2026-12-07T00:30:00') },
      { createdAt: CREATED, publishedAt: at('2026-12-06T23:59:00') },
      { createdAt: CREATED, publishedAt: at('2026-11-29T23:59:00') },
    ];
    const weeks = weeklyTracker(updates, '2026-11-23', '2026-12-07', '2026-12-07');
    expect(weeks.map((w) => [w.monday, w.count, w.met, w.month])).toEqual([
      ['2026-12-07', 1, false, '2026-12'],
      ['2026-11-30', 2, true, '2026-12'],
      ['2026-11-23', 1, false, '2026-11'],
    ]);
    expect(weeks[0]!.current).toBe(true);
    expect(weeks[1]!.current).toBe(false);
  });

  it('crosses the year end: 28 December 2026 – 3 January 2027 is one week, reported in December', () => {
    const updates = [
      { createdAt: CREATED, publishedAt: at('2026-12-31T10:00:00') },
      { createdAt: CREATED, publishedAt: at('2027-01-02T10:00:00') },
    ];
    const [week] = weeklyTracker(updates, '2027-01-03', '2027-01-03', '2027-01-10');
    expect(week).toMatchObject({
      monday: '2026-12-28',
      sunday: '2027-01-03',
      count: 2,
      met: true,
      month: '2026-12',
    });
  });

  it('leaves deleted updates and other sites out', () => {
    const updates = [
      { createdAt: CREATED, publishedAt: at('2026-12-08T10:00:00'), site: '集团官网' },
      { createdAt: CREATED, publishedAt: at('2026-12-08T11:00:00'), site: '物业公众号' },
      {
        createdAt: CREATED,
        publishedAt: at('2026-12-09T10:00:00'),
        site: '集团官网',
        deletedAt: '2026-12-09T03:00:00.000Z',
      },
    ];
    expect(currentWeek(updates, '2026-12-10').count).toBe(2);
    expect(weeklyTracker(updates, '2026-12-10', '2026-12-10', '2026-12-10', ['集团官网'])[0]!.count).toBe(1);
  });

  it('shows an empty week as zero, not missing', () => {
    expect(weeklyTracker([], '2026-12-01', '2026-12-20', '2026-12-20').map((w) => w.count)).toEqual([
      0, 0, 0,
    ]);
  });
});
