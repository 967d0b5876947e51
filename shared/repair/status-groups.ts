// How the repair screens group card statuses: which cards are still open, which can run late,
// and the names of the fault and refusal lists. One place, so the list filter, the dashboard
// counters and the overdue query agree.
import type { FAULT_CATEGORIES, REFUSAL_CAUSES } from '../schemas/records';
import { REPAIR_STATUSES } from '../schemas/records';
import type { RepairStatus } from './workflow';

export type FaultCategory = (typeof FAULT_CATEGORIES)[number];
export type RefusalCause = (typeof REFUSAL_CAUSES)[number];

/** Work not yet done: the supervisor still owes the requester a repair or an answer. */
export const OPEN_STATUSES: readonly RepairStatus[] = ['received', 'in-repair', 'waiting-parts', 'refused'];

/** Done, waiting for the requester's signature on the paper card. */
export const AWAITING_SIGN_OFF_STATUSES: readonly RepairStatus[] = ['repaired', 'suggestion-given'];

/**
 * Statuses in which the 24-hour clock runs (it is paused while waiting for parts and absent
 * while refused), so the only ones that can be overdue.
 */
export const CLOCK_STATUSES: readonly RepairStatus[] = ['received', 'in-repair'];

export function isRepairStatus(value: unknown): value is RepairStatus {
  return typeof value === 'string' && (REPAIR_STATUSES as readonly string[]).includes(value);
}

/**
 * Whether a card shows as overdue in the list at `now`: its clock runs and its due time passed.
 * (A card reopened after "repaired" keeps the due time its first repair was held to.)
 */
export function isOverdue(card: { status: RepairStatus; slaDueAt: string | null }, now: Date): boolean {
  return (
    CLOCK_STATUSES.includes(card.status) &&
    card.slaDueAt !== null &&
    Date.parse(card.slaDueAt) < now.getTime()
  );
}
