// The device list as the supervisor searches it: every asset card joined once with its
// responsible person (derived by the seed's rule, responsible.ts), its department and the
// computer it hangs on, plus a folded search text per device. Built once when the list opens and
// then kept current change by change (updateDeviceIndex): a write touches a few rows, not the
// 20,000, and each keystroke is a plain scan of short strings. The responsible person is found by
// name in characters, full pinyin or initials (shared/search/pinyin.ts).
// Pure: the renderer feeds it the records it read; the admin secret never enters the search text.
import type { Device } from '../schemas';
import { pinyinKeys, pinyinQuery } from '../search/pinyin';
import { hasArrived, isListed } from '../sync/arrival';
import type { DeviceType } from './responsible';
import { responsiblePerson, type DeviceLink, type Responsible } from './responsible';
import { foldKey, foldText } from '../text/fold';

export type DeviceStatus = Device['status'];

/** What the list needs of a person or a department: a name, and whether it was deleted. */
export interface NamedRecord {
  id: string;
  name: string;
  deletedAt?: string | null;
}

export interface DeviceRow {
  device: Device;
  responsible: Responsible;
  /** Name of the responsible person ('' when none or unknown). */
  responsibleName: string;
  departmentName: string;
  /** Lower-case, width-folded text of every searchable field, joined by a separator. */
  searchText: string;
  /** The asset tag as a key (foldKey), as a scanner's input is folded: the key of `byTag`. */
  tagKey: string;
}

export interface DeviceIndex {
  rows: DeviceRow[];
  byId: Map<string, DeviceRow>;
  /** Listed devices by folded asset tag: a scanned label opens its device at once. */
  byTag: Map<string, DeviceRow>;
  /** Listed printers and peripherals attached to each computer, by the computer's id, by tag. */
  attachedTo: Map<string, Device[]>;
  /** Every device read, by id: deleted and partly delivered ones too, so old links name their device. */
  all: Map<string, Device>;
}

export interface DeviceFilter {
  query: string;
  type: DeviceType | null;
  status: DeviceStatus | null;
  /** A department id, NO_DEPARTMENT, or null for all. */
  departmentId: string | null;
}

/** Filter value for "devices without a department". */
export const NO_DEPARTMENT = '__none__';

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Rows by asset tag as a person reads it (PC-2 before PC-10); equal tags by id, so the order is total. */
function compareRows(a: DeviceRow, b: DeviceRow): number {
  return compareDevices(a.device, b.device);
}

function compareDevices(a: Device, b: Device): number {
  return collator.compare(a.assetTag, b.assetTag) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The host lookup of the responsible-person rule: deleted hosts still count (the printer keeps
 * naming the computer it was on), hosts sync delivered only in part do not (no tag, no user yet).
 */
function lookupIn(all: ReadonlyMap<string, Device>): (id: string) => DeviceLink | undefined {
  return (id) => {
    const device = all.get(id);
    return hasArrived(device) ? device : undefined;
  };
}

function deviceRow(
  device: Device,
  lookup: (id: string) => DeviceLink | undefined,
  people: ReadonlyMap<string, NamedRecord>,
  departments: ReadonlyMap<string, NamedRecord>,
): DeviceRow {
  const responsible = responsiblePerson(device, lookup);
  const responsibleName = responsible.personId ? (people.get(responsible.personId)?.name ?? '') : '';
  const departmentName = device.departmentId ? (departments.get(device.departmentId)?.name ?? '') : '';
  const searchText = foldText(
    [
      device.assetTag,
      device.name,
      device.brand,
      device.model,
      device.serialNo,
      device.ip,
      device.mac,
      device.location,
      responsibleName,
      // "zw" or "zhangwei" finds 张伟's computer and the printers that follow it.
      pinyinKeys(responsibleName, 'name'),
      responsible.viaDevice?.assetTag ?? '',
    ].join('\u0001'),
  );
  return {
    device,
    responsible,
    responsibleName,
    departmentName,
    searchText,
    tagKey: foldKey(device.assetTag),
  };
}

/**
 * Join devices with people and departments. `devices` may hold deleted records and records sync
 * delivered only in part (kept for lookups, so a card pointing at a deleted computer still shows
 * its tag), but only listed ones (shared/sync/arrival.ts) become rows. The result does not depend
 * on the order of `devices`: rows are sorted by asset tag, then id; of two live devices with the
 * same tag (sync can bring them) a scan finds the one with the greater id.
 */
export function buildDeviceIndex(
  devices: Iterable<Device>,
  people: ReadonlyMap<string, NamedRecord>,
  departments: ReadonlyMap<string, NamedRecord>,
): DeviceIndex {
  const all = new Map<string, Device>();
  for (const d of devices) all.set(d.id, d);
  const lookup = lookupIn(all);

  const rows: DeviceRow[] = [];
  const byId = new Map<string, DeviceRow>();
  for (const device of all.values()) {
    if (!isListed(device)) continue;
    const row = deviceRow(device, lookup, people, departments);
    rows.push(row);
    byId.set(device.id, row);
  }
  rows.sort(compareRows);
  const byTag = new Map<string, DeviceRow>();
  const attachedTo = new Map<string, Device[]>();
  for (const row of rows) {
    claimTag(byTag, row);
    const hostId = row.device.attachedToDeviceId;
    if (hostId) {
      const list = attachedTo.get(hostId);
      if (list) list.push(row.device);
      else attachedTo.set(hostId, [row.device]);
    }
  }
  return { rows, byId, byTag, attachedTo, all };
}

function claimTag(byTag: Map<string, DeviceRow>, row: DeviceRow): void {
  const holder = byTag.get(row.tagKey);
  if (!holder || row.device.id > holder.device.id) byTag.set(row.tagKey, row);
}

/** Up to this many rows in and out, moving each (a binary search and a memmove) beats a pass over the list. */
const SPLICE_MAX = 32;

/** Sorted `rows` without `removed` and with `added`, in order; `rows` itself is left alone. */
function patchRows(rows: readonly DeviceRow[], removed: DeviceRow[], added: DeviceRow[]): DeviceRow[] {
  if (removed.length + added.length <= SPLICE_MAX) {
    // Each found by a binary search: the order is total, so a row's place is exact.
    const out = rows.slice();
    for (const row of removed) out.splice(insertionPoint(out, row), 1);
    for (const row of added) out.splice(insertionPoint(out, row), 0, row);
    return out;
  }
  const leaving = new Set(removed);
  const kept = rows.filter((row) => !leaving.has(row));
  added.sort(compareRows);
  const places = added.map((row) => insertionPoint(kept, row));
  const out: DeviceRow[] = [];
  let from = 0;
  added.forEach((row, i) => {
    for (const place = places[i]!; from < place; from++) out.push(kept[from]!);
    out.push(row);
  });
  for (; from < kept.length; from++) out.push(kept[from]!);
  return out;
}

/** The index in sorted `rows` before which `row` goes. */
function insertionPoint(rows: readonly DeviceRow[], row: DeviceRow): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareRows(rows[mid]!, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What changed in the ledger since an index was built. */
export interface DeviceIndexChanges {
  /** Devices written since, as they are now (a deleted one carries deletedAt). */
  devices?: readonly Device[];
  /** Devices gone from the table altogether. */
  removedDeviceIds?: readonly string[];
  /** People whose name may have changed (or who were added or removed). */
  personIds?: ReadonlySet<string>;
  /** Departments whose name may have changed. */
  departmentIds?: ReadonlySet<string>;
}

/**
 * Past this share of the list, rebuilding is cheaper than patching (a patch costs a row's join
 * plus a pass over the list; a rebuild, a join per device and one sort).
 */
const PATCH_SHARE = 0.25;

/**
 * The index after `changes`, exactly as buildDeviceIndex would make it from the changed ledger,
 * computing only the rows the changes touch: the changed devices, the printers and peripherals
 * attached to them (their responsible person and search text follow the computer), and the rows
 * naming a changed person or department. Rows nothing touched are the same objects as before.
 * The new index takes over the maps of the given one (copying four maps of 20,000 entries would
 * cost more than the change itself): read only the index returned.
 */
export function updateDeviceIndex(
  index: DeviceIndex,
  changes: DeviceIndexChanges,
  people: ReadonlyMap<string, NamedRecord>,
  departments: ReadonlyMap<string, NamedRecord>,
): DeviceIndex {
  const { all, byId, byTag, attachedTo } = index;
  const affected = new Set<string>();
  const touchDevice = (id: string) => {
    affected.add(id);
    for (const attached of attachedTo.get(id) ?? []) affected.add(attached.id);
  };
  for (const device of changes.devices ?? []) {
    all.set(device.id, device);
    touchDevice(device.id);
  }
  for (const id of changes.removedDeviceIds ?? []) {
    all.delete(id);
    touchDevice(id);
  }
  const personIds = changes.personIds?.size ? changes.personIds : null;
  const departmentIds = changes.departmentIds?.size ? changes.departmentIds : null;
  if (personIds || departmentIds) {
    for (const row of index.rows) {
      if (
        (personIds && row.responsible.personId && personIds.has(row.responsible.personId)) ||
        (departmentIds && row.device.departmentId && departmentIds.has(row.device.departmentId))
      )
        affected.add(row.device.id);
    }
  }
  if (affected.size === 0) return index;
  if (affected.size > Math.max(50, index.rows.length * PATCH_SHARE))
    return buildDeviceIndex(all.values(), people, departments);

  const hosts = new Set<string>();
  const freedTags = new Set<string>();
  const removed: DeviceRow[] = [];
  for (const id of affected) {
    const old = byId.get(id);
    if (!old) continue;
    byId.delete(id);
    removed.push(old);
    if (byTag.get(old.tagKey) === old) {
      byTag.delete(old.tagKey);
      freedTags.add(old.tagKey);
    }
    if (old.device.attachedToDeviceId) hosts.add(old.device.attachedToDeviceId);
  }
  const lookup = lookupIn(all);
  const added: DeviceRow[] = [];
  for (const id of affected) {
    const device = all.get(id);
    if (!device || !isListed(device)) continue;
    const row = deviceRow(device, lookup, people, departments);
    byId.set(id, row);
    added.push(row);
    if (device.attachedToDeviceId) hosts.add(device.attachedToDeviceId);
  }
  const rows = patchRows(index.rows, removed, added);

  // A tag whose holder left goes to another row with the same tag, if one is left.
  if (freedTags.size > 0) {
    for (const row of rows) if (freedTags.has(row.tagKey)) claimTag(byTag, row);
  }
  for (const row of added) claimTag(byTag, row);

  for (const hostId of hosts) {
    const list = (attachedTo.get(hostId) ?? []).filter((d) => !affected.has(d.id));
    for (const row of added) if (row.device.attachedToDeviceId === hostId) list.push(row.device);
    list.sort(compareDevices);
    if (list.length > 0) attachedTo.set(hostId, list);
    else attachedTo.delete(hostId);
  }
  return { rows, byId, byTag, attachedTo, all };
}

/** Rows matching every part of the filter; the query is a substring of any searchable field. */
export function filterDevices(index: DeviceIndex, filter: DeviceFilter): DeviceRow[] {
  const q = foldText(filter.query);
  // "zhang wei" typed with spaces is the pinyin "zhangwei".
  const spaced = pinyinQuery(q);
  const qPinyin = spaced !== null && spaced !== q ? spaced : null;
  const { type, status, departmentId } = filter;
  if (!q && !type && !status && !departmentId) return index.rows;
  return index.rows.filter(
    ({ device, searchText }) =>
      (!type || device.type === type) &&
      (!status || device.status === status) &&
      (!departmentId ||
        (departmentId === NO_DEPARTMENT
          ? device.departmentId === null
          : device.departmentId === departmentId)) &&
      (!q || searchText.includes(q) || (qPinyin !== null && searchText.includes(qPinyin))),
  );
}

/**
 * The device whose asset tag is exactly what was typed or scanned (a label scanner types the tag
 * and Enter), ignoring case, width and surrounding spaces; undefined when none.
 */
export function findByScannedTag(index: DeviceIndex, typed: string): DeviceRow | undefined {
  const q = foldKey(typed);
  return q ? index.byTag.get(q) : undefined;
}

/** The asset card's type-specific fields, shown in the form and the detail by type. */
export interface TypeFields {
  /** IP and MAC address. */
  network: boolean;
  /** Channel count and retention days. */
  recorder: boolean;
  /** "Attached to computer" (printers and peripherals: responsible person follows the computer). */
  attachable: boolean;
}

/** Gear that does not sit on the network by itself: USB scanners, card readers and the like. */
const OFF_NETWORK: ReadonlySet<DeviceType> = new Set(['peripheral']);

export function typeFields(type: DeviceType): TypeFields {
  return {
    network: !OFF_NETWORK.has(type),
    recorder: type === 'cctv-recorder',
    attachable: type === 'printer' || type === 'peripheral',
  };
}
