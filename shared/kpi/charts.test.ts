import { describe, expect, it } from 'vitest';
import { computeKpiMonth } from './engine';
import {
  kpiChartSeries,
  OTHER_DEPARTMENTS,
  repairTimeBucket,
  weekRangeLabel,
  type KpiChartCard,
} from './charts';
import { cst, HOUR, LedgerBuilder, plus } from './test-ledger';

const now = new Date(cst('2026-12-20 12:00'));

function withDept(card: KpiChartCard, departmentId: string, faultCategory = 'hardware') {
  Object.assign(card, { departmentId, faultCategory });
}

function departments(...names: string[]) {
  return names.map((name, i) => ({ id: `d${i + 1}`, name, createdAt: '2020-01-01T00:00:00.000Z' }));
}

describe('chart series of a month', () => {
  it('counts cards per week of the month, with the first and last weeks clipped to the month', () => {
    const b = new LedgerBuilder();
    // December 2026: Tue 1 Dec … Thu 31 Dec; weeks start on 30 Nov, 7, 14, 21, 28 Dec.
    b.card(cst('2026-11-30 23:30')); // November's card: not in December's chart
    b.card(cst('2026-12-01 00:10'));
    b.card(cst('2026-12-06 23:59'));
    b.card(cst('2026-12-07 08:00'));
    b.card(cst('2026-12-19 10:00'));
    b.card(cst('2026-12-21 10:00')); // after the report time: not seen
    const s = kpiChartSeries({ ...b, departments: [] }, '2026-12', now);
    expect(s.perWeek.map((w) => [weekRangeLabel(w), w.count])).toEqual([
      ['12/1–12/6', 2],
      ['12/7–12/13', 1],
      ['12/14–12/20', 1],
      ['12/21–12/27', 0],
      ['12/28–12/31', 0],
    ]);
    // November 2026 starts on a Sunday: its first "week" is one day.
    expect(weekRangeLabel(kpiChartSeries({ ...b, departments: [] }, '2026-11', now).perWeek[0]!)).toBe(
      '11/1',
    );
    expect(s.total).toBe(4);
  });

  it('names the busiest departments and sums the rest as others, leaving deleted cards out', () => {
    const b = new LedgerBuilder();
    const depts = departments('财务部', '工程部', '行政部', '销售部');
    const counts = [5, 3, 2, 1];
    counts.forEach((n, i) => {
      for (let k = 0; k < n; k++) withDept(b.card(cst(`2026-12-0${k + 1} 09:00`)), depts[i]!.id);
    });
    const gone = b.card(cst('2026-12-02 09:00'));
    withDept(gone, 'd4');
    gone.deletedAt = cst('2026-12-03 09:00');
    const s = kpiChartSeries({ ...b, departments: depts }, '2026-12', now, { topDepartments: 2 });
    expect(s.byDepartment).toEqual([
      { departmentId: 'd1', name: '财务部', count: 5 },
      { departmentId: 'd2', name: '工程部', count: 3 },
      { departmentId: OTHER_DEPARTMENTS, name: '其他部门', count: 3 },
    ]);
    // One department left over keeps its own name rather than becoming "others".
    const three = kpiChartSeries({ ...b, departments: depts }, '2026-12', now, { topDepartments: 3 });
    expect(three.byDepartment.map((d) => d.name)).toEqual(['财务部', '工程部', '行政部', '销售部']);
  });

  it('lists every fault category, even with no card, and counts an unknown one as other', () => {
    const b = new LedgerBuilder();
    withDept(b.card(cst('2026-12-02 09:00')), 'd1', 'printer');
    withDept(b.card(cst('2026-12-02 10:00')), 'd1', 'printer');
    withDept(b.card(cst('2026-12-02 11:00')), 'd1', 'smoke');
    const s = kpiChartSeries({ ...b, departments: departments('财务部') }, '2026-12', now);
    expect(Object.fromEntries(s.byCategory.map((c) => [c.category, c.count]))).toEqual({
      hardware: 0,
      software: 0,
      network: 0,
      printer: 2,
      account: 0,
      other: 1,
    });
  });

  it('buckets time to repair with exactly 4 h in 4–8 h and exactly 24 h in 8–24 h', () => {
    expect(repairTimeBucket(4 * HOUR - 1)).toBe('lt4');
    expect(repairTimeBucket(4 * HOUR)).toBe('4to8');
    expect(repairTimeBucket(8 * HOUR)).toBe('8to24');
    expect(repairTimeBucket(24 * HOUR)).toBe('8to24');
    expect(repairTimeBucket(24 * HOUR + 1000)).toBe('gt24');

    const b = new LedgerBuilder();
    const r = (d: string) => cst(`2026-12-${d} 09:00`);
    b.card(r('01'), [['repaired', plus(r('01'), 1)]], 'WX-1');
    b.card(r('02'), [['suggestion-given', plus(r('02'), 24)]], 'WX-2');
    b.card(r('03'), [['repaired', plus(r('03'), 30)]], 'WX-3');
    b.card(cst('2026-12-20 08:00'), [], 'WX-4'); // open, not yet due at the report time
    b.card(r('04'), [], 'WX-5'); // open and overdue
    b.card(r('05'), [['repaired', plus(r('05'), -2)]], 'WX-6'); // impossible: no bucket
    const s = kpiChartSeries({ ...b, departments: [] }, '2026-12', now);
    expect(Object.fromEntries(s.timeToRepair.map((x) => [x.bucket, x.count]))).toEqual({
      lt4: 1,
      '4to8': 0,
      '8to24': 1,
      gt24: 1,
      open: 2,
    });
    expect(s.cards).toEqual([
      ['WX-1', 'met'],
      ['WX-2', 'met'],
      ['WX-3', 'late'],
      ['WX-4', 'open'],
      ['WX-5', 'late'],
      ['WX-6', 'met'],
    ]);
    // The charts speak of the same cards as K3: met and late agree with the indicator.
    const k3 = computeKpiMonth(b, '2026-12', now).indicators.find((i) => i.id === 'K3')!;
    const late = s.cards.filter(([, o]) => o === 'late').length;
    expect(k3.actual).toMatchObject({ late, inProgress: 1 });
  });

  it('gives the same series whatever the order of the records', () => {
    const b = new LedgerBuilder();
    for (let d = 1; d <= 9; d++)
      withDept(
        b.card(cst(`2026-12-0${d} 09:00`), [['repaired', plus(cst(`2026-12-0${d} 09:00`), d * 3)]]),
        `d${(d % 3) + 1}`,
      );
    const input = { ...b, departments: departments('甲', '乙', '丙') };
    const reversed = {
      cards: [...b.cards].reverse(),
      cardEvents: [...b.cardEvents].reverse(),
      departments: [...input.departments].reverse(),
    };
    expect(kpiChartSeries(reversed, '2026-12', now)).toEqual(kpiChartSeries(input, '2026-12', now));
  });
});
