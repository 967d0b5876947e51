import { describe, expect, it } from 'vitest';
import { contactClock, firstContactAt } from './cctv';

// 2026-12-07 10:00 China time.
const AT = '2026-12-07T02:00:00.000Z';
const plus = (ms: number) => new Date(Date.parse(AT) + ms).toISOString();
const H = 3600_000;
const fault = (extra: Partial<Parameters<typeof contactClock>[0]> = {}) => ({
  kind: 'cctv' as const,
  at: AT,
  result: 'problem' as const,
  providerContactedAt: null,
  providerContacts: [],
  ...extra,
});
const contact = (at: string) => ({ at, provider: '海康服务商', means: 'phone' as const, agreed: '', by: '' });

describe('the CCTV provider-contact clock', () => {
  it('is due 24 hours after the check found the fault', () => {
    const clock = contactClock(fault(), new Date(plus(H)));
    expect(clock).toMatchObject({ state: 'waiting', dueAt: plus(24 * H), contactedAt: null });
  });

  it('is still waiting at exactly 24 hours, overdue one millisecond later', () => {
    expect(contactClock(fault(), new Date(plus(24 * H))).state).toBe('waiting');
    const over = contactClock(fault(), new Date(plus(24 * H + 1)));
    expect(over).toMatchObject({ state: 'overdue', lateMs: 1 });
  });

  it('counts a contact at exactly 24 hours on time and one a millisecond later late', () => {
    const now = new Date(plus(48 * H));
    expect(contactClock(fault({ providerContacts: [contact(plus(24 * H))] }), now).state).toBe('on-time');
    const late = contactClock(fault({ providerContacts: [contact(plus(24 * H + 1))] }), now);
    expect(late).toMatchObject({ state: 'late', lateMs: 1, contactedAt: plus(24 * H + 1) });
  });

  it('judges by the earliest contact, whatever order the log holds them in', () => {
    const check = fault({ providerContacts: [contact(plus(30 * H)), contact(plus(2 * H))] });
    expect(firstContactAt(check)).toBe(plus(2 * H));
    expect(contactClock(check, new Date(plus(40 * H))).state).toBe('on-time');
  });

  it('reads the single contact time of records made before the contact log', () => {
    expect(contactClock(fault({ providerContactedAt: plus(25 * H) }), new Date(plus(30 * H))).state).toBe(
      'late',
    );
  });

  it('runs no clock for a CCTV check without a fault nor for other kinds', () => {
    expect(contactClock(fault({ result: 'ok' }), new Date(plus(48 * H))).state).toBe('none');
    expect(contactClock(fault({ kind: 'server-maintenance' }), new Date(plus(48 * H))).state).toBe('none');
  });
});
