// The device list as the supervisor searches it: every asset card joined once with its
// responsible person (derived by the seed's rule, responsible.ts), its department and the
// computer it hangs on, plus a folded search text per device. Built once per ledger change and
// then filtered per keystroke, so a query over 20,000 devices is a plain scan of short strings.
// Pure: the renderer feeds it the records it read; the admin secret never enters the search text.
import type { Device } from '../schemas';
import type { DeviceType } from './responsible';
import { responsiblePerson, type DeviceLink, type Responsible } from './responsible';

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
}

export interface DeviceIndex {
  rows: DeviceRow[];
  byId: Map<string, DeviceRow>;
  /** Live devices by folded asset tag: a scanned label opens its device at once. */
  byTag: Map<string, DeviceRow>;
  /** Live printers and peripherals attached to each computer, by the computer's id. */
  attachedTo: Map<string, Device[]>;
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

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

/**
 * Full-width letters, digits and signs (typed with a Chinese input method) fold to ASCII, and
 * case is ignored. A plain replace rather than String.normalize('NFKC'): NFKC costs ~5 µs a
 * string, a second per rebuild of 20,000 devices' search text, and only the width matters here.
 */
export function foldSearch(value: string): string {
  return value
    .replace(FULL_WIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .toLowerCase()
    .trim();
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Join devices with people and departments. `devices` may hold deleted records (they are kept
 * for lookups, so a card pointing at a deleted computer still shows its tag) but only live ones
 * become rows; rows are sorted by asset tag.
 */
export function buildDeviceIndex(
  devices: readonly Device[],
  people: ReadonlyMap<string, NamedRecord>,
  departments: ReadonlyMap<string, NamedRecord>,
): DeviceIndex {
  const all = new Map<string, Device>();
  for (const d of devices) all.set(d.id, d);
  const lookup = (id: string): DeviceLink | undefined => all.get(id);

  const rows: DeviceRow[] = [];
  const byId = new Map<string, DeviceRow>();
  const byTag = new Map<string, DeviceRow>();
  const attachedTo = new Map<string, Device[]>();
  for (const device of devices) {
    if (device.deletedAt) continue;
    const responsible = responsiblePerson(device, lookup);
    const responsibleName = responsible.personId ? (people.get(responsible.personId)?.name ?? '') : '';
    const departmentName = device.departmentId ? (departments.get(device.departmentId)?.name ?? '') : '';
    const searchText = foldSearch(
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
        responsible.viaDevice?.assetTag ?? '',
      ].join('\u0001'),
    );
    const row: DeviceRow = { device, responsible, responsibleName, departmentName, searchText };
    rows.push(row);
    byId.set(device.id, row);
    byTag.set(foldSearch(device.assetTag), row);
    if (device.attachedToDeviceId) {
      const list = attachedTo.get(device.attachedToDeviceId) ?? [];
      list.push(device);
      attachedTo.set(device.attachedToDeviceId, list);
    }
  }
  rows.sort((a, b) => collator.compare(a.device.assetTag, b.device.assetTag));
  return { rows, byId, byTag, attachedTo };
}

/** Rows matching every part of the filter; the query is a substring of any searchable field. */
export function filterDevices(index: DeviceIndex, filter: DeviceFilter): DeviceRow[] {
  const q = foldSearch(filter.query);
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
      (!q || searchText.includes(q)),
  );
}

/**
 * The device whose asset tag is exactly what was typed or scanned (a label scanner types the tag
 * and Enter), ignoring case, width and surrounding spaces; undefined when none.
 */
export function findByScannedTag(index: DeviceIndex, typed: string): DeviceRow | undefined {
  const q = foldSearch(typed);
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
