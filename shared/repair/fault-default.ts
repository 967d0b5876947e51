// The fault category a new card starts with, from the device it is about: a printer's card is a
// printer fault (打印机故障), a switch's a network fault; the supervisor changes it when it is not.
import type { DEVICE_TYPES } from '../schemas/records';

type DeviceType = (typeof DEVICE_TYPES)[number];
import type { FaultCategory } from './status-groups';

const BY_DEVICE_TYPE: Record<DeviceType, FaultCategory> = {
  computer: 'hardware',
  printer: 'printer',
  peripheral: 'hardware',
  server: 'hardware',
  switch: 'network',
  router: 'network',
  firewall: 'network',
  'cctv-camera': 'hardware',
  'cctv-recorder': 'hardware',
  'video-conference': 'hardware',
  other: 'hardware',
};

/** The category a card for a device of `type` defaults to; with no device, a hardware fault. */
export function defaultFaultCategory(type: DeviceType | null | undefined): FaultCategory {
  return type ? BY_DEVICE_TYPE[type] : 'hardware';
}
