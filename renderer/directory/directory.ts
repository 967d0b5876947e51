// The company directory, read once for every feature that names people (people, repair, devices,
// search, training): live people and departments for the tables and pickers, plus every record by
// id (deleted ones too) so a link to a deleted department or head still shows a name marked
// "(deleted)" instead of a bare id, and each person's computers as the device register has them
// (shared/devices/person-computers.ts: a handover moves them at once).
//
// A record that folder sync delivered in part (a later edit arrived before the change that
// created it, so it has no createdAt yet) is left out everywhere here — tables, pickers, head
// counts and the by-id maps — until the rest arrives: it may lack its name or number.
import { useLiveQuery } from 'dexie-react-hooks';
import { computersByPerson } from '../../shared/devices/person-computers';
import type { Department, Device, Person } from '../../shared/schemas';
import { hasArrived, isListed } from '../../shared/sync/arrival';
import { useLedger } from '../app/ledger';
import { buildPeopleSearch, type PeopleSearch } from './people-search';

export interface Directory {
  people: Person[];
  departments: Department[];
  personById: Map<string, Person>;
  departmentById: Map<string, Department>;
  /** Active people per department id. */
  headCount: Map<string, number>;
  /** Each person's computers (the computers whose user they are), by person id. */
  computers: Map<string, Device[]>;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

export function buildDirectory(
  allPeople: Person[],
  allDepartments: Department[],
  computers: Iterable<Device> = [],
): Directory {
  const people = allPeople
    .filter((p) => isListed(p))
    .sort((a, b) => collator.compare(a.employeeNo, b.employeeNo));
  const departments = allDepartments
    .filter((d) => isListed(d))
    .sort((a, b) => collator.compare(a.company, b.company) || collator.compare(a.name, b.name));
  const headCount = new Map<string, number>();
  for (const p of people) {
    if (p.departmentId && p.active) headCount.set(p.departmentId, (headCount.get(p.departmentId) ?? 0) + 1);
  }
  return {
    people,
    departments,
    personById: new Map(allPeople.filter((p) => hasArrived(p)).map((p) => [p.id, p])),
    departmentById: new Map(allDepartments.filter((d) => hasArrived(d)).map((d) => [d.id, d])),
    headCount,
    computers: computersByPerson(computers),
  };
}

const searches = new WeakMap<Directory, PeopleSearch>();

/**
 * The directory's people made ready to search (pinyin keys included), made on the first search
 * of each version of the directory and kept with it, so a keystroke never makes them again.
 */
export function peopleSearchOf(directory: Directory): PeopleSearch {
  let search = searches.get(directory);
  if (!search) {
    search = buildPeopleSearch(directory.people, directory.computers);
    searches.set(directory, search);
  }
  return search;
}

/** The directory, kept current as records change; undefined while the first read runs. */
export function useDirectory(): Directory | undefined {
  const { db } = useLedger();
  return useLiveQuery(async () => {
    const [people, departments, computers] = await Promise.all([
      db.people.toArray(),
      db.departments.toArray(),
      db.devices.where('type').equals('computer').toArray(),
    ]);
    return buildDirectory(people, departments, computers);
  }, [db]);
}
