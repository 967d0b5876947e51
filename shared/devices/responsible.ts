// The responsible-person rule: a computer belongs to its user; a printer or
// other peripheral attached to a computer is the responsibility of that computer's user. It is
// derived when read, never copied, so it follows the computer when the computer changes hands.
// Every place that shows or prints a responsible person asks here (responsiblePerson, or
// responsibleName with a name lookup), and a reader that loads only some records loads the host
// the rule reads (hostIdOf) along with the device.
import type { DEVICE_TYPES } from '../schemas/records';

export type DeviceType = (typeof DEVICE_TYPES)[number];

/** The fields of a device the rule needs. */
export interface DeviceLink {
  id: string;
  type: DeviceType;
  assetTag: string;
  userPersonId: string | null;
  attachedToDeviceId: string | null;
}

/** Device types that are attached to a computer and follow its user. */
export const ATTACHABLE_TYPES: ReadonlySet<DeviceType> = new Set(['printer', 'peripheral']);

/**
 * What each attachable type may hang on: printers and peripherals on a computer (the seed's rule),
 * and CCTV cameras on their recorder, whose custodian then answers for them the same way.
 */
const HOST_TYPE: Partial<Record<DeviceType, DeviceType>> = {
  printer: 'computer',
  peripheral: 'computer',
  'cctv-camera': 'cctv-recorder',
};

export type ResponsibleReason =
  /** The computer's (or other device's) own user or custodian. */
  | 'user'
  /** A peripheral attached to a computer: that computer's user. */
  | 'attached'
  /** No one recorded. */
  | 'none';

export interface Responsible {
  personId: string | null;
  reason: ResponsibleReason;
  /** For 'attached': the computer it hangs on. */
  viaDevice?: { id: string; assetTag: string };
}

export function responsiblePerson(
  device: DeviceLink,
  lookup: (id: string) => DeviceLink | undefined,
): Responsible {
  const hostType = HOST_TYPE[device.type];
  if (hostType && device.attachedToDeviceId) {
    const host = lookup(device.attachedToDeviceId);
    if (host && host.type === hostType) {
      return host.userPersonId
        ? {
            personId: host.userPersonId,
            reason: 'attached',
            viaDevice: { id: host.id, assetTag: host.assetTag },
          }
        : { personId: null, reason: 'none', viaDevice: { id: host.id, assetTag: host.assetTag } };
    }
  }
  return device.userPersonId
    ? { personId: device.userPersonId, reason: 'user' }
    : { personId: null, reason: 'none' };
}

/**
 * The device whose user answers for `device` when it is attached to one (a printer's computer), or
 * null: what a reader must load besides the device to apply the rule.
 */
export function hostIdOf(device: Pick<DeviceLink, 'type' | 'attachedToDeviceId'>): string | null {
  return HOST_TYPE[device.type] ? device.attachedToDeviceId : null;
}

/** The responsible person's name by the rule ('' when none is recorded or the name is unknown). */
export function responsibleName(
  device: DeviceLink,
  lookup: (id: string) => DeviceLink | undefined,
  nameOf: (personId: string) => string | undefined,
): string {
  const { personId } = responsiblePerson(device, lookup);
  return (personId && nameOf(personId)) || '';
}

export type AttachmentProblem =
  'attached-to-itself' | 'only-peripherals-attach' | 'host-not-a-computer' | 'host-not-found';

/** Why `device` may not be attached to `hostId`, or null when it may. */
export function attachmentProblem(
  device: Pick<DeviceLink, 'id' | 'type'>,
  hostId: string | null,
  lookup: (id: string) => DeviceLink | undefined,
): AttachmentProblem | null {
  if (!hostId) return null;
  if (hostId === device.id) return 'attached-to-itself';
  const hostType = HOST_TYPE[device.type];
  if (!hostType) return 'only-peripherals-attach';
  const host = lookup(hostId);
  if (!host) return 'host-not-found';
  if (host.type !== hostType) return 'host-not-a-computer';
  return null;
}
