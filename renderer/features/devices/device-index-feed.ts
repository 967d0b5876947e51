// Keeps the device list's search index (shared/devices/device-list.ts) current without reading
// the whole ledger again: the first open reads every device and builds the index; after that
// Dexie's change notice ('storagemutated', fired once a write commits, in this window or another)
// names the devices written, only those are read back (bulkGet) and patched in, and a renamed
// person or department patches the rows that show the name. A notice that names a range instead
// of keys (a restore clears the table) or too many keys reads everything again.
import { Dexie, RangeSet, cmp, type IntervalTree, type ObservabilitySet } from 'dexie';
import {
  buildDeviceIndex,
  updateDeviceIndex,
  type DeviceIndex,
  type NamedRecord,
} from '../../../shared/devices/device-list';
import type { Device } from '../../../shared/schemas';
import type { NetdeskDb } from '../../db/schema';

/** What the index needs of the directory: a name per person and per department, by id. */
export interface DeviceNames {
  personById: ReadonlyMap<string, NamedRecord>;
  departmentById: ReadonlyMap<string, NamedRecord>;
}

/** Past this many devices written at once, one read of the table beats reading them by key. */
const READ_ALL_AT = 2000;

/** Ids whose name differs between two snapshots of a directory map (added and removed ones too). */
function renamed(before: ReadonlyMap<string, NamedRecord>, after: ReadonlyMap<string, NamedRecord>) {
  const ids = new Set<string>();
  for (const [id, record] of after) if (before.get(id)?.name !== record.name) ids.add(id);
  for (const id of before.keys()) if (!after.has(id)) ids.add(id);
  return ids;
}

/**
 * The primary keys a change notice names for one table, or 'all' when it names a range (or
 * nothing is known of the keys). Dexie records each written key as a one-key range.
 */
export function writtenKeys(tree: IntervalTree | undefined): Set<string> | 'all' {
  const keys = new Set<string>();
  if (!tree) return keys;
  for (const range of RangeSet(tree)) {
    if (typeof range.from !== 'string' || cmp(range.from, range.to) !== 0) return 'all';
    keys.add(range.from);
  }
  return keys;
}

export class DeviceIndexFeed {
  private index: DeviceIndex | undefined;
  /** The names the index was last built or patched with. */
  private indexedNames: DeviceNames | undefined;
  private names: DeviceNames | undefined;
  private readAll = true;
  private written = new Set<string>();
  private running = false;
  private stopped = false;
  private readonly part: string;

  constructor(
    private readonly db: NetdeskDb,
    private readonly onIndex: (index: DeviceIndex) => void,
    private readonly onError: (err: unknown) => void = (err) => console.error('device index', err),
  ) {
    this.part = `idb://${db.name}/devices/`;
  }

  start(): void {
    Dexie.on('storagemutated', this.onMutated);
    void this.pump();
  }

  stop(): void {
    this.stopped = true;
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
  }

  /** The directory as it is now; the index follows its names. */
  setNames(names: DeviceNames): void {
    this.names = names;
    void this.pump();
  }

  private readonly onMutated = (parts: ObservabilitySet) => {
    if (!(this.part in parts)) return;
    const keys = writtenKeys(parts[this.part]);
    if (keys === 'all') this.readAll = true;
    else for (const key of keys) this.written.add(key);
    if (this.written.size > READ_ALL_AT) this.readAll = true;
    void this.pump();
  };

  /** One read at a time; notices that arrive meanwhile are taken by the next turn of the loop. */
  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.stopped && this.names && this.hasWork()) await this.turn(this.names);
    } catch (err) {
      // Read everything on the next notice: what this turn missed is unknown.
      this.readAll = true;
      this.onError(err);
    } finally {
      this.running = false;
    }
  }

  private hasWork(): boolean {
    return this.readAll || !this.index || this.written.size > 0 || this.names !== this.indexedNames;
  }

  private async turn(names: DeviceNames): Promise<void> {
    const before = this.index;
    if (this.readAll || !this.index || !this.indexedNames) {
      this.readAll = false;
      this.written.clear();
      const devices = await this.db.devices.toArray();
      if (this.stopped) return;
      this.index = buildDeviceIndex(devices, names.personById, names.departmentById);
    } else {
      const ids = [...this.written];
      this.written.clear();
      const read = ids.length > 0 ? await this.db.devices.bulkGet(ids) : [];
      if (this.stopped) return;
      // A full read was asked for while this one ran: it supersedes this patch.
      if (this.readAll) return;
      const devices: Device[] = [];
      const removedDeviceIds: string[] = [];
      read.forEach((device, i) => (device ? devices.push(device) : removedDeviceIds.push(ids[i]!)));
      this.index = updateDeviceIndex(
        this.index,
        {
          devices,
          removedDeviceIds,
          personIds: renamed(this.indexedNames.personById, names.personById),
          departmentIds: renamed(this.indexedNames.departmentById, names.departmentById),
        },
        names.personById,
        names.departmentById,
      );
    }
    this.indexedNames = names;
    if (this.index !== before) this.onIndex(this.index);
  }
}
