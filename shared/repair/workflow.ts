// The repair-card workflow as a table: which event may happen in which status,
// and the status it leads to. Screens offer only the allowed actions; the repository's callers
// check here before writing, so an approval without a refusal can never be recorded.
import type { REPAIR_STATUSES } from '../schemas/records';
import { REPAIR_EVENT_TYPES } from '../schemas/records';

export type RepairStatus = (typeof REPAIR_STATUSES)[number];
export type RepairEventType = (typeof REPAIR_EVENT_TYPES)[number];

/** Events that do not change the status and are allowed on any open card. */
const SIDE_EVENTS: ReadonlySet<RepairEventType> = new Set(['note', 'vendor-contact', 'head-signed']);

const TRANSITIONS: Partial<Record<RepairStatus, Partial<Record<RepairEventType, RepairStatus>>>> = {
  received: {
    started: 'in-repair',
    'part-ordered': 'waiting-parts',
    repaired: 'repaired',
    'suggestion-given': 'suggestion-given',
    refused: 'refused',
  },
  'in-repair': {
    'part-ordered': 'waiting-parts',
    repaired: 'repaired',
    'suggestion-given': 'suggestion-given',
    refused: 'refused',
  },
  'waiting-parts': {
    'part-arrived': 'in-repair',
    'part-ordered': 'waiting-parts',
    'suggestion-given': 'suggestion-given',
  },
  refused: {
    approved: 'in-repair',
    'approval-denied': 'refused',
    closed: 'closed',
  },
  repaired: { 'signed-off': 'signed-off', started: 'in-repair' },
  'suggestion-given': { 'signed-off': 'signed-off', started: 'in-repair', 'part-ordered': 'waiting-parts' },
  'signed-off': { closed: 'closed' },
  closed: {},
};

export type TransitionResult =
  | { ok: true; status: RepairStatus }
  | { ok: false; reason: 'not-allowed'; from: RepairStatus; event: RepairEventType };

/** The status after `event` happens on a card in `from`, or why it may not happen. */
export function applyRepairEvent(from: RepairStatus, event: RepairEventType): TransitionResult {
  if (event === 'received') return { ok: false, reason: 'not-allowed', from, event };
  if (SIDE_EVENTS.has(event) && from !== 'closed') return { ok: true, status: from };
  const to = TRANSITIONS[from]?.[event];
  return to ? { ok: true, status: to } : { ok: false, reason: 'not-allowed', from, event };
}

/** The actions a screen should offer on a card in `status`. */
export function allowedRepairEvents(status: RepairStatus): RepairEventType[] {
  return REPAIR_EVENT_TYPES.filter((e) => applyRepairEvent(status, e).ok);
}

/** Replay a whole timeline from "received"; the first event that may not happen is reported. */
export function replayRepairEvents(
  events: readonly { type: RepairEventType }[],
):
  | { ok: true; status: RepairStatus }
  | { ok: false; index: number; from: RepairStatus; event: RepairEventType } {
  let status: RepairStatus = 'received';
  for (const [index, e] of events.entries()) {
    if (e.type === 'received' && index === 0) continue;
    const r = applyRepairEvent(status, e.type);
    if (!r.ok) return { ok: false, index, from: status, event: e.type };
    status = r.status;
  }
  return { ok: true, status };
}

/**
 * The step the workflow expects next on a card in `status`: the one a screen highlights. Not the
 * first allowed one: after 配件到货 the card is back in repair and the expected step is 修好, not
 * another 订配件. A refused card waits for the leaders' decision (nothing is highlighted) until
 * they have said no, when closing the case is what remains. `history` is the card's timeline.
 */
export function expectedRepairEvent(
  status: RepairStatus,
  history: readonly { type: RepairEventType }[] = [],
): RepairEventType | null {
  switch (status) {
    case 'received':
      return 'started';
    case 'in-repair':
      return 'repaired';
    case 'waiting-parts':
      return 'part-arrived';
    case 'repaired':
    case 'suggestion-given':
      return 'signed-off';
    case 'signed-off':
      return 'closed';
    case 'refused': {
      const decision = history.findLast((e) => e.type === 'approved' || e.type === 'approval-denied');
      return decision?.type === 'approval-denied' ? 'closed' : null;
    }
    case 'closed':
      return null;
  }
}
