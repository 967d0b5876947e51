// From a problem found by a routine check to a repair card in one step: what the new card is
// prefilled with. The card is about the item's device (or the one device the check covered), its
// fault text is the item's wording and the note written at the check, and it is asked for by the
// device's user — or, for a server or camera nobody sits at, by the supervisor who found it.
import type { FAULT_CATEGORIES } from '../schemas/records';
import type { Device, RoutineCheck } from '../schemas';

export interface RepairPrefill {
  deviceId: string | null;
  requesterId: string | null;
  requesterName: string;
  departmentId: string | null;
  faultCategory: (typeof FAULT_CATEGORIES)[number];
  description: string;
  fromCheckId: string;
}

export type LinkRefusal = 'no-item' | 'not-a-problem' | 'already-linked';

/** Why a card may not be opened from this item, or null when it may. */
export function linkRefusal(check: RoutineCheck, itemIndex: number): LinkRefusal | null {
  const item = check.items?.[itemIndex];
  if (!item) return 'no-item';
  if (item.result !== 'problem') return 'not-a-problem';
  if (item.repairCardId) return 'already-linked';
  return null;
}

/** The device a problem item is about: its own, else the only device the check covered. */
export function itemDeviceId(check: RoutineCheck, itemIndex: number): string | null {
  const item = check.items?.[itemIndex];
  return item?.deviceId ?? (check.deviceIds.length === 1 ? check.deviceIds[0]! : null);
}

export function repairPrefill(
  check: RoutineCheck,
  itemIndex: number,
  device: Pick<Device, 'id' | 'userPersonId' | 'departmentId'> | null,
  operator: string,
): RepairPrefill {
  const item = check.items[itemIndex]!;
  const description = [item.label, item.note]
    .filter((s) => s.trim())
    .join('：')
    .slice(0, 2000);
  return {
    deviceId: device?.id ?? null,
    requesterId: device?.userPersonId ?? null,
    requesterName: device?.userPersonId ? '' : operator.trim() || check.by.trim() || '网络主管',
    departmentId: device?.departmentId ?? null,
    faultCategory: device ? 'hardware' : 'other',
    description,
    fromCheckId: check.id,
  };
}
