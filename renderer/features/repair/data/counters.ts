// Totals for the dashboard and the list header, read without counting 200,000 cards: per-status
// counts kept on every write (derived.ts), plus the overdue count, which moves with the clock
// and so is counted live over the small [status+slaDueAt] range of running clocks.
import Dexie from 'dexie';
import {
  AWAITING_SIGN_OFF_STATUSES,
  CLOCK_STATUSES,
  OPEN_STATUSES,
} from '../../../../shared/repair/status-groups';
import type { RepairStatus } from '../../../../shared/repair/workflow';
import { REPAIR_STATUSES, type RepairCard } from '../../../../shared/schemas';
import { isListed } from '../../../../shared/sync/arrival';
import type { NetdeskDb } from '../../../db/schema';
import { storedStatusCounts } from './derived';

export interface RepairCounters {
  /** Live cards in each status. */
  byStatus: Record<RepairStatus, number>;
  /** All live cards. */
  total: number;
  /** Received, in repair, waiting for parts or refused: work still owed. */
  open: number;
  /** Repaired or answered, waiting for the requester's signature. */
  awaitingSignOff: number;
  /** Open cards whose 24-hour clock ran out before `now`. */
  overdue: number;
}

/** Live cards of the running-clock statuses whose due time is before `now` (small by nature). */
export function overdueCollections(
  db: NetdeskDb,
  now: Date,
  statuses: readonly RepairStatus[] = CLOCK_STATUSES,
) {
  const nowIso = now.toISOString();
  return statuses
    .filter((s) => CLOCK_STATUSES.includes(s))
    .map((s) =>
      db.repairCards
        .where('[status+slaDueAt]')
        .between([s, Dexie.minKey], [s, nowIso], true, false)
        .filter((c: RepairCard) => isListed(c)),
    );
}

export async function readRepairCounters(db: NetdeskDb, now: Date): Promise<RepairCounters> {
  const stored = await storedStatusCounts(db);
  const byStatus = Object.fromEntries(REPAIR_STATUSES.map((s) => [s, stored.get(s) ?? 0])) as Record<
    RepairStatus,
    number
  >;
  const sum = (list: readonly RepairStatus[]) => list.reduce((n, s) => n + byStatus[s], 0);
  const overdueCounts = await Promise.all(overdueCollections(db, now).map((c) => c.count()));
  return {
    byStatus,
    total: sum(REPAIR_STATUSES),
    open: sum(OPEN_STATUSES),
    awaitingSignOff: sum(AWAITING_SIGN_OFF_STATUSES),
    overdue: overdueCounts.reduce((a, b) => a + b, 0),
  };
}
