// Who is on a training's roster: the people picked one by one plus everyone in service in the
// departments picked, each once, in the directory's order. And the year's office-software trainings
// against the company's rule of at least two a year.
export const OFFICE_TRAININGS_PER_YEAR = 2;

export interface RosterPerson {
  id: string;
  departmentId: string | null;
  active: boolean;
}

/** The people of the chosen departments (in service) and the chosen people, without repeats. */
export function rosterOf<P extends RosterPerson>(
  people: readonly P[],
  choice: { departmentIds: readonly string[]; personIds: readonly string[] },
): P[] {
  const departments = new Set(choice.departmentIds);
  const picked = new Set(choice.personIds);
  return people.filter(
    (p) => picked.has(p.id) || (p.active && p.departmentId !== null && departments.has(p.departmentId)),
  );
}

/** Office-software trainings held in a year (by date), and whether the yearly rule is met. */
export function officeTrainingProgress(
  trainings: readonly { date: string; kind: string }[],
  year: number,
): { held: number; needed: number; met: boolean } {
  const held = trainings.filter((t) => t.kind === 'office-software' && t.date.startsWith(`${year}-`)).length;
  return { held, needed: OFFICE_TRAININGS_PER_YEAR, met: held >= OFFICE_TRAININGS_PER_YEAR };
}
