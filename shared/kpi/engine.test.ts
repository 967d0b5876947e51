import { describe, expect, it } from 'vitest';
import { officialDaysOf } from '../calendar/workdays';
import { dayStart, daysFrom, isoWeekday, monthDays } from '../time/china';
import { computeKpiMonth, KpiMonthError } from './engine';
import { cst, HOUR, LedgerBuilder, plus } from './test-ledger';
import type { KpiId, KpiIndicator, KpiMonthReport } from './types';

function ind<K extends KpiId>(report: KpiMonthReport, id: K): KpiIndicator<K> {
  return report.indicators.find((i) => i.id === id) as KpiIndicator<K>;
}

/** Something recorded in the month, so the month is not "without records". */
function activity(b: LedgerBuilder, month: string) {
  b.check('machine-room', cst(`${month}-02 08:00`));
}

describe('K3 repair cards within 24 h', () => {
  const now = new Date(cst('2026-12-20 12:00'));

  it('counts a card received at 23:30 on the last day in that month, not the next', () => {
    const b = new LedgerBuilder();
    const received = cst('2026-11-30 23:30');
    b.card(received, [['repaired', plus(received, 20)]]);
    expect(ind(computeKpiMonth(b, '2026-11', now), 'K3').actual).toEqual({
      met: 1,
      late: 0,
      inProgress: 0,
      refusedPending: 0,
    });
    expect(ind(computeKpiMonth(b, '2026-12', now), 'K3').actual.met).toBe(0);
  });

  it('meets a repair exactly 24 h after receipt and is late one second later, saying by how much', () => {
    const b = new LedgerBuilder();
    const r1 = cst('2026-12-01 09:00');
    const r2 = cst('2026-12-02 09:00');
    b.card(r1, [['repaired', cst('2026-12-02 09:00:00')]], 'WX-2026-A-0001');
    b.card(r2, [['suggestion-given', cst('2026-12-03 09:00:01')]], 'WX-2026-A-0002');
    const k3 = ind(computeKpiMonth(b, '2026-12', now), 'K3');
    expect(k3.actual).toMatchObject({ met: 1, late: 1 });
    expect(k3.pass).toBe(false);
    expect(k3.exceptions).toEqual([
      expect.objectContaining({ kind: 'late-card', cardNo: 'WX-2026-A-0002', lateMs: 1000 }),
    ]);
  });

  it('takes the last of two parts waits as the start of the 24 h', () => {
    const b = new LedgerBuilder();
    const r = cst('2026-12-01 09:00');
    b.card(r, [
      ['part-ordered', plus(r, 2)],
      ['part-arrived', plus(r, 48)],
      ['part-ordered', plus(r, 50)],
      ['part-arrived', plus(r, 120)],
      // 70 h after the first arrival, 23 h after the last: met.
      ['repaired', plus(r, 143)],
    ]);
    const late = b.card(r, [
      ['part-ordered', plus(r, 2)],
      ['part-arrived', plus(r, 48)],
      ['part-ordered', plus(r, 50)],
      ['part-arrived', plus(r, 120)],
      ['repaired', plus(r, 145)],
    ]);
    const k3 = ind(computeKpiMonth(b, '2026-12', now), 'K3');
    expect(k3.actual).toMatchObject({ met: 1, late: 1 });
    expect(k3.exceptions[0]).toMatchObject({ cardId: late.id, dueAt: plus(r, 144), lateMs: HOUR });
  });

  it('leaves a refused card out until approved, then gives it 24 h from the approval', () => {
    const b = new LedgerBuilder();
    const r = cst('2026-12-03 10:00');
    const pending = b.card(r, [['refused', plus(r, 1)]]);
    b.card(r, [
      ['refused', plus(r, 1)],
      ['approved', plus(r, 96)], // four days later
      ['repaired', plus(r, 110)],
    ]);
    const k3 = ind(computeKpiMonth(b, '2026-12', now), 'K3');
    expect(k3.actual).toEqual({ met: 1, late: 0, inProgress: 0, refusedPending: 1 });
    expect(k3.pass).toBe(true);
    expect(k3.exceptions).toEqual([
      expect.objectContaining({ kind: 'card-refused-pending', cardId: pending.id }),
    ]);
  });

  it('counts an open card past due as late, and one not yet due as in progress (out of the ratio)', () => {
    const b = new LedgerBuilder();
    const overdue = b.card(cst('2026-12-18 09:00'), [['started', cst('2026-12-18 10:00')]]);
    b.card(cst('2026-12-20 08:00'));
    const k3 = ind(computeKpiMonth(b, '2026-12', now), 'K3');
    expect(k3.actual).toEqual({ met: 0, late: 1, inProgress: 1, refusedPending: 0 });
    expect(k3.exceptions).toContainEqual(
      expect.objectContaining({ kind: 'late-card', cardId: overdue.id, doneAt: null, lateMs: 27 * HOUR }),
    );
    // The same ledger seen a day earlier: the first card was still within its 24 h.
    const earlier = ind(computeKpiMonth(b, '2026-12', new Date(cst('2026-12-19 08:00'))), 'K3');
    expect(earlier.actual).toEqual({ met: 0, late: 0, inProgress: 1, refusedPending: 0 });
    expect(earlier.pass).toBeNull();
    expect(earlier.reason).toBe('no-decided-cards');
  });

  it('lists a repair dated before its receipt as a data problem and does not count it', () => {
    const b = new LedgerBuilder();
    const bad = b.card(cst('2026-12-05 10:00'), [['repaired', cst('2026-12-05 09:00')]]);
    b.card(cst('2026-12-05 10:00'), [['repaired', cst('2026-12-05 11:00')]]);
    const report = computeKpiMonth(b, '2026-12', now);
    expect(ind(report, 'K3').actual).toMatchObject({ met: 1, late: 0 });
    expect(report.dataProblems).toEqual([
      expect.objectContaining({ kind: 'done-before-received', recordId: bad.id }),
    ]);
  });
});

describe('K1 major incidents and K2 power cuts', () => {
  const now = new Date(cst('2026-12-20 12:00'));

  it('does not count an outage of exactly 24 h as major, but 24 h and a second', () => {
    const b = new LedgerBuilder();
    const s = cst('2026-12-01 09:00');
    b.incident(s, plus(s, 24));
    const major = b.incident(s, cst('2026-12-02 09:00:01'));
    const k1 = ind(computeKpiMonth(b, '2026-12', now), 'K1');
    expect(k1.actual).toEqual({ month: 1, ytd: 1 });
    expect(k1.exceptions).toEqual([
      expect.objectContaining({ kind: 'major-incident', incidentId: major.id }),
    ]);
  });

  it('excludes a carrier outage with its reason, and counts an ongoing outage up to the report time', () => {
    const b = new LedgerBuilder();
    b.incident(cst('2026-12-03 09:00'), cst('2026-12-04 15:00'), {
      cause: 'carrier',
      excluded: true,
      exclusionReason: '电信光缆被挖断',
    });
    const ongoing = b.incident(cst('2026-12-19 11:00'), null);
    const k1 = ind(computeKpiMonth(b, '2026-12', now), 'K1');
    expect(k1.actual).toEqual({ month: 1, ytd: 1 });
    expect(k1.exceptions).toContainEqual(
      expect.objectContaining({ kind: 'excluded-incident', reason: '电信光缆被挖断', hours: 30 }),
    );
    expect(k1.exceptions).toContainEqual(
      expect.objectContaining({ kind: 'major-incident', incidentId: ongoing.id, ongoing: true, hours: 25 }),
    );
    // Seen at 10:00 on the 20th the same outage had lasted 23 h: not major yet.
    expect(ind(computeKpiMonth(b, '2026-12', new Date(cst('2026-12-20 10:00'))), 'K1').actual.month).toBe(0);
  });

  it('passes with ten major incidents in the year and fails with the eleventh', () => {
    const b = new LedgerBuilder();
    for (let i = 1; i <= 10; i++) {
      const s = cst(`2026-${String(i).padStart(2, '0')}-10 09:00`);
      b.incident(s, plus(s, 30));
    }
    activity(b, '2026-11');
    const k1 = ind(computeKpiMonth(b, '2026-11', now), 'K1');
    expect(k1.actual).toEqual({ month: 0, ytd: 10 });
    expect(k1.pass).toBe(true);
    b.incident(cst('2026-11-12 09:00'), cst('2026-11-14 09:00'));
    const after = ind(computeKpiMonth(b, '2026-11', now), 'K1');
    expect(after.actual).toEqual({ month: 1, ytd: 11 });
    expect(after.pass).toBe(false);
    // The year starts again in January.
    expect(ind(computeKpiMonth(b, '2027-01', new Date(cst('2027-01-20 12:00'))), 'K1').actual.ytd).toBe(0);
  });

  it('lists an incident that ends before it starts and counts it nowhere', () => {
    const b = new LedgerBuilder();
    const bad = b.incident(cst('2026-12-05 10:00'), cst('2026-12-04 10:00'), { cause: 'power-cut' });
    const report = computeKpiMonth(b, '2026-12', now);
    expect(ind(report, 'K1').actual).toEqual({ month: 0, ytd: 0 });
    expect(ind(report, 'K2').actual).toEqual({ met: 0, of: 0 });
    expect(report.dataProblems).toEqual([
      expect.objectContaining({ kind: 'incident-ends-before-start', recordId: bad.id }),
    ]);
  });

  it('meets a power cut restored within 24 h, misses one restored later, and waits on an open one', () => {
    const b = new LedgerBuilder();
    b.incident(cst('2026-12-02 13:00'), cst('2026-12-03 13:00'), { cause: 'power-cut' });
    const late = b.incident(cst('2026-12-08 13:00'), cst('2026-12-09 15:00'), { cause: 'power-cut' });
    b.incident(cst('2026-12-20 09:00'), null, { cause: 'power-cut' });
    const k2 = ind(computeKpiMonth(b, '2026-12', now), 'K2');
    expect(k2.actual).toEqual({ met: 1, of: 2 });
    expect(k2.pass).toBe(false);
    expect(k2.exceptions.map((e) => e.kind)).toEqual(['power-cut-late', 'power-cut-open']);
    expect(k2.exceptions[0]).toMatchObject({ incidentId: late.id, hours: 26 });
  });

  it('has nothing to judge in a month without power cuts', () => {
    const b = new LedgerBuilder();
    activity(b, '2026-12');
    const k2 = ind(computeKpiMonth(b, '2026-12', now), 'K2');
    expect(k2).toMatchObject({ actual: { met: 0, of: 0 }, pass: null, reason: 'no-power-cut' });
  });
});

describe('K4 servers maintained every week', () => {
  it('counts a week by a check done in it for it: a Monday make-up for the week before covers neither week', () => {
    const b = new LedgerBuilder();
    const s1 = b.server('SRV-01');
    // Week of 30 Nov and of 14 Dec on time; the week of 7 Dec missed, made up on Monday 14 Dec
    // (forDay in the week before) — the week of 14 Dec has its own check on the 16th.
    for (const day of ['2026-12-02', '2026-12-16', '2026-12-23', '2026-12-30']) {
      b.check('server-maintenance', cst(`${day} 15:00`), { deviceIds: [s1.id] });
    }
    b.check('server-maintenance', cst('2026-12-14 09:00'), { deviceIds: [s1.id], forDay: '2026-12-11' });
    // CCTV: the week of 21 Dec only made up on Monday 28 Dec; a check marked for its own week counts.
    for (const day of ['2026-11-30', '2026-12-07', '2026-12-14']) b.check('cctv', cst(`${day} 10:00`));
    b.check('cctv', cst('2026-12-28 09:00'), { forDay: '2026-12-25' });
    b.check('cctv', cst('2026-12-29 09:00'), { forDay: '2026-12-28' });
    const now = new Date(cst('2027-01-10 12:00'));
    const report = computeKpiMonth(b, '2026-12', now);
    const k4 = ind(report, 'K4');
    expect(k4.actual).toEqual({ covered: 4, of: 5 });
    expect(k4.exceptions.map((e) => [e.kind, 'week' in e ? e.week.monday : ''])).toEqual([
      ['server-week-missing', '2026-12-07'],
    ]);
    const k5 = ind(report, 'K5');
    expect(k5.actual).toMatchObject({ weeksChecked: 4, weeks: 5 });
    expect(k5.exceptions.map((e) => [e.kind, 'week' in e ? e.week.monday : ''])).toEqual([
      ['cctv-week-missing', '2026-12-21'],
    ]);
  });

  it('counts the week spanning two months in the month of its Thursday', () => {
    const b = new LedgerBuilder();
    const s1 = b.server('SRV-01');
    // 28 Dec 2026 – 3 Jan 2027 belongs to December; its record is dated 2 January.
    for (const day of ['2026-11-30', '2026-12-09', '2026-12-16', '2026-12-23', '2027-01-02']) {
      b.check('server-maintenance', cst(`${day} 15:00`), { deviceIds: [s1.id] });
    }
    const now = new Date(cst('2027-01-10 12:00'));
    const dec = ind(computeKpiMonth(b, '2026-12', now), 'K4');
    expect(dec.actual).toEqual({ covered: 5, of: 5 });
    expect(dec.pass).toBe(true);
    // November's weeks end on 29 November: the 30th's record is not November's.
    const nov = ind(computeKpiMonth(b, '2026-11', now), 'K4');
    expect(nov.actual).toEqual({ covered: 0, of: 4 });
    expect(nov.exceptions[0]).toMatchObject({ kind: 'server-week-missing', assetTag: 'SRV-01' });
  });

  it('expects only servers in service that week, and waits for the week in progress', () => {
    const b = new LedgerBuilder();
    const old = b.server('SRV-01');
    b.server('SRV-02', { createdAt: cst('2026-12-10 10:00') });
    b.server('SRV-03', { status: 'retired', retiredAt: cst('2026-11-20 10:00') });
    b.server('SRV-04', { createdAt: cst('2026-12-20 10:00'), purchaseDate: '2026-12-01' });
    b.server('PC-1', { type: 'computer' });
    b.check('server-maintenance', cst('2026-12-02 15:00'), { deviceIds: [old.id] });
    b.check('server-maintenance', cst('2026-12-09 15:00'), { deviceIds: [old.id] });
    // Now is Wednesday 16 December: the week of 14–20 is in progress and not yet done.
    const k4 = ind(computeKpiMonth(b, '2026-12', new Date(cst('2026-12-16 12:00'))), 'K4');
    // Week 1: SRV-01 and SRV-04 (bought on the 1st); week 2: SRV-01, SRV-02 (added the 10th), SRV-04.
    expect(k4.actual).toEqual({ covered: 2, of: 5 });
    expect(
      k4.exceptions.map((e) =>
        e.kind === 'server-week-missing' ? `${e.week.monday} ${e.assetTag}` : e.kind,
      ),
    ).toEqual(['2026-11-30 SRV-04', '2026-12-07 SRV-02', '2026-12-07 SRV-04']);
  });

  it('has nothing to judge without servers, and says so', () => {
    const b = new LedgerBuilder();
    activity(b, '2026-12');
    const k4 = ind(computeKpiMonth(b, '2026-12', new Date(cst('2026-12-20 12:00'))), 'K4');
    expect(k4).toMatchObject({ actual: { covered: 0, of: 0 }, pass: null, reason: 'no-servers' });
  });

  it('lists a maintenance record that names no server', () => {
    const b = new LedgerBuilder();
    b.server('SRV-01');
    const bad = b.check('server-maintenance', cst('2026-12-02 15:00'));
    const report = computeKpiMonth(b, '2026-12', new Date(cst('2026-12-08 12:00')));
    expect(report.dataProblems).toEqual([
      expect.objectContaining({ kind: 'maintenance-without-server', recordId: bad.id }),
    ]);
  });
});

describe('K5 CCTV checks and provider contacts', () => {
  const now = new Date(cst('2026-12-17 12:00'));

  it('needs a check every week and a provider contact within 24 h of a fault', () => {
    const b = new LedgerBuilder();
    const onTime = cst('2026-12-03 10:00');
    b.check('cctv', onTime, { result: 'problem', providerContactedAt: plus(onTime, 24) });
    const late = b.check('cctv', cst('2026-12-10 10:00'), {
      result: 'problem',
      providerContactedAt: cst('2026-12-11 10:00:01'),
    });
    // The week of 14 December: a fault found yesterday, not yet reported, still within its 24 h.
    b.check('cctv', cst('2026-12-16 16:00'), { result: 'problem' });
    const k5 = ind(computeKpiMonth(b, '2026-12', now), 'K5');
    expect(k5.actual).toEqual({ weeksChecked: 3, weeks: 3, faults: 2, contactsOnTime: 1 });
    expect(k5.pass).toBe(false);
    expect(k5.exceptions.map((e) => e.kind)).toEqual(['cctv-contact-late', 'cctv-contact-pending']);
    expect(k5.exceptions[0]).toMatchObject({ checkId: late.id, lateMs: 1000 });
  });

  it('misses a finished week without a check, not the week still in progress', () => {
    const b = new LedgerBuilder();
    b.check('cctv', cst('2026-12-03 10:00'));
    const k5 = ind(computeKpiMonth(b, '2026-12', now), 'K5');
    expect(k5.actual).toEqual({ weeksChecked: 1, weeks: 2, faults: 0, contactsOnTime: 0 });
    expect(k5.exceptions).toEqual([
      {
        kind: 'cctv-week-missing',
        week: { isoWeek: '2026-W50', monday: '2026-12-07', sunday: '2026-12-13' },
      },
    ]);
  });
});

describe('K6 the daily quote', () => {
  // A month of 2026 with a Saturday worked in lieu of a holiday, read from the calendar data.
  const saturday = officialDaysOf(2026).adjustedWorkingDays.find((d) => isoWeekday(d) === 6)!;
  const month = saturday.slice(0, 7);
  const { first, last } = monthDays(month);
  const after = new Date(dayStart(last).getTime() + 5 * 24 * HOUR);

  it('requires a quote on an adjusted working day that falls on a Saturday, not on holidays', () => {
    const b = new LedgerBuilder();
    const official = officialDaysOf(2026);
    const holidays = new Set(official.holidays);
    const adjusted = official.adjustedWorkingDays.filter((d) => d.startsWith(month));
    let n = 0;
    for (const day of daysFrom(first, last)) {
      if (isoWeekday(day) <= 5 && !holidays.has(day)) b.quote(day, `第 ${++n} 句`);
    }
    const k6 = ind(computeKpiMonth(b, month, after), 'K6');
    expect(k6.pass).toBe(false);
    expect(k6.exceptions).toContainEqual({ kind: 'quote-day-missing', date: saturday });
    expect(k6.exceptions.filter((e) => e.kind === 'quote-day-missing')).toHaveLength(adjusted.length);
    for (const day of adjusted) b.quote(day, `调休 ${day} 也要更新`);
    const fixed = ind(computeKpiMonth(b, month, after), 'K6');
    expect(fixed.exceptions).toEqual([]);
    expect(fixed.actual).toEqual({ covered: n + adjusted.length, of: n + adjusted.length, repeats: 0 });
    expect(fixed.pass).toBe(true);
  });

  it('finds a quote repeated after folding punctuation and width, even from an earlier month', () => {
    const b = new LedgerBuilder();
    b.quote('2026-11-16', '天道酬勤，厚德载物。');
    const repeat = b.quote('2026-12-01', '天道酬勤, 厚德载物.');
    b.quote('2026-12-02', '千里之行，始于足下。');
    const k6 = ind(computeKpiMonth(b, '2026-12', new Date(cst('2026-12-02 18:00'))), 'K6');
    expect(k6.actual).toEqual({ covered: 2, of: 2, repeats: 1 });
    expect(k6.pass).toBe(false);
    expect(k6.exceptions).toEqual([
      expect.objectContaining({ kind: 'quote-repeated', showingId: repeat.id, firstShownOn: '2026-11-16' }),
    ]);
  });

  it('counts today only once covered, never the days after, and skips company rest days', () => {
    const b = new LedgerBuilder();
    b.quote('2026-12-01', '一');
    b.quote('2026-12-02', '二');
    // Thursday 3 December at 07:00: today has no quote yet.
    const early = new Date(cst('2026-12-03 07:00'));
    expect(ind(computeKpiMonth(b, '2026-12', early), 'K6')).toMatchObject({
      actual: { covered: 2, of: 2, repeats: 0 },
      pass: true,
    });
    const friday = new Date(cst('2026-12-04 18:00'));
    expect(ind(computeKpiMonth(b, '2026-12', friday), 'K6').actual).toEqual({
      covered: 2,
      of: 3,
      repeats: 0,
    });
    const rest = ind(computeKpiMonth(b, '2026-12', friday, { companyRestDays: ['2026-12-03'] }), 'K6');
    expect(rest.actual).toEqual({ covered: 2, of: 2, repeats: 0 });
  });

  it('counts the leap day 2028-02-29 and says 2028 has no official holiday calendar yet', () => {
    const b = new LedgerBuilder();
    b.quote('2028-02-28', '二月廿八');
    const k6 = ind(computeKpiMonth(b, '2028-02', new Date(cst('2028-03-01 09:00'))), 'K6');
    expect(k6.exceptions).toContainEqual({ kind: 'quote-day-missing', date: '2028-02-29' });
    expect(k6.exceptions).toContainEqual({ kind: 'calendar-unknown', year: 2028 });
  });

  it('lists a showing whose quote is gone as a data problem, and the day as not covered', () => {
    const b = new LedgerBuilder();
    const s = b.quote('2026-12-01', '一');
    s.quoteId = 'missing';
    const report = computeKpiMonth(b, '2026-12', new Date(cst('2026-12-01 18:00')));
    expect(ind(report, 'K6').actual).toEqual({ covered: 0, of: 0, repeats: 0 });
    expect(report.dataProblems).toEqual([
      expect.objectContaining({ kind: 'quote-not-found', recordId: s.id }),
    ]);
  });
});

describe('K7 website updates and K8 website checks', () => {
  const now = new Date(cst('2026-12-16 12:00'));

  it('needs two updates in every week; a week of one is short', () => {
    const b = new LedgerBuilder();
    b.update(cst('2026-11-30 10:00'));
    b.update(cst('2026-12-03 10:00'));
    b.update(cst('2026-12-08 10:00'));
    b.update(cst('2026-12-14 10:00'), '物业公司网站');
    b.update(cst('2026-12-15 10:00'));
    const k7 = ind(computeKpiMonth(b, '2026-12', now), 'K7');
    expect(k7.actual).toEqual({ weeksMet: 2, weeks: 3 });
    expect(k7.exceptions).toEqual([expect.objectContaining({ kind: 'website-week-short', updates: 1 })]);
    // Only the group site counts: the week of the 14th is then still in progress, not met.
    const groupOnly = ind(computeKpiMonth(b, '2026-12', now, { websiteSites: ['集团官网'] }), 'K7');
    expect(groupOnly.actual).toEqual({ weeksMet: 1, weeks: 2 });
  });

  it('needs both a security check and a backup in a week', () => {
    const b = new LedgerBuilder();
    b.check('website-security', cst('2026-12-03 14:00'));
    b.check('website-backup', cst('2026-12-03 17:00'));
    b.check('website-security', cst('2026-12-10 14:00'));
    const k8 = ind(computeKpiMonth(b, '2026-12', now), 'K8');
    expect(k8.actual).toEqual({ weeksMet: 1, weeks: 2 });
    expect(k8.exceptions).toEqual([
      expect.objectContaining({ kind: 'website-week-unchecked', security: true, backup: false }),
    ]);
  });
});

describe('K9 office-software trainings', () => {
  it('is in progress before December with fewer than two, fails in December, passes at two', () => {
    const b = new LedgerBuilder();
    b.training('2026-04-10');
    b.training('2026-05-10', 'new-employee');
    activity(b, '2026-06');
    activity(b, '2026-12');
    const june = ind(computeKpiMonth(b, '2026-06', new Date(cst('2026-07-02 09:00'))), 'K9');
    expect(june).toMatchObject({ actual: { ytd: 1 }, pass: null, reason: 'trainings-in-progress' });
    const now = new Date(cst('2027-01-03 09:00'));
    expect(ind(computeKpiMonth(b, '2026-12', now), 'K9')).toMatchObject({ actual: { ytd: 1 }, pass: false });
    b.training('2026-12-20');
    expect(ind(computeKpiMonth(b, '2026-12', now), 'K9')).toMatchObject({ actual: { ytd: 2 }, pass: true });
    // A training after the month's end is not year to date of June.
    expect(ind(computeKpiMonth(b, '2026-06', now), 'K9').actual.ytd).toBe(1);
  });

  it('counts neither a cancelled training nor a request nobody planned; a held one counts', () => {
    const b = new LedgerBuilder();
    b.training('2026-03-10', 'office-software', 'cancelled');
    b.training('2026-04-10', 'office-software', 'requested');
    activity(b, '2026-12');
    const now = new Date(cst('2027-01-03 09:00'));
    expect(ind(computeKpiMonth(b, '2026-12', now), 'K9')).toMatchObject({ actual: { ytd: 0 }, pass: false });
    b.training('2026-05-10', 'office-software', 'held');
    b.training('2026-06-10', 'office-software', 'planned');
    expect(ind(computeKpiMonth(b, '2026-12', now), 'K9')).toMatchObject({ actual: { ytd: 2 }, pass: true });
  });
});

describe('the month asked for', () => {
  it('refuses a month that has not begun, and one that is not YYYY-MM', () => {
    const b = new LedgerBuilder();
    const now = new Date(cst('2026-12-31 23:59:59.999'));
    expect(() => computeKpiMonth(b, '2027-01', now)).toThrow(KpiMonthError);
    expect(() => computeKpiMonth(b, '2027-01', now)).toThrow(/2027-01/);
    expect(() => computeKpiMonth(b, '2026-13', now)).toThrow(KpiMonthError);
    // At midnight China time January has begun.
    expect(() => computeKpiMonth(b, '2027-01', new Date(cst('2027-01-01 00:00')))).not.toThrow();
  });

  it('says of a month without any record that there is nothing to judge, for every indicator', () => {
    const report = computeKpiMonth(new LedgerBuilder(), '2026-11', new Date(cst('2026-12-07 09:00')));
    expect(report.indicators.map((i) => i.id)).toEqual([
      'K1',
      'K2',
      'K3',
      'K4',
      'K5',
      'K6',
      'K7',
      'K8',
      'K9',
    ]);
    for (const i of report.indicators) {
      expect(i.pass, i.id).toBeNull();
      expect(i.reason, i.id).toBe('no-records-in-month');
      for (const v of Object.values(i.actual)) expect(Number.isFinite(v), i.id).toBe(true);
    }
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity|null,"of":0/);
  });

  it('does not see records dated after the report time', () => {
    const b = new LedgerBuilder();
    b.card(cst('2026-12-10 09:00'), [['repaired', cst('2026-12-12 09:00')]]);
    const before = ind(computeKpiMonth(b, '2026-12', new Date(cst('2026-12-11 10:00'))), 'K3');
    expect(before.actual).toMatchObject({ met: 0, late: 1 });
    expect(before.exceptions[0]).toMatchObject({ doneAt: null });
    expect(ind(computeKpiMonth(b, '2026-12', new Date(cst('2026-12-09 10:00'))), 'K3').actual.late).toBe(0);
  });

  it('ignores deleted records', () => {
    const b = new LedgerBuilder();
    const c = b.card(cst('2026-12-10 09:00'));
    c.deletedAt = cst('2026-12-10 10:00');
    expect(ind(computeKpiMonth(b, '2026-12', new Date(cst('2026-12-20 10:00'))), 'K3').actual.late).toBe(0);
  });
});
