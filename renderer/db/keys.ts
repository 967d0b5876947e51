// Finding records by a key a person types or scans — an asset tag, a card number, an employee
// number, a department name — the same way everywhere: the uniqueness check of the repository,
// the import's duplicate report, a scanned tag on the repair form, a card number in the search
// box. The field's index is asked for the key's spellings case-insensitively, and only records
// whose value folds to the same key (shared/text/fold.ts) are kept.
import type { Collection, Table } from 'dexie';
import { foldKey, keySpellings } from '../../shared/text/fold';

/** Records of `table` whose `field` is the key `typed` (any case, width, outer spaces). */
export function whereKey<R, I>(
  table: Table<R, string, I>,
  field: string,
  typed: string,
): Collection<R, string, I> {
  const key = foldKey(typed);
  return table
    .where(field)
    .anyOfIgnoreCase(keySpellings(typed))
    .filter((record) => {
      const value = (record as Record<string, unknown>)[field];
      return typeof value === 'string' && foldKey(value) === key;
    });
}

/** Records of `table` whose `field` is any of the keys `typed`, for checking a batch at once. */
export function whereAnyKey<R, I>(
  table: Table<R, string, I>,
  field: string,
  typed: readonly string[],
): Collection<R, string, I> {
  const keys = new Set(typed.map(foldKey));
  return table
    .where(field)
    .anyOfIgnoreCase([...new Set(typed.flatMap(keySpellings))])
    .filter((record) => {
      const value = (record as Record<string, unknown>)[field];
      return typeof value === 'string' && keys.has(foldKey(value));
    });
}
