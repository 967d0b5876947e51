// The header search's answer: one query over repair cards, devices and people, grouped, a few of
// each, in the order a supervisor at the desk wants them. Pure, so it is tested without a screen.
// A scanned asset tag or a typed card number is an exact hit and comes first: Enter opens it.
import { filterDevices, findByScannedTag, type DeviceIndex } from '../../../shared/devices/device-list';
import type { Person, RepairCard } from '../../../shared/schemas';
import { isListed } from '../../../shared/sync/arrival';
import { foldText } from '../../../shared/text/fold';
import { filterPeople, type PeopleSearch } from '../../directory/people-search';

export type GlobalHit =
  | { kind: 'card'; id: string; card: RepairCard }
  | { kind: 'device'; id: string; tag: string; name: string; responsible: string }
  | {
      kind: 'person';
      id: string;
      person: Person;
      departmentName: string;
      /** The computers the device register says the person uses ('' when none). */
      computers: string;
    };

export interface GlobalResults {
  hits: GlobalHit[];
  /** The hit Enter opens without choosing: an exact asset tag or card number. */
  exact: GlobalHit | null;
}

export interface GlobalSources {
  /** The directory made searchable (renderer/directory/directory.ts, peopleSearchOf). */
  people: PeopleSearch;
  departmentName: (id: string | null) => string;
  /** A person's computers, as one line (shared/devices/person-computers.ts). */
  computersOf: (personId: string) => string;
  devices: DeviceIndex | null;
  /** Cards matching the query, newest first, as the repair list's search finds them. */
  cards: readonly RepairCard[];
}

/** How many of each kind the dropdown shows; the screens' own lists show the rest. */
export const PER_KIND = 5;

export function globalResults(query: string, sources: GlobalSources, perKind = PER_KIND): GlobalResults {
  const q = query.trim();
  if (!q) return { hits: [], exact: null };
  const folded = foldText(q);

  const cards: GlobalHit[] = sources.cards
    .filter((c) => !c.deletedAt && c.createdAt)
    .slice(0, perKind)
    .map((card) => ({ kind: 'card', id: card.id, card }));
  const exactCard = sources.cards.find((c) => !c.deletedAt && foldText(c.cardNo) === folded);

  let devices: GlobalHit[] = [];
  let exactDevice: GlobalHit | null = null;
  if (sources.devices) {
    const scanned = findByScannedTag(sources.devices, q);
    if (scanned && !scanned.device.deletedAt) exactDevice = deviceHit(scanned);
    const rows = filterDevices(sources.devices, { query: q, type: null, status: null, departmentId: null });
    devices = rows
      .filter((r) => r.device.id !== scanned?.device.id)
      .slice(0, exactDevice ? perKind - 1 : perKind)
      .map(deviceHit);
    if (exactDevice) devices.unshift(exactDevice);
  }

  const people: GlobalHit[] = filterPeople(sources.people, { query: q, departmentId: null })
    .filter(isListed)
    .slice(0, perKind)
    .map((person) => ({
      kind: 'person',
      id: person.id,
      person,
      departmentName: sources.departmentName(person.departmentId),
      computers: sources.computersOf(person.id),
    }));

  const exact: GlobalHit | null =
    exactDevice ?? (exactCard ? { kind: 'card', id: exactCard.id, card: exactCard } : null);
  if (exact?.kind === 'card' && !cards.some((h) => h.id === exact.id)) cards.unshift(exact);
  // The exact hit's group leads, so the highlighted first row is the one Enter opens.
  const groups = exact?.kind === 'device' ? [devices, cards, people] : [cards, devices, people];
  return { hits: groups.flat(), exact };
}

function deviceHit(row: {
  device: { id: string; assetTag: string; name: string };
  responsibleName: string;
}): GlobalHit {
  return {
    kind: 'device',
    id: row.device.id,
    tag: row.device.assetTag,
    name: row.device.name,
    responsible: row.responsibleName,
  };
}
