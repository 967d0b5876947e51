// Trainings' reads and writes: the only place that touches the trainings and trainingAttendees
// tables. A training and its roster are written in one transaction, so a training never exists
// with half its roster; printing its sign-in sheet hands the form only what it draws.
import { useLiveQuery } from 'dexie-react-hooks';
import { BACKUP_FORMAT, BACKUP_VERSION, type LedgerBackup } from '../../../shared/backup';
import type { RecordInput } from '../../../shared/schemas';
import { checkHeld, type HeldRefusal } from '../../../shared/training/attendance';
import { checkPlanRequest, type PlanRequestRefusal } from '../../../shared/training/requests';
import type { Training, TrainingAttendee } from '../../../shared/schemas';
import { isListed } from '../../../shared/sync/arrival';
import { commitScope } from '../../db/commit';
import type { AttachmentInput, Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { pdfFileName, printForm, type PrintFormResult } from '../../print/print-form';

export interface TrainingLedger {
  trainings: Training[];
  attendees: TrainingAttendee[];
}

export function useTrainingLedger(db: NetdeskDb): TrainingLedger | undefined {
  return useLiveQuery(async () => {
    const [trainings, attendees] = await Promise.all([
      db.trainings.toArray(),
      db.trainingAttendees.toArray(),
    ]);
    return {
      trainings: trainings.filter(isListed).sort((a, b) => b.date.localeCompare(a.date)),
      attendees: attendees.filter(isListed),
    };
  }, [db]);
}

/** The parts of a training the form sets when it plans or changes one. */
export type TrainingSession = Pick<
  RecordInput<'trainings'>,
  'topic' | 'kind' | 'date' | 'location' | 'trainer' | 'requestingDepartmentId'
>;

/** The live rows of a training's roster (inside the caller's transaction, if any). */
async function liveRoster(db: NetdeskDb, trainingId: string): Promise<TrainingAttendee[]> {
  return (await db.trainingAttendees.where('trainingId').equals(trainingId).toArray()).filter(isListed);
}

/** Put people on a training's roster (inside the caller's transaction); all of them or nothing. */
async function addToRoster(
  repo: Repository,
  trainingId: string,
  personIds: readonly string[],
  signed = false,
): Promise<void> {
  if (personIds.length === 0) return;
  const result = await repo.bulkCreate(
    'trainingAttendees',
    personIds.map((personId) => ({ trainingId, personId, signed })),
  );
  if (!result.ok) throw new Error(`roster refused: ${result.errors.length} rows`);
}

/** Create a training with its roster, all or nothing. */
export async function createTraining(
  db: NetdeskDb,
  repo: Repository,
  input: RecordInput<'trainings'>,
  personIds: readonly string[],
): Promise<Training> {
  return db.transaction('rw', commitScope(db, ['trainings', 'trainingAttendees']), async () => {
    const training = await repo.create('trainings', input);
    await addToRoster(repo, training.id, personIds);
    return training;
  });
}

/** Why a department's request was not planned (shared/training/requests.ts). */
export class RequestNotPlanned extends Error {
  constructor(readonly reason: PlanRequestRefusal) {
    super(`request not planned: ${reason}`);
    this.name = 'RequestNotPlanned';
  }
}

/**
 * Plan a department's request: the request becomes the session (its day, place, trainer and topic
 * as the form has them, status planned) and gets its roster — in one transaction, so a request is
 * never marked planned without its session's roster, nor the roster written for a request left
 * waiting. Refused (RequestNotPlanned) when it is no longer a request or the day is before it.
 */
export async function planTrainingRequest(
  db: NetdeskDb,
  repo: Repository,
  requestId: string,
  session: TrainingSession,
  personIds: readonly string[],
): Promise<Training> {
  return db.transaction('rw', commitScope(db, ['trainings', 'trainingAttendees']), async () => {
    const request = await db.trainings.get(requestId);
    if (!request || !isListed(request)) throw new Error(`no training ${requestId}`);
    const refusal = checkPlanRequest(request, session.date);
    if (refusal) throw new RequestNotPlanned(refusal);
    const planned = await repo.update('trainings', requestId, { ...session, status: 'planned' });
    const onRoster = new Set((await liveRoster(db, requestId)).map((a) => a.personId));
    await addToRoster(
      repo,
      requestId,
      personIds.filter((id) => !onRoster.has(id)),
    );
    return planned;
  });
}

/** A training that may no longer be changed from the form: held (its sheet is signed) or cancelled. */
export class TrainingNotEditable extends Error {
  constructor(readonly status: string) {
    super(`training is ${status}: not edited`);
    this.name = 'TrainingNotEditable';
  }
}

/**
 * Change a planned training or a department's request: its topic, kind, day, place, trainer and
 * requesting department, and its roster — people added, people taken off (their roster rows
 * deleted, synced like any deletion) — in one transaction. A held or cancelled training is refused
 * (TrainingNotEditable): its sign-in sheet is the record of what happened.
 */
export async function updateTraining(
  db: NetdeskDb,
  repo: Repository,
  trainingId: string,
  session: TrainingSession,
  personIds: readonly string[],
): Promise<Training> {
  return db.transaction('rw', commitScope(db, ['trainings', 'trainingAttendees']), async () => {
    const training = await db.trainings.get(trainingId);
    if (!training || !isListed(training)) throw new Error(`no training ${trainingId}`);
    const status = training.status ?? 'planned';
    if (status !== 'planned' && status !== 'requested') throw new TrainingNotEditable(status);
    const updated = await repo.update('trainings', trainingId, session);
    const roster = await liveRoster(db, trainingId);
    const wanted = new Set(personIds);
    for (const a of roster) if (!wanted.has(a.personId)) await repo.remove('trainingAttendees', a.id);
    const onRoster = new Set(roster.map((a) => a.personId));
    await addToRoster(
      repo,
      trainingId,
      [...wanted].filter((id) => !onRoster.has(id)),
    );
    return updated;
  });
}

/** Print the training's sign-in sheet (签到表-<date>-<topic>.pdf). */
export async function printSigninSheet(
  db: NetdeskDb,
  training: Training,
  confirmMissing: (chars: string[]) => Promise<boolean>,
): Promise<PrintFormResult | null> {
  const attendees = await liveRoster(db, training.id);
  const people = (await db.people.bulkGet(attendees.map((a) => a.personId))).filter(
    (p) => p !== undefined && isListed(p),
  );
  const departmentIds = [...new Set(people.map((p) => p!.departmentId).filter((id): id is string => !!id))];
  const departments = (await db.departments.bulkGet(departmentIds)).filter(
    (d) => d !== undefined && isListed(d),
  );
  const source: LedgerBackup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    tables: {
      trainings: [training],
      trainingAttendees: attendees,
      people: people.map((p) => p!),
      departments: departments.map((d) => d!),
    },
  };
  const fileName = pdfFileName('签到表', training.date, training.topic.slice(0, 30));
  const first = await printForm('signin', source, { id: training.id, fileName });
  if (first.ok) return first;
  if (!(await confirmMissing(first.missing))) return null;
  return printForm('signin', source, { id: training.id, fileName, allowMissing: true });
}

/** Why a training was not marked held (shared/training/attendance.ts). */
export class TrainingRefused extends Error {
  constructor(readonly reason: HeldRefusal) {
    super(`training not marked held: ${reason}`);
    this.name = 'TrainingRefused';
  }
}

export interface HeldInput {
  /** Everyone who signed the sheet: people of the roster and walk-ins picked from the directory. */
  attendedPersonIds: string[];
  /** The scanned signed sheet, if there is one yet (it can be attached later too). */
  scan?: AttachmentInput;
  feedback: string;
  feedbackScore: number | null;
}

/**
 * Mark a training held from its signed sign-in sheet: the roster's signatures, walk-ins added to
 * the roster as signed, the scan attached, the feedback kept — all in one transaction, or nothing.
 * Refused (TrainingRefused) when nobody signed, the day has not come or it was cancelled.
 */
export async function markTrainingHeld(
  db: NetdeskDb,
  repo: Repository,
  trainingId: string,
  input: HeldInput,
  today: string,
): Promise<Training> {
  const attended = new Set(input.attendedPersonIds);
  const before = await db.trainings.get(trainingId);
  if (!before || !isListed(before)) throw new Error(`no training ${trainingId}`);
  const refusal = checkHeld(before, [...attended], today);
  if (refusal) throw new TrainingRefused(refusal);
  // Hashing cannot run inside an IndexedDB transaction; the scan is stored first (content-addressed,
  // so a refusal below leaves only an unreferenced copy, never a half-marked training).
  const scan = input.scan ? await repo.putAttachment(input.scan) : null;
  return db.transaction('rw', commitScope(db, ['trainings', 'trainingAttendees']), async () => {
    const training = await db.trainings.get(trainingId);
    if (!training || !isListed(training)) throw new Error(`no training ${trainingId}`);
    const roster = await liveRoster(db, trainingId);
    for (const a of roster) {
      if (a.signed !== attended.has(a.personId))
        await repo.update('trainingAttendees', a.id, { signed: attended.has(a.personId) });
    }
    const onRoster = new Set(roster.map((a) => a.personId));
    // Walk-ins who signed a blank row join the roster as signed.
    await addToRoster(
      repo,
      trainingId,
      [...attended].filter((id) => !onRoster.has(id)),
      true,
    );
    const shas = training.signedSheetShas ?? [];
    return repo.update('trainings', trainingId, {
      status: 'held',
      feedback: input.feedback,
      feedbackScore: input.feedbackScore,
      ...(scan && !shas.includes(scan.sha256) ? { signedSheetShas: [...shas, scan.sha256] } : {}),
    });
  });
}

/** Plan a requested training, cancel one, or put a cancelled one back on the plan. */
export async function setTrainingStatus(
  repo: Repository,
  trainingId: string,
  status: 'requested' | 'planned' | 'cancelled',
): Promise<Training> {
  return repo.update('trainings', trainingId, { status });
}
