// Every KPI exception that names a record opens it: the card, the week's checks (its Monday, China
// time), the day's quote, the incident.
import { describe, expect, it } from 'vitest';
import { exceptionLink } from './exception-links';

const week = { isoWeek: '2026-W50', monday: '2026-12-07', sunday: '2026-12-13' };

describe('KPI exception links', () => {
  it('opens the card, the week, the day and the incident behind an exception', () => {
    expect(
      exceptionLink({
        kind: 'late-card',
        cardId: 'c 1',
        cardNo: 'WX-1',
        receivedAt: '',
        dueAt: '',
        doneAt: null,
        lateMs: 1,
      }),
    ).toEqual({ target: 'card', route: 'repairs', sub: 'c%201' });
    expect(exceptionLink({ kind: 'cctv-week-missing', week })).toEqual({
      target: 'checks',
      route: 'checks',
      sub: 'week/2026-12-07',
    });
    // Sunday 13 Dec 23:30 in Beijing is 15:30 UTC: still the week of 7 December.
    expect(
      exceptionLink({
        kind: 'cctv-contact-late',
        checkId: 'k',
        at: '2026-12-13T15:30:00.000Z',
        contactedAt: null,
        lateMs: 1,
      })?.sub,
    ).toBe('week/2026-12-07');
    expect(exceptionLink({ kind: 'quote-day-missing', date: '2026-11-30' })).toEqual({
      target: 'quote',
      route: 'culture',
      sub: 'history/2026-11-30',
    });
    expect(
      exceptionLink({
        kind: 'excluded-incident',
        incidentId: 'i1',
        startAt: '',
        endAt: null,
        hours: 30,
        reason: '电信',
      })?.sub,
    ).toBe('incident/i1');
    expect(exceptionLink({ kind: 'trainings-short', held: 1, needed: 2 })).toBeNull();
  });

  it("opens a week under two website updates at that week's updates", () => {
    expect(exceptionLink({ kind: 'website-week-short', week, updates: 1 })).toEqual({
      target: 'website',
      route: 'culture',
      sub: 'website/2026-12-07',
    });
  });
});
