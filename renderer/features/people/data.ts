// The people feature's reads and writes, the only place its screens reach the ledger through:
// the directory (directory.ts builds it, live), and saving, deleting and restoring people and
// departments through the repository, so each write is validated, stamped, kept unique by
// employee number and department name, and synced like any other. The CSV imports write in
// their own transactions under import/.
import type { z } from 'zod';
import type { departmentSchema, personSchema } from '../../../shared/schemas';
import type { Repository } from '../../db/repository';

export { buildDirectory, peopleSearchOf, useDirectory, type Directory } from '../../directory/directory';

export type PersonValues = z.output<typeof personSchema>;
export type DepartmentValues = z.output<typeof departmentSchema>;

/** Saves a person: an edit when `personId` is given, else a new person. */
export async function savePerson(
  repo: Repository,
  personId: string | null,
  values: PersonValues,
): Promise<void> {
  if (personId) await repo.update('people', personId, values);
  else await repo.create('people', values);
}

export async function removePerson(repo: Repository, personId: string): Promise<void> {
  await repo.remove('people', personId);
}

export async function restorePerson(repo: Repository, personId: string): Promise<void> {
  await repo.restore('people', personId);
}

/** Saves a department: an edit when `departmentId` is given, else a new department. */
export async function saveDepartment(
  repo: Repository,
  departmentId: string | null,
  values: DepartmentValues,
): Promise<void> {
  if (departmentId) await repo.update('departments', departmentId, values);
  else await repo.create('departments', values);
}

export async function removeDepartment(repo: Repository, departmentId: string): Promise<void> {
  await repo.remove('departments', departmentId);
}

export async function restoreDepartment(repo: Repository, departmentId: string): Promise<void> {
  await repo.restore('departments', departmentId);
}
