// Stored person and department records for the company directory's unit tests: every field filled
// as a whole, synced record has it, unless the test says otherwise. Imported by tests only.
import type { Department, Person } from '../../shared/schemas';

const at = '2026-01-01T00:00:00.000Z';
const meta = { createdAt: at, updatedAt: at, deletedAt: null, hlc: {} };

/** A person whose employee no. is the id in capitals and whose name is the id. */
export function person(id: string, fields: Partial<Person> = {}): Person {
  return {
    id,
    employeeNo: id.toUpperCase(),
    name: id,
    departmentId: null,
    title: '',
    phone: '',
    computerTag: '',
    active: true,
    note: '',
    ...meta,
    ...fields,
  };
}

/** A department of the group company, named by its id. */
export function department(id: string, fields: Partial<Department> = {}): Department {
  return {
    id,
    name: id,
    company: '鸿泰置业集团',
    headPersonId: null,
    note: '',
    ...meta,
    ...fields,
  };
}
