// The dataset's group: about one company per 400 employees (headquarters first), each with the
// demo's departments (the network centre at headquarters only), every department headed by its
// first person, and the turnover of the years — people who left stay in the ledger, since their
// cards name them.
import { uniqueNames } from '../demo/random';
import { COMPANIES, DEPARTMENTS, GIVEN, PHONE_PREFIXES, SURNAMES } from '../demo/words';
import type { StoredRecord } from '../schemas';
import { DAY, pad, type DatasetLedger } from './ledger';

export interface Dept {
  record: StoredRecord<'departments'>;
  template: (typeof DEPARTMENTS)[number];
  company: (typeof COMPANIES)[number];
  people: StoredRecord<'people'>[];
  computers: StoredRecord<'devices'>[];
}

export interface DatasetStaff {
  companies: (typeof COMPANIES)[number][];
  depts: Dept[];
  /** Who works here today, in order of joining. */
  active: StoredRecord<'people'>[];
  /** When each person who left did so. */
  leftAt: Map<string, number>;
  deptOf: Map<string, Dept>;
  netCentre: Dept;
  supervisor: StoredRecord<'people'>;
  /** The supervisor and two technicians: who signs cards and checks. */
  technicians: string[];
}

export function addCompaniesAndPeople(ledger: DatasetLedger): DatasetStaff {
  const companies = COMPANIES.slice(
    0,
    Math.max(1, Math.min(COMPANIES.length, Math.ceil(ledger.employees / 400))),
  );
  const depts = addDepartments(ledger, companies);
  const { active, leftAt } = addPeople(ledger, depts);
  const deptOf = new Map<string, Dept>();
  for (const d of depts) for (const p of d.people) deptOf.set(p.id, d);
  const netCentre = depts.find((d) => d.template.code === 'WL') ?? depts[0]!;
  const supervisor = netCentre.people[0]!;
  const technicians = [supervisor.name, ...netCentre.people.slice(1, 3).map((p) => p.name)];
  return { companies, depts, active, leftAt, deptOf, netCentre, supervisor, technicians };
}

function addDepartments(ledger: DatasetLedger, companies: DatasetStaff['companies']): Dept[] {
  const depts: Dept[] = [];
  for (const company of companies) {
    for (const template of DEPARTMENTS) {
      if (template.code === 'WL' && company !== companies[0]) continue;
      const record = ledger.add('departments', 'department', ledger.startMs, {
        name: company === companies[0] ? template.name : `${company.short}${template.name}`,
        company: company.name,
        headPersonId: null,
        note: '',
      });
      depts.push({ record, template, company, people: [], computers: [] });
    }
  }
  return depts;
}

/** Today's employees and, after them, those who left (up to 30 % over the years). */
function addPeople(ledger: DatasetLedger, depts: Dept[]): Pick<DatasetStaff, 'active' | 'leftAt'> {
  const { add, int, pick, roll, digits, employees, years, startMs } = ledger;
  const newName = uniqueNames(ledger, SURNAMES, GIVEN, 0.3);
  const totalWeight = depts.reduce((s, d) => s + d.template.weight, 0);
  const leavers = Math.round(employees * Math.min(0.3, 0.03 * years));
  const leftAt = new Map<string, number>();
  const active: StoredRecord<'people'>[] = [];
  let serial = 0;
  for (let i = 0; i < employees + leavers; i++) {
    // Departments fill in proportion to their weight; each gets a head first.
    const dept = i < depts.length ? depts[i]! : weightedDept(depts, totalWeight, roll());
    serial++;
    const isLeaver = i >= employees;
    const joined = startMs + (isLeaver ? int(0, 200) : i < depts.length ? 0 : int(0, years * 300)) * DAY;
    const person = add('people', 'person', joined, {
      employeeNo: `HT${pad(10000 + serial, 5)}`,
      name: newName(),
      departmentId: dept.record.id,
      title: dept.people.length === 0 ? dept.template.headTitle : pick(dept.template.staffTitles),
      phone: `1${pick(PHONE_PREFIXES)}${digits(4)}${digits(4)}`,
      computerTag: isLeaver ? '' : `PC-${dept.template.code}-${pad(serial, 5)}`,
      active: !isLeaver,
      note: isLeaver ? '已离职' : '',
    });
    dept.people.push(person);
    if (isLeaver) leftAt.set(person.id, joined + int(200, Math.max(201, years * 330)) * DAY);
    else active.push(person);
    if (dept.people.length === 1) dept.record.headPersonId = person.id;
  }
  return { active, leftAt };
}

function weightedDept(depts: Dept[], total: number, roll: number): Dept {
  let left = roll * total;
  for (const d of depts) if ((left -= d.template.weight) < 0) return d;
  return depts[depts.length - 1]!;
}
