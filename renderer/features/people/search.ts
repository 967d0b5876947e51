// The People table's search and department filter. Pure, so it is tested without a screen.
// A directory is hundreds to a few thousand people: an in-memory scan is instant.
import type { Person } from '../../../shared/schemas';
import { foldText } from '../../../shared/text/fold';

/** Filter value for "people without a department". */
export const NO_DEPARTMENT = '__none__';

export interface PeopleFilter {
  query: string;
  /** A department id, NO_DEPARTMENT, or null for all. */
  departmentId: string | null;
}

/** Phone numbers are written with spaces and dashes in every way; compare digits only. */
function digits(value: string): string {
  return value.replace(/[\s\-()+]/g, '');
}

/**
 * People matching a case-insensitive substring of name, employee no., phone or computer tag,
 * within the chosen department.
 */
export function filterPeople(people: readonly Person[], filter: PeopleFilter): Person[] {
  const q = foldText(filter.query.trim());
  const qDigits = digits(q);
  return people.filter((p) => {
    if (
      filter.departmentId === NO_DEPARTMENT
        ? p.departmentId !== null
        : filter.departmentId && p.departmentId !== filter.departmentId
    ) {
      return false;
    }
    if (!q) return true;
    return (
      foldText(p.name).includes(q) ||
      foldText(p.employeeNo).includes(q) ||
      foldText(p.computerTag).includes(q) ||
      foldText(p.phone).includes(q) ||
      (qDigits.length > 0 && /^\d+$/.test(qDigits) && digits(p.phone).includes(qDigits))
    );
  });
}
