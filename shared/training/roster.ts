// Who is on a training's roster: the people picked one by one plus everyone in service in the
// departments picked, each once, in the directory's order. The company's rule of at least two
// office-software trainings a year is counted by officePlanProgress (attendance.ts) on the screen
// and by K9 in the KPI engine.
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
