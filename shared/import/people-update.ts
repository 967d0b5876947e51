// Updating people already in the directory from a re-imported people CSV (通讯录 exported again
// with new phones and titles). The import itself refuses an existing 工号 ('duplicate-existing');
// this turns those rows into a field-by-field list of changes for the user to confirm. Only the
// columns the file has are compared (a file without 电话 never clears a phone), an empty cell
// never clears a value, and a department is changed only to one the ledger already has.
import { normalizeKey, type CsvColumn, type PeopleCsvRow } from './people-csv';

/** The person fields an update may change, in the order the preview lists them. */
export const UPDATABLE_FIELDS = ['name', 'department', 'title', 'phone', 'computerTag', 'note'] as const;
export type UpdatableField = (typeof UPDATABLE_FIELDS)[number];

export interface PersonFieldChange {
  field: UpdatableField;
  /** As shown to the user: the department by name. */
  from: string;
  to: string;
}

export interface PersonUpdatePlan {
  line: number;
  personId: string;
  employeeNo: string;
  name: string;
  changes: PersonFieldChange[];
  /** The record patch to write (departmentId by id). */
  patch: Partial<Record<'name' | 'title' | 'phone' | 'computerTag' | 'note' | 'departmentId', string>>;
}

export interface ExistingPerson {
  id: string;
  employeeNo: string;
  name: string;
  title: string;
  phone: string;
  computerTag: string;
  note: string;
  departmentId: string | null;
}

/**
 * The updates the rows refused only for an existing 工号 would make, one plan per person with at
 * least one change. Rows with any other error are left out (they are not read as intended).
 */
export function planPeopleUpdates(
  rows: readonly PeopleCsvRow[],
  columns: readonly CsvColumn[],
  existingPeople: readonly ExistingPerson[],
  existingDepartments: readonly { id: string; name: string }[],
): PersonUpdatePlan[] {
  const byNo = new Map(existingPeople.map((p) => [normalizeKey(p.employeeNo), p]));
  const deptByKey = new Map(existingDepartments.map((d) => [normalizeKey(d.name), d]));
  const deptName = new Map(existingDepartments.map((d) => [d.id, d.name]));
  const has = new Set(columns);
  const plans: PersonUpdatePlan[] = [];
  for (const row of rows) {
    const onlyExisting =
      row.errors.length > 0 &&
      row.errors.every((e) => e.code === 'duplicate-existing' && e.field === 'employeeNo');
    if (!onlyExisting) continue;
    const person = byNo.get(normalizeKey(row.person.employeeNo));
    if (!person) continue;
    const changes: PersonFieldChange[] = [];
    const patch: PersonUpdatePlan['patch'] = {};
    for (const field of ['name', 'title', 'phone', 'computerTag', 'note'] as const) {
      const to = row.person[field].trim();
      if (!has.has(field) || to === '' || to === person[field]) continue;
      changes.push({ field, from: person[field], to });
      patch[field] = to;
    }
    if (has.has('department') && row.department) {
      const dept = deptByKey.get(normalizeKey(row.department));
      if (dept && dept.id !== person.departmentId) {
        const from = person.departmentId ? (deptName.get(person.departmentId) ?? '') : '';
        changes.push({ field: 'department', from, to: dept.name });
        patch.departmentId = dept.id;
      }
    }
    changes.sort((a, b) => UPDATABLE_FIELDS.indexOf(a.field) - UPDATABLE_FIELDS.indexOf(b.field));
    if (changes.length > 0) {
      plans.push({
        line: row.line,
        personId: person.id,
        employeeNo: person.employeeNo,
        name: person.name,
        changes,
        patch,
      });
    }
  }
  return plans;
}
