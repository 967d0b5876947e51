// The company directory as the People screens read it: live people and departments for the
// tables, plus every record by id (deleted ones too) so a link to a deleted department or head
// still shows a name marked "(deleted)" instead of a bare id.
//
// A record that folder sync delivered in part (a later edit arrived before the change that
// created it, so it has no createdAt yet) is left out everywhere here — tables, pickers, head
// counts and the by-id maps — until the rest arrives: it may lack its name or number.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Department, Person } from '../../../shared/schemas';
import { hasArrived, isListed } from '../../../shared/sync/arrival';
import { useLedger } from '../../app/ledger';

export interface Directory {
  people: Person[];
  departments: Department[];
  personById: Map<string, Person>;
  departmentById: Map<string, Department>;
  /** Active people per department id. */
  headCount: Map<string, number>;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

export function buildDirectory(allPeople: Person[], allDepartments: Department[]): Directory {
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
  };
}

/** The directory, kept current as records change; undefined while the first read runs. */
export function useDirectory(): Directory | undefined {
  const { db } = useLedger();
  return useLiveQuery(async () => {
    const [people, departments] = await Promise.all([db.people.toArray(), db.departments.toArray()]);
    return buildDirectory(people, departments);
  }, [db]);
}
