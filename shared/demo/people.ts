// The demo's departments and people: each department sized by its weight, its first person its
// head, one person who has left (kept, since cards name them, but out of the directory).
import type { StoredRecord } from '../schemas';
import type { DemoLedger } from './ledger';
import { uniqueNames } from './random';
import { DEMO_COMPANY, DEPARTMENTS, GIVEN, PHONE_PREFIXES, PROPERTY_COMPANY, SURNAMES } from './words';

export type DepartmentCode = (typeof DEPARTMENTS)[number]['code'];

/** The directory as the later steps need it. */
export interface DemoStaff {
  departments: StoredRecord<'departments'>[];
  people: StoredRecord<'people'>[];
  /** The person who left, if the directory has enough people for one. */
  leaver: StoredRecord<'people'> | undefined;
  /** The network supervisor (网络主管), who receives the cards and signs the checks. */
  supervisor: StoredRecord<'people'>;
  /** The supervisor's name, as written on events and checks. */
  by: string;
  department: (code: DepartmentCode) => StoredRecord<'departments'>;
  codeOf: (person: StoredRecord<'people'>) => DepartmentCode | undefined;
  floorOf: (person: StoredRecord<'people'>) => string;
  /** The department's people who still work here, head first. */
  staffOf: (code: DepartmentCode) => StoredRecord<'people'>[];
  /** The `index`-th working person of a department, counting round when it has fewer. */
  pickPerson: (code: DepartmentCode, index: number) => StoredRecord<'people'>;
}

/** `people` is at least one per department. */
export function addDepartmentsAndPeople(ledger: DemoLedger, people: number): DemoStaff {
  const count = Math.max(DEPARTMENTS.length, Math.floor(people));
  const sizes = departmentSizes(count);
  const newName = uniqueNames(ledger, SURNAMES, GIVEN, 0.35);
  const { add, pick, digits, setupMs } = ledger;

  const departments: StoredRecord<'departments'>[] = [];
  const everyone: StoredRecord<'people'>[] = [];
  const deptIndexOf = new Map<string, number>();
  let employeeSerial = 0;
  DEPARTMENTS.forEach((d, deptIndex) => {
    const dept = add('departments', 'department', setupMs, {
      name: d.name,
      company: d.code === 'WY' ? PROPERTY_COMPANY : DEMO_COMPANY,
      headPersonId: null,
      note: d.code === 'WL' ? '负责集团及下属公司网络、设备、网站与监控系统' : '',
    });
    departments.push(dept);
    const size = sizes[deptIndex] ?? 1;
    for (let k = 0; k < size; k++) {
      employeeSerial++;
      const person = add('people', 'person', setupMs + employeeSerial * 60000, {
        employeeNo: `HT${String(1000 + employeeSerial)}`,
        name: newName(),
        departmentId: dept.id,
        title: k === 0 ? d.headTitle : pick(d.staffTitles),
        phone: `1${pick(PHONE_PREFIXES)}${digits(4)}${digits(4)}`,
        computerTag: `PC-${d.code}-${String(k + 1).padStart(2, '0')}`,
        active: true,
        note: '',
      });
      everyone.push(person);
      deptIndexOf.set(person.id, deptIndex);
    }
    // The head is the department's first person; set after the people exist, as in real use.
    dept.headPersonId = everyone.find((p) => deptIndexOf.get(p.id) === deptIndex)?.id ?? null;
  });
  const leaver = everyone[everyone.length - 4];
  if (leaver) {
    leaver.active = false;
    leaver.note = '已离职，电脑已收回备用';
  }

  const codeOf = (p: StoredRecord<'people'>) => DEPARTMENTS[deptIndexOf.get(p.id) ?? -1]?.code;
  const staffOf = (code: DepartmentCode) => everyone.filter((p) => codeOf(p) === code && p.active);
  const supervisor = everyone.find((p) => codeOf(p) === 'WL') ?? everyone[0]!;
  return {
    departments,
    people: everyone,
    leaver,
    supervisor,
    by: supervisor.name,
    department: (code) => departments[DEPARTMENTS.findIndex((d) => d.code === code)]!,
    codeOf,
    floorOf: (p) => DEPARTMENTS[deptIndexOf.get(p.id) ?? -1]?.floor ?? '',
    staffOf,
    pickPerson: (code, index) => {
      const staff = staffOf(code);
      return staff[index % staff.length] ?? everyone[0]!;
    },
  };
}

/** People per department in proportion to its weight, at least one each, adding up to `count`. */
function departmentSizes(count: number): number[] {
  const totalWeight = DEPARTMENTS.reduce((s, d) => s + d.weight, 0);
  const sizes = DEPARTMENTS.map((d) => Math.max(1, Math.floor((count * d.weight) / totalWeight)));
  for (let i = 0; sizes.reduce((a, b) => a + b, 0) < count; i++) {
    const k = i % sizes.length;
    sizes[k] = (sizes[k] ?? 0) + 1;
  }
  return sizes;
}
