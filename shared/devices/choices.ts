// How a device is offered as a choice, the same in every picker and list: its label, and the
// devices a requester is responsible for listed apart from the rest (a printer is the requester's
// when its computer is, as responsiblePerson says).
import type { Device } from '../schemas';
import { hasArrived, isListed } from '../sync/arrival';
import { responsiblePerson } from './responsible';

/** The tag and the name, as the device screens show a device: 'PC-CW-01  财务部张伟的电脑'. */
export function deviceLabel(device: Pick<Device, 'assetTag' | 'name'>): string {
  return device.name ? `${device.assetTag}  ${device.name}` : device.assetTag;
}

/** A device as a repair choice: the name, or the brand and model when it has none: 'PC-CW-01  联想 ThinkCentre M920t'. */
export function deviceChoiceLabel(d: Pick<Device, 'assetTag' | 'name' | 'brand' | 'model'>): string {
  const what = d.name || [d.brand, d.model].filter(Boolean).join(' ');
  return what ? `${d.assetTag}  ${what}` : d.assetTag;
}

/** The live devices split into the requester's own and the others; all are "others" without one. */
export function devicesForRequester(
  devices: readonly Device[],
  requesterId: string | null,
): { mine: Device[]; others: Device[] } {
  const live = devices.filter(isListed);
  if (!requesterId) return { mine: [], others: live };
  const byId = new Map(devices.filter(hasArrived).map((d) => [d.id, d]));
  const isMine = (d: Device) => responsiblePerson(d, (id) => byId.get(id)).personId === requesterId;
  return { mine: live.filter(isMine), others: live.filter((d) => !isMine(d)) };
}
