// One timeline per asset card: its repair cards, the purchase evaluations that ask
// to replace it or that bought it, and its handovers, newest first. Pure: the drawer passes the
// records it read. Records sync delivered only in part are left out until whole. Routine checks
// join later as another entry kind.
import type { DeviceHandover, PurchaseEvaluation } from '../schemas';
import { isListed } from '../sync/arrival';

/** What the timeline needs of a repair card (the repair screens own the card itself). */
export interface TimelineCard {
  id: string;
  cardNo: string;
  deviceId: string | null;
  receivedAt: string;
  status: string;
  description: string;
  createdAt?: string | null;
  deletedAt?: string | null;
}

export type TimelineEntry =
  | { kind: 'repair'; at: string; card: TimelineCard }
  | { kind: 'handover'; at: string; handover: DeviceHandover }
  /** An evaluation asking to replace this device. */
  | { kind: 'replacement-requested'; at: string; evaluation: PurchaseEvaluation }
  /** The evaluation this device was bought on. */
  | { kind: 'bought'; at: string; evaluation: PurchaseEvaluation };

/** A calendar day ('YYYY-MM-DD', Asia/Shanghai) as the instant it starts, to sort with times. */
function dayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

export function buildDeviceTimeline(
  deviceId: string,
  records: {
    cards: readonly TimelineCard[];
    handovers: readonly DeviceHandover[];
    evaluations: readonly PurchaseEvaluation[];
  },
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const card of records.cards) {
    if (card.deviceId === deviceId && isListed(card))
      entries.push({ kind: 'repair', at: card.receivedAt, card });
  }
  for (const handover of records.handovers) {
    if (handover.deviceId === deviceId && isListed(handover)) {
      entries.push({ kind: 'handover', at: new Date(handover.at).toISOString(), handover });
    }
  }
  for (const evaluation of records.evaluations) {
    if (!isListed(evaluation)) continue;
    if (evaluation.replacesDeviceId === deviceId) {
      entries.push({ kind: 'replacement-requested', at: dayStart(evaluation.requestedOn), evaluation });
    }
    if (evaluation.boughtDeviceId === deviceId) {
      entries.push({
        kind: 'bought',
        at: dayStart(evaluation.decidedOn ?? evaluation.requestedOn),
        evaluation,
      });
    }
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at));
}
