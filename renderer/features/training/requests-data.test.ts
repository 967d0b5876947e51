// Planning a department's training request against a real (in-memory) ledger: the request becomes
// the planned session with its roster in one write; a request already planned is refused and
// nothing more is written.
import { afterEach, describe, expect, it } from 'vitest';
import { createRepository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import { createTraining, planTrainingRequest, RequestNotPlanned } from './data';

let db: NetdeskDb | undefined;
afterEach(() => db?.close());

async function ledger() {
  db = await freshDb();
  const repo = createRepository(db, { now: manualClock().now });
  const request = await createTraining(
    db,
    repo,
    {
      date: '2026-12-01',
      topic: 'Excel 数据透视表',
      kind: 'department-request',
      status: 'requested',
      requestingDepartmentId: 'dep-fin',
      requestedOn: '2026-11-20',
    },
    [],
  );
  return { db, repo, request };
}

const session = {
  topic: 'Excel 数据透视表（财务部）',
  kind: 'department-request' as const,
  date: '2026-12-10',
  location: '6F 培训室',
  trainer: '网络主管',
  requestingDepartmentId: 'dep-fin',
};

describe("planning a department's request", () => {
  it('turns the request into the planned session with its roster, in one commit', async () => {
    const { db, repo, request } = await ledger();
    const before = await db.changeLog.count();
    await planTrainingRequest(db, repo, request.id, session, ['p1', 'p2']);
    expect(await db.trainings.get(request.id)).toMatchObject({
      status: 'planned',
      date: '2026-12-10',
      location: '6F 培训室',
      requestedOn: '2026-11-20',
      requestingDepartmentId: 'dep-fin',
    });
    expect(
      (await db.trainingAttendees.where('trainingId').equals(request.id).toArray())
        .map((a) => a.personId)
        .sort(),
    ).toEqual(['p1', 'p2']);
    // The status change and the roster went out together: one training change, two attendees.
    const changes = (await db.changeLog.toArray()).slice(before);
    expect(changes.map((c) => c.table)).toEqual(['trainings', 'trainingAttendees', 'trainingAttendees']);
    expect(changes[0]!.fields).toMatchObject({ status: 'planned' });
  });

  it('refuses a request already planned, and a day before the request, writing nothing', async () => {
    const { db, repo, request } = await ledger();
    await expect(
      planTrainingRequest(db, repo, request.id, { ...session, date: '2026-11-19' }, ['p1']),
    ).rejects.toMatchObject({
      reason: 'before-request',
    });
    expect(await db.trainingAttendees.count()).toBe(0);
    expect((await db.trainings.get(request.id))!.status).toBe('requested');
    await planTrainingRequest(db, repo, request.id, session, ['p1']);
    await expect(planTrainingRequest(db, repo, request.id, session, ['p3'])).rejects.toBeInstanceOf(
      RequestNotPlanned,
    );
    expect(await db.trainingAttendees.count()).toBe(1);
  });
});
