// What the device screens read: every device joined with the directory into the searchable
// index (shared/devices/device-list.ts), built once when the screen opens and then patched with
// only the devices, people and departments that change (device-index-feed.ts), never per
// keystroke; and the write context (ledger, operator, clock).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DeviceIndex } from '../../../shared/devices/device-list';
import type { Device } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import type { NetdeskDb } from '../../db/schema';
import { useSettingsStore } from '../../store/settings';
import { useDirectory, type Directory } from '../../directory/directory';
import { DeviceIndexFeed } from './device-index-feed';
import type { DeviceContext } from './data';

export interface DeviceLedger {
  index: DeviceIndex;
  directory: Directory;
  /** Every device by id, deleted ones too, so an old link still names its device. */
  all: Map<string, Device>;
}

export function useDeviceLedger(): DeviceLedger | undefined {
  const { db } = useLedger();
  const directory = useDirectory();
  const [indexed, setIndexed] = useState<{ db: NetdeskDb; index: DeviceIndex }>();
  const feed = useRef<DeviceIndexFeed | null>(null);

  useEffect(() => {
    const current = new DeviceIndexFeed(db, (index) => setIndexed({ db, index }));
    feed.current = current;
    current.start();
    return () => {
      current.stop();
      feed.current = null;
    };
  }, [db]);
  // Declared after the feed's effect, so a new ledger's feed exists before it is given names.
  useEffect(() => {
    if (directory) feed.current?.setNames(directory);
  }, [directory, db]);

  return useMemo(() => {
    if (!directory || !indexed || indexed.db !== db) return undefined;
    return { index: indexed.index, directory, all: indexed.index.all };
  }, [directory, indexed, db]);
}

export function useDeviceContext(): DeviceContext {
  const { db, repo } = useLedger();
  const operator = useSettingsStore((s) => s.settings.operatorName);
  return useMemo(() => ({ db, repo, operator, now: () => new Date() }), [db, repo, operator]);
}
