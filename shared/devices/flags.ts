// The dashboard's two device flags: warranty ending within 30 days, and
// devices with three or more repair cards received in the last 90 days. Pure, so the thresholds
// are tested without a screen. Calendar days are China days (shared/time/china.ts).
import type { Device } from '../schemas';
import { isListed } from '../sync/arrival';
import { chinaDay, daysBetween } from '../time/china';

export const WARRANTY_WARNING_DAYS = 30;
export const REPEAT_REPAIR_WINDOW_DAYS = 90;
export const REPEAT_REPAIR_MIN_CARDS = 3;

const DAY_MS = 24 * 3600 * 1000;

export interface WarrantyFlag {
  device: Device;
  /** 0 = ends today. */
  daysLeft: number;
}

/**
 * Devices in use or spare whose warranty ends today or within the next `days` days, soonest
 * first. Retired devices and deleted records are left out: no one renews their warranty; so are
 * devices sync delivered only in part.
 */
export function warrantyEndingSoon(
  devices: readonly Device[],
  now: Date,
  days = WARRANTY_WARNING_DAYS,
): WarrantyFlag[] {
  const today = chinaDay(now);
  const flags: WarrantyFlag[] = [];
  for (const device of devices) {
    if (!isListed(device) || device.status === 'retired' || !device.warrantyEnd) continue;
    const daysLeft = daysBetween(today, device.warrantyEnd);
    if (daysLeft >= 0 && daysLeft <= days) flags.push({ device, daysLeft });
  }
  return flags.sort((a, b) => a.daysLeft - b.daysLeft || a.device.assetTag.localeCompare(b.device.assetTag));
}

/** The start of the repeat-repair window as an ISO instant, for an indexed range on receivedAt. */
export function repeatRepairSince(now: Date, days = REPEAT_REPAIR_WINDOW_DAYS): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

export interface RepeatRepairFlag {
  deviceId: string;
  cards: number;
  lastReceivedAt: string;
}

/**
 * Devices with at least `min` live repair cards received at or after `since` (ISO instant),
 * most cards first. Cards without a device are not counted.
 */
export function frequentlyRepaired(
  cards: readonly { deviceId: string | null; receivedAt: string; deletedAt?: string | null }[],
  since: string,
  min = REPEAT_REPAIR_MIN_CARDS,
): RepeatRepairFlag[] {
  const sinceMs = Date.parse(since);
  const byDevice = new Map<string, RepeatRepairFlag>();
  for (const card of cards) {
    if (!card.deviceId || card.deletedAt || Date.parse(card.receivedAt) < sinceMs) continue;
    const flag = byDevice.get(card.deviceId) ?? { deviceId: card.deviceId, cards: 0, lastReceivedAt: '' };
    flag.cards += 1;
    if (card.receivedAt > flag.lastReceivedAt) flag.lastReceivedAt = card.receivedAt;
    byDevice.set(card.deviceId, flag);
  }
  return [...byDevice.values()]
    .filter((f) => f.cards >= min)
    .sort((a, b) => b.cards - a.cards || b.lastReceivedAt.localeCompare(a.lastReceivedAt));
}
