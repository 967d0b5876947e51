// The CCTV provider-contact clock: a CCTV check that found a fault must be followed by a contact
// with the service provider within 24 hours of the check. The clock starts at the check's time
// (the moment the fault was seen); a contact at exactly 24 h is on time, one millisecond later is
// late — the same reading as the monthly KPI (K5). The earliest logged contact is the one that
// counts; further contacts (a follow-up call) never make a check late.
import type { RoutineCheck } from '../schemas';

export const CCTV_CONTACT_LIMIT_MS = 24 * 3600_000;

export type ContactState = 'none' | 'waiting' | 'overdue' | 'on-time' | 'late';

export interface ContactClock {
  state: ContactState;
  /** When the provider must have been contacted; null when no fault was found. */
  dueAt: string | null;
  /** The earliest contact, if any. */
  contactedAt: string | null;
  /** How far past the due time the contact came (or now is, while none): 0 when not late. */
  lateMs: number;
}

type CheckForClock = Pick<RoutineCheck, 'kind' | 'at' | 'result' | 'providerContactedAt'> & {
  providerContacts?: RoutineCheck['providerContacts'];
};

/** The earliest contact time of a check: from its contact log, or the single time of older records. */
export function firstContactAt(check: CheckForClock): string | null {
  const times = (check.providerContacts ?? []).map((c) => c.at);
  if (check.providerContactedAt) times.push(check.providerContactedAt);
  if (times.length === 0) return null;
  return times.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
}

export function contactClock(check: CheckForClock, now: Date): ContactClock {
  if (check.kind !== 'cctv' || check.result !== 'problem')
    return { state: 'none', dueAt: null, contactedAt: null, lateMs: 0 };
  const due = Date.parse(check.at) + CCTV_CONTACT_LIMIT_MS;
  const dueAt = new Date(due).toISOString();
  const contactedAt = firstContactAt(check);
  if (contactedAt !== null) {
    const late = Date.parse(contactedAt) - due;
    return { state: late > 0 ? 'late' : 'on-time', dueAt, contactedAt, lateMs: Math.max(0, late) };
  }
  const late = now.getTime() - due;
  return { state: late > 0 ? 'overdue' : 'waiting', dueAt, contactedAt: null, lateMs: Math.max(0, late) };
}

/** Checks whose provider contact is missing past its time or came late: what the supervisor must see. */
export function contactsNeedingAttention<T extends CheckForClock>(
  checks: readonly T[],
  now: Date,
): { check: T; clock: ContactClock }[] {
  return checks
    .map((check) => ({ check, clock: contactClock(check, now) }))
    .filter(({ clock }) => clock.state === 'overdue' || clock.state === 'late' || clock.state === 'waiting');
}
