// Writing the confirmed updates of existing people (a re-imported 通讯录, see
// shared/import/people-update.ts) in one Dexie transaction around the repository's own writes:
// every planned change or none. Only the changed fields are sent, so every other field survives.
import type { PersonUpdatePlan } from '../../../../shared/import/people-update';
import type { Repository } from '../../../db/repository';
import type { NetdeskDb } from '../../../db/schema';

/** Apply `plans`; returns how many people were updated. */
export async function writePeopleUpdates(
  db: NetdeskDb,
  repo: Repository,
  plans: readonly PersonUpdatePlan[],
): Promise<number> {
  if (plans.length === 0) return 0;
  return db.transaction('rw', [db.people, db.departments, db.changeLog, db.localMeta], async () => {
    for (const plan of plans) await repo.update('people', plan.personId, plan.patch);
    return plans.length;
  });
}
