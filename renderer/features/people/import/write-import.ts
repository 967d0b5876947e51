// Writing a previewed CSV import into the ledger, all or nothing: the new departments, the
// people, and the heads of department are written in one Dexie transaction around the
// repository's own writes, so if any step fails (a clash that appeared since the preview, a
// closed database) the whole import rolls back and the ledger is as it was.
import {
  normalizeKey,
  type ImportDepartmentPlan,
  type PeopleCsvContext,
  type PeopleCsvResult,
} from '../../../../shared/import/people-csv';
import type { BulkRowError, Repository } from '../../../db/repository';
import type { NetdeskDb } from '../../../db/schema';

export interface ImportSummary {
  people: number;
  departments: number;
  heads: number;
  /** Rows left out because they had errors in the preview. */
  skipped: number;
}

/** The repository refused rows the preview had accepted; nothing was written. */
export class ImportRefusedError extends Error {
  constructor(readonly errors: BulkRowError[]) {
    super(
      `the ledger refused ${errors.length} row(s): ` +
        errors
          .slice(0, 5)
          .map((e) => `#${e.index + 1} ${e.field ?? ''} ${e.code}`)
          .join('; '),
    );
    this.name = 'ImportRefusedError';
  }
}

export async function writeImport(
  db: NetdeskDb,
  repo: Repository,
  preview: Extract<PeopleCsvResult, { ok: true }>,
  context: PeopleCsvContext,
  onProgress: (done: number, total: number) => void,
): Promise<ImportSummary> {
  const newDepartments = preview.departments.filter((d) => d.existingId === null);
  const okPeople = preview.kind === 'people' ? preview.rows.filter((r) => r.errors.length === 0) : [];
  const headPlans = preview.departments.filter((d) => d.headEmployeeNo !== null);
  const total = newDepartments.length + okPeople.length + headPlans.length;
  let done = 0;
  const step = (n: number) => onProgress((done += n), total);

  return db.transaction('rw', [db.departments, db.people, db.changeLog, db.localMeta], async () => {
    const departmentIds = new Map<string, string>();
    for (const d of preview.departments)
      if (d.existingId) departmentIds.set(normalizeKey(d.name), d.existingId);

    if (newDepartments.length > 0) {
      let reported = 0;
      const created = await repo.bulkCreate(
        'departments',
        newDepartments.map((d) => ({ name: d.name, company: d.company, note: d.note, headPersonId: null })),
        {
          onProgress: (p) => {
            step(p.done - reported);
            reported = p.done;
          },
        },
      );
      if (!created.ok) throw new ImportRefusedError(created.errors);
      for (const d of created.records) departmentIds.set(normalizeKey(d.name), d.id);
    }

    const personIds = new Map(context.existingPeople.map((p) => [normalizeKey(p.employeeNo), p.id]));
    if (okPeople.length > 0) {
      let reported = 0;
      const created = await repo.bulkCreate(
        'people',
        okPeople.map((r) => ({
          ...r.person,
          departmentId: r.department ? (departmentIds.get(normalizeKey(r.department)) ?? null) : null,
        })),
        {
          onProgress: (p) => {
            step(p.done - reported);
            reported = p.done;
          },
        },
      );
      if (!created.ok) throw new ImportRefusedError(created.errors);
      for (const p of created.records) personIds.set(normalizeKey(p.employeeNo), p.id);
    }

    let heads = 0;
    for (const plan of headPlans) {
      const departmentId = departmentIds.get(normalizeKey(plan.name));
      const headId = personIds.get(normalizeKey(plan.headEmployeeNo!));
      if (departmentId && headId) {
        await repo.update('departments', departmentId, { headPersonId: headId });
        heads++;
      }
      step(1);
    }

    return {
      people: okPeople.length,
      departments: newDepartments.length,
      heads,
      skipped: preview.counts.error,
    };
  });
}

/** Department names with the head's name, for the preview ("财务部：张三"). */
export function describeHeads(
  plans: ImportDepartmentPlan[],
  preview: Extract<PeopleCsvResult, { ok: true }>,
  context: PeopleCsvContext,
): string[] {
  const names = new Map<string, string>();
  for (const p of context.existingPeople) names.set(normalizeKey(p.employeeNo), p.name);
  if (preview.kind === 'people') {
    for (const r of preview.rows) names.set(normalizeKey(r.person.employeeNo), r.person.name);
  }
  return plans
    .filter((d) => d.headEmployeeNo)
    .map((d) => `${d.name}：${names.get(normalizeKey(d.headEmployeeNo!)) ?? d.headEmployeeNo}`);
}
