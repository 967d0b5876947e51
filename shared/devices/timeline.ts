// One timeline per asset card: when it was entered in the register, its repair cards, the
// purchase evaluations that ask to replace it or that bought it, its handovers, and for a printer
// or peripheral the handovers of the computer it is attached to (its responsible person changed
// with them), newest first. Pure: the drawer passes the records it read. Records sync delivered
// only in part are left out until whole. Routine checks join later as another entry kind.
// A device keeps no record of when it was attached, so a host's handovers count from the day the
// device was entered; a printer moved from one computer to another shows its present computer's.
import type { DeviceHandover, PurchaseEvaluation } from '../schemas';
import { isListed } from '../sync/arrival';
import { dayStart as chinaDayStart } from '../time/china';

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
  | { kind: 'bought'; at: string; evaluation: PurchaseEvaluation }
  /** The asset card was entered in the register. */
  | { kind: 'created'; at: string }
  /** The computer this device is attached to changed hands: its responsible person changed too. */
  | { kind: 'host-handover'; at: string; handover: DeviceHandover };

/** What the timeline needs of the device itself. */
export interface TimelineDevice {
  id: string;
  createdAt?: string | null;
  /** The computer it hangs on, whose handovers change its responsible person (hostIdOf). */
  hostId?: string | null;
}

/** A calendar day ('YYYY-MM-DD', China time) as the instant it starts, to sort with times. */
function dayStartIso(day: string): string {
  return chinaDayStart(day).toISOString();
}

export function buildDeviceTimeline(
  device: string | TimelineDevice,
  records: {
    cards: readonly TimelineCard[];
    handovers: readonly DeviceHandover[];
    evaluations: readonly PurchaseEvaluation[];
  },
): TimelineEntry[] {
  const { id: deviceId, createdAt, hostId } = typeof device === 'string' ? { id: device } : device;
  const entries: TimelineEntry[] = [];
  if (createdAt) entries.push({ kind: 'created', at: new Date(createdAt).toISOString() });
  for (const card of records.cards) {
    if (card.deviceId === deviceId && isListed(card))
      entries.push({ kind: 'repair', at: card.receivedAt, card });
  }
  for (const handover of records.handovers) {
    if (!isListed(handover)) continue;
    const at = new Date(handover.at).toISOString();
    if (handover.deviceId === deviceId) entries.push({ kind: 'handover', at, handover });
    else if (
      hostId &&
      handover.deviceId === hostId &&
      (!createdAt || at >= new Date(createdAt).toISOString())
    )
      entries.push({ kind: 'host-handover', at, handover });
  }
  for (const evaluation of records.evaluations) {
    if (!isListed(evaluation)) continue;
    if (evaluation.replacesDeviceId === deviceId) {
      entries.push({ kind: 'replacement-requested', at: dayStartIso(evaluation.requestedOn), evaluation });
    }
    if (evaluation.boughtDeviceId === deviceId) {
      entries.push({
        kind: 'bought',
        at: dayStartIso(evaluation.decidedOn ?? evaluation.requestedOn),
        evaluation,
      });
    }
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at));
}
