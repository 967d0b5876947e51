// The People table's search and department filter, also used by the header search. Pure, so it
// is tested without a screen. A person is found by name (in characters, full pinyin or initials:
// "ftj" finds 方廷杰), employee no., phone (digits only, however written) and the asset tag of
// the computer they use now (derived from the device register: shared/devices/person-computers.ts).
// The search text of each person, pinyin included, is made once when the directory changes
// (buildPeopleSearch); a keystroke is a substring scan over short strings.
import { computerTagsText } from '../../shared/devices/person-computers';
import { pinyinKeys, pinyinQuery } from '../../shared/search/pinyin';
import type { Person } from '../../shared/schemas';
import { foldText } from '../../shared/text/fold';

/** Filter value for "people without a department". */
export const NO_DEPARTMENT = '__none__';

export interface PeopleFilter {
  query: string;
  /** A department id, NO_DEPARTMENT, or null for all. */
  departmentId: string | null;
}

interface Entry {
  person: Person;
  /** Name, employee no., phone and computer tags, folded, joined by a separator. */
  text: string;
  /** The phone's digits. */
  digits: string;
  /** Full pinyin and initials of the name ('' for a name without Chinese characters). */
  pinyin: string;
}

/** The people of a directory made ready to search. */
export interface PeopleSearch {
  entries: readonly Entry[];
}

/** Phone numbers are written with spaces and dashes in every way; compare digits only. */
function digits(value: string): string {
  return value.replace(/[\s\-()+]/g, '');
}

/**
 * Make `people` searchable. `computers` gives each person's computers by person id (the device
 * register's answer); without it a person is not found by a computer tag.
 */
export function buildPeopleSearch(
  people: readonly Person[],
  computers: ReadonlyMap<string, readonly { assetTag: string }[]> = new Map(),
): PeopleSearch {
  return {
    entries: people.map((person) => ({
      person,
      text: foldText(
        [person.name, person.employeeNo, person.phone, computerTagsText(computers, person.id)].join('\u0001'),
      ),
      digits: digits(person.phone),
      pinyin: pinyinKeys(person.name, 'name'),
    })),
  };
}

/** People matching the query (case and width ignored), within the chosen department. */
export function filterPeople(search: PeopleSearch, filter: PeopleFilter): Person[] {
  const q = foldText(filter.query);
  const qDigits = digits(q);
  const byDigits = qDigits.length > 0 && /^\d+$/.test(qDigits);
  const qPinyin = pinyinQuery(q);
  const out: Person[] = [];
  for (const e of search.entries) {
    const p = e.person;
    if (
      filter.departmentId === NO_DEPARTMENT
        ? p.departmentId !== null
        : filter.departmentId && p.departmentId !== filter.departmentId
    ) {
      continue;
    }
    if (
      !q ||
      e.text.includes(q) ||
      (byDigits && e.digits.includes(qDigits)) ||
      (qPinyin !== null && e.pinyin.includes(qPinyin))
    ) {
      out.push(p);
    }
  }
  return out;
}
