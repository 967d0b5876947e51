// Marking a training held against a real (in-memory) ledger: the signatures, the walk-ins, the scan
// and the feedback land together; a sheet nobody signed is refused and nothing changes. A planned
// training moved to another day with a changed roster; a held one left as its sheet says.
import { afterEach, describe, expect, it } from 'vitest';
import { createRepository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { freshDb, manualClock } from '../../db/test-support';
import {
  createTraining,
  markTrainingHeld,
  TrainingNotEditable,
  TrainingRefused,
  updateTraining,
} from './data';

let db: NetdeskDb | undefined;
afterEach(() => db?.close());

async function ledger() {
  db = await freshDb();
  const clock = manualClock();
  const repo = createRepository(db, { now: clock.now });
  const training = await createTraining(
    db,
    repo,
    { date: '2026-12-01', topic: 'Excel 数据透视表', kind: 'office-software' },
    ['p1', 'p2', 'p3'],
  );
  return { db, repo, training };
}

const scan = {
  bytes: new TextEncoder().encode('%PDF-1.4 signed sheet'),
  name: '签到表.pdf',
  mime: 'application/pdf' as const,
};

describe('marking a training held', () => {
  it('keeps who signed, adds walk-ins, attaches the scan and the feedback', async () => {
    const { db, repo, training } = await ledger();
    const held = await markTrainingHeld(
      db,
      repo,
      training.id,
      { attendedPersonIds: ['p1', 'p3', 'p9'], scan, feedback: '希望多讲函数', feedbackScore: 4 },
      '2026-12-07',
    );
    expect(held).toMatchObject({ status: 'held', feedback: '希望多讲函数', feedbackScore: 4 });
    expect(held.signedSheetShas).toHaveLength(1);
    expect((await db.attachments.get(held.signedSheetShas[0]!))?.name).toBe('签到表.pdf');
    const attendees = await db.trainingAttendees.where('trainingId').equals(training.id).toArray();
    const signed = Object.fromEntries(attendees.map((a) => [a.personId, a.signed]));
    expect(signed).toEqual({ p1: true, p2: false, p3: true, p9: true });
  });

  it('refuses a training held with nobody attending, and writes nothing', async () => {
    const { db, repo, training } = await ledger();
    const outbox = await db.changeLog.count();
    await expect(
      markTrainingHeld(
        db,
        repo,
        training.id,
        { attendedPersonIds: [], scan, feedback: '', feedbackScore: null },
        '2026-12-07',
      ),
    ).rejects.toEqual(new TrainingRefused('nobody-attended'));
    expect((await db.trainings.get(training.id))?.status).toBe('planned');
    expect(await db.attachments.count()).toBe(0);
    expect(await db.changeLog.count()).toBe(outbox);
  });

  it('refuses a training whose day has not come', async () => {
    const { db, repo, training } = await ledger();
    await expect(
      markTrainingHeld(
        db,
        repo,
        training.id,
        { attendedPersonIds: ['p1'], feedback: '', feedbackScore: null },
        '2026-11-30',
      ),
    ).rejects.toMatchObject({ reason: 'not-held-yet' });
  });
});

describe('changing a planned training', () => {
  const session = {
    topic: 'Excel 数据透视表（改期）',
    kind: 'office-software' as const,
    date: '2026-12-15',
    location: '三楼会议室',
    trainer: '李娜',
    requestingDepartmentId: null,
  };
  const rosterOf = async (db: NetdeskDb, id: string) =>
    (await db.trainingAttendees.where('trainingId').equals(id).toArray())
      .filter((a) => !a.deletedAt)
      .map((a) => a.personId)
      .sort();

  it('moves its day and place and changes its roster, one row per person', async () => {
    const { db, repo, training } = await ledger();
    const changed = await updateTraining(db, repo, training.id, session, ['p2', 'p3', 'p4']);
    expect(changed).toMatchObject({ date: '2026-12-15', location: '三楼会议室', trainer: '李娜' });
    expect(await rosterOf(db, training.id)).toEqual(['p2', 'p3', 'p4']);
    // p1 taken off by a deletion the other PCs receive, not by a row silently gone.
    const p1 = (await db.trainingAttendees.where('trainingId').equals(training.id).toArray()).find(
      (a) => a.personId === 'p1',
    );
    expect(p1?.deletedAt).toBeTruthy();
    // The same roster again changes nothing.
    await updateTraining(db, repo, training.id, session, ['p4', 'p3', 'p2']);
    expect(await db.trainingAttendees.where('trainingId').equals(training.id).count()).toBe(4);
  });

  it('refuses a held training, changing nothing', async () => {
    const { db, repo, training } = await ledger();
    await markTrainingHeld(
      db,
      repo,
      training.id,
      { attendedPersonIds: ['p1'], feedback: '', feedbackScore: null },
      '2026-12-07',
    );
    await expect(updateTraining(db, repo, training.id, session, ['p9'])).rejects.toBeInstanceOf(
      TrainingNotEditable,
    );
    expect((await db.trainings.get(training.id))!.date).toBe('2026-12-01');
    expect(await rosterOf(db, training.id)).toEqual(['p1', 'p2', 'p3']);
  });
});
