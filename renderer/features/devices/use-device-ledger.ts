// What the device screens read: every device joined with the directory into the searchable
// index (shared/devices/device-list.ts), rebuilt only when a device, person or department
// changes, never per keystroke; and the write context (ledger, operator, clock).
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { buildDeviceIndex, type DeviceIndex } from '../../../shared/devices/device-list';
import type { Device } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { useSettingsStore } from '../../store/settings';
import { useDirectory, type Directory } from '../people/directory';
import type { DeviceContext } from './device-writes';

export interface DeviceLedger {
  index: DeviceIndex;
  directory: Directory;
  /** Every device by id, deleted ones too, so an old link still names its device. */
  all: Map<string, Device>;
}

export function useDeviceLedger(): DeviceLedger | undefined {
  const { db } = useLedger();
  const directory = useDirectory();
  const devices = useLiveQuery(() => db.devices.toArray(), [db]);
  return useMemo(() => {
    if (!directory || !devices) return undefined;
    return {
      index: buildDeviceIndex(devices, directory.personById, directory.departmentById),
      directory,
      all: new Map(devices.map((d) => [d.id, d])),
    };
  }, [directory, devices]);
}

export function useDeviceContext(): DeviceContext {
  const { db, repo } = useLedger();
  const operator = useSettingsStore((s) => s.settings.operatorName);
  return useMemo(() => ({ db, repo, operator, now: () => new Date() }), [db, repo, operator]);
}
