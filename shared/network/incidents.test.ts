import { describe, expect, it } from 'vitest';
import {
  hoursAndMinutes,
  incidentProblems,
  incidentState,
  majorsYearToDate,
  type IncidentLike,
} from './incidents';

const cn = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`).toISOString();
const incident = (start: string, end: string | null, more: Partial<IncidentLike> = {}): IncidentLike => ({
  startAt: cn(start),
  endAt: end ? cn(end) : null,
  cause: 'equipment',
  excluded: false,
  ...more,
});
const now = new Date(cn('2026-12-07 12:00'));

describe('network incidents', () => {
  it('is not major at exactly 24 hours and major one minute over', () => {
    expect(incidentState(incident('2026-12-01 08:00', '2026-12-02 08:00'), now)).toMatchObject({
      long: false,
      major: false,
      durationMs: 24 * 3600_000,
    });
    expect(incidentState(incident('2026-12-01 08:00', '2026-12-02 08:01'), now).major).toBe(true);
  });

  it('counts an ongoing outage up to now, turning major once past 24 hours', () => {
    const open = incident('2026-12-06 12:00', null);
    expect(incidentState(open, now)).toMatchObject({
      ongoing: true,
      major: false,
      durationMs: 24 * 3600_000,
    });
    expect(incidentState(open, new Date(cn('2026-12-07 12:01'))).major).toBe(true);
  });

  it('leaves out an excluded outage and a carrier fault even when not ticked', () => {
    const excluded = incidentState(incident('2026-12-01 08:00', '2026-12-03 08:00', { excluded: true }), now);
    expect(excluded).toMatchObject({ long: true, excluded: true, major: false });
    const carrier = incidentState(
      incident('2026-12-01 08:00', '2026-12-03 08:00', { cause: 'carrier' }),
      now,
    );
    expect(carrier.major).toBe(false);
  });

  it('gives a power cut its 24-hour restore deadline, counting down, then met or missed', () => {
    const running = incidentState(incident('2026-12-07 02:00', null, { cause: 'power-cut' }), now);
    expect(running.powerCut).toEqual({
      deadline: cn('2026-12-08 02:00'),
      remainingMs: 14 * 3600_000,
      met: null,
    });
    const overdue = incidentState(incident('2026-12-06 02:00', null, { cause: 'power-cut' }), now);
    expect(overdue.powerCut).toMatchObject({ met: false, remainingMs: -10 * 3600_000 });
    const restoredLate = incidentState(
      incident('2026-12-01 08:00', '2026-12-02 09:00', { cause: 'power-cut' }),
      now,
    );
    expect(restoredLate).toMatchObject({ major: true, powerCut: { met: false } });
    const restored = incidentState(
      incident('2026-12-01 08:00', '2026-12-02 08:00', { cause: 'power-cut' }),
      now,
    );
    expect(restored.powerCut!.met).toBe(true);
    expect(incidentState(incident('2026-12-01 08:00', null), now).powerCut).toBeNull();
  });

  it('counts this China year’s majors, not last year’s, deleted or excluded ones', () => {
    const incidents = [
      incident('2026-01-01 00:00', '2026-01-03 00:00'), // first instant of the year in China
      incident('2025-12-31 23:00', '2026-01-03 00:00'),
      incident('2026-03-01 00:00', '2026-03-03 00:00', { excluded: true }),
      incident('2026-05-01 00:00', '2026-05-03 00:00', { deletedAt: cn('2026-05-04 00:00') }),
      incident('2026-12-05 00:00', null),
    ];
    expect(majorsYearToDate(incidents, now)).toBe(2);
  });

  it('refuses an incident that ends before it starts, one in the future, an exclusion without reason', () => {
    expect(incidentProblems(incident('2026-12-05 10:00', '2026-12-05 09:00'), now)).toEqual([
      { code: 'ends-before-start', field: 'endAt' },
    ]);
    expect(incidentProblems(incident('2026-12-08 10:00', null), now)).toEqual([
      { code: 'start-in-future', field: 'startAt' },
    ]);
    expect(
      incidentProblems(
        { ...incident('2026-12-05 10:00', null, { excluded: true }), exclusionReason: ' ' },
        now,
      ),
    ).toEqual([{ code: 'reason-required', field: 'exclusionReason' }]);
    // A carrier fault is left out whatever the flag says, so it needs its reason too.
    const carrier = incident('2026-12-05 10:00', null, { cause: 'carrier', excluded: false });
    expect(incidentProblems(carrier, now)).toEqual([{ code: 'reason-required', field: 'exclusionReason' }]);
    expect(incidentProblems({ ...carrier, exclusionReason: '电信光缆被挖断' }, now)).toEqual([]);
    expect(incidentProblems(incident('2026-12-05 10:00', '2026-12-05 10:00'), now)).toEqual([]);
  });

  it('writes a duration as hours and minutes', () => {
    expect(hoursAndMinutes(25 * 3600_000 + 3 * 60_000)).toEqual({ hours: 25, minutes: 3 });
  });
});
