// The devices feature's writes, and the reads its drawer and dashboard card make (the register
// itself is read by use-device-ledger.ts with its index feed, and export.ts): a device deleted or restored alone, and the writes that touch more than one record,
// each in ONE Dexie transaction with the repository's own writes nested in it: a handover (the handover record and the new
// user of the computer, its new name and place when given), an asset card saved with its
// attachment checked against the ledger as it is inside the transaction (a new printer on a
// computer takes the computer's department unless one was chosen), and the asset bought on a purchase evaluation (the new device
// and the evaluation's "bought" status). Either everything is written, or nothing.
//
//   await handOverDevice(ctx, { deviceId, toPersonId: li.id, note: '岗位调整' });
//   await saveDevice(ctx, null, input);                      // new asset card
//   await saveDevice(ctx, device.id, input);                 // edit
//   await buyFromEvaluation(ctx, evaluation.id, input);      // bought → new asset
//
// Errors: DeviceWriteError (code below, `field` names the form field) for the rules here, or
// the repository's RepositoryError ('invalid', 'duplicate' asset tag, 'not-found', 'deleted').
import {
  attachmentProblem,
  type AttachmentProblem,
  type DeviceLink,
} from '../../../shared/devices/responsible';
import { canMoveEvaluation } from '../../../shared/devices/evaluation-flow';
import {
  frequentlyRepaired,
  repeatRepairSince,
  WARRANTY_WARNING_DAYS,
  warrantyEndingSoon,
} from '../../../shared/devices/flags';
import { buildDeviceTimeline, type TimelineEntry } from '../../../shared/devices/timeline';
import { isListed } from '../../../shared/sync/arrival';
import { addDays, chinaDay } from '../../../shared/time/china';
import type { Device, RecordInput } from '../../../shared/schemas';
import { RepositoryError, type Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { cardsOfDevice } from '../repair/data';

export interface DeviceContext {
  db: NetdeskDb;
  repo: Repository;
  /** The person using this PC (settings): written as `by` on a handover. */
  operator: string;
  now: () => Date;
}

export type DeviceWriteErrorCode =
  /** The peripheral may not hang on that device; `problem` says why. */
  | 'attachment'
  /** A handover to the person who already has the device. */
  | 'same-user'
  /** Only a computer changes hands by a handover (a printer follows its computer). */
  | 'not-a-computer'
  /** The evaluation is not in a status that allows the step. */
  | 'evaluation-status';

export class DeviceWriteError extends Error {
  override readonly name = 'DeviceWriteError';
  constructor(
    readonly code: DeviceWriteErrorCode,
    message: string,
    readonly field?: string,
    readonly problem?: AttachmentProblem,
  ) {
    super(message);
  }
}

function scope(db: NetdeskDb) {
  return [db.devices, db.deviceHandovers, db.purchaseEvaluations, db.changeLog, db.localMeta];
}

async function liveDevice(ctx: DeviceContext, id: string): Promise<Device> {
  const device = await ctx.db.devices.get(id);
  if (!device) throw new RepositoryError('not-found', `devices ${id} does not exist`, { table: 'devices' });
  if (device.deletedAt)
    throw new RepositoryError('deleted', `devices ${id} is deleted`, { table: 'devices' });
  return device;
}

/**
 * Refuse an attachment the seed's rule cannot follow (itself, to a printer, a missing host).
 * Returns the host, or undefined when there is none.
 */
async function checkAttachment(
  ctx: DeviceContext,
  selfId: string | null,
  input: RecordInput<'devices'>,
): Promise<Device | undefined> {
  const hostId = input.attachedToDeviceId ?? null;
  if (!hostId) return undefined;
  const host = await ctx.db.devices.get(hostId);
  const lookup = (id: string): DeviceLink | undefined =>
    id === hostId && host && !host.deletedAt ? host : undefined;
  const problem = attachmentProblem({ id: selfId ?? '', type: input.type }, hostId, lookup);
  if (problem) {
    throw new DeviceWriteError(
      'attachment',
      `cannot attach to ${hostId}: ${problem}`,
      'attachedToDeviceId',
      problem,
    );
  }
  return host;
}

/** A new printer or peripheral on a computer stands in its department, unless one was chosen. */
function withHostDepartment(input: RecordInput<'devices'>, host: Device | undefined): RecordInput<'devices'> {
  return !input.departmentId && host?.departmentId ? { ...input, departmentId: host.departmentId } : input;
}

/** Create (id null) or update an asset card. */
export async function saveDevice(
  ctx: DeviceContext,
  id: string | null,
  input: RecordInput<'devices'>,
): Promise<Device> {
  return ctx.db.transaction('rw', scope(ctx.db), async () => {
    const stored = id ? await liveDevice(ctx, id) : undefined;
    // A link saved earlier is not re-judged when neither it nor the type changed (an edit of
    // the location must not fail on an attachment made before the rule was enforced).
    const unchanged =
      stored &&
      stored.type === input.type &&
      stored.attachedToDeviceId === (input.attachedToDeviceId ?? null);
    const host = unchanged ? undefined : await checkAttachment(ctx, id, input);
    return id
      ? ctx.repo.update('devices', id, input)
      : ctx.repo.create('devices', withHostDepartment(input, host));
  });
}

export interface HandoverInput {
  deviceId: string;
  /** The new user; null when the computer comes back to the network centre. */
  toPersonId: string | null;
  note?: string;
  /** Move the asset card to the new user's department too. */
  moveDepartment?: boolean;
  /** The computer's new name ("卢敏琪的电脑" → "方廷杰的电脑"); left as it is when undefined. */
  name?: string;
  /** Where the computer now stands; left as it is when undefined. */
  location?: string;
}

/**
 * Hand a computer to another person: record who had it, who gets it, when and by whom, and set
 * its user. Printers and peripherals attached to it follow by the derived rule: nothing to copy.
 */
export async function handOverDevice(ctx: DeviceContext, input: HandoverInput): Promise<Device> {
  return ctx.db.transaction('rw', [...scope(ctx.db), ctx.db.people], async () => {
    const device = await liveDevice(ctx, input.deviceId);
    if (device.type !== 'computer') {
      throw new DeviceWriteError('not-a-computer', `${device.assetTag} is a ${device.type}, not a computer`);
    }
    if (device.userPersonId === input.toPersonId) {
      throw new DeviceWriteError(
        'same-user',
        `${device.assetTag} already belongs to that person`,
        'toPersonId',
      );
    }
    const newUser = input.toPersonId ? await ctx.db.people.get(input.toPersonId) : undefined;
    if (input.toPersonId && (!newUser || newUser.deletedAt)) {
      throw new RepositoryError('not-found', `people ${input.toPersonId} does not exist`, {
        table: 'people',
        field: 'toPersonId',
      });
    }
    await ctx.repo.create('deviceHandovers', {
      deviceId: device.id,
      fromPersonId: device.userPersonId,
      toPersonId: input.toPersonId,
      at: ctx.now().toISOString(),
      by: ctx.operator,
      note: input.note ?? '',
    });
    const patch: Partial<RecordInput<'devices'>> = { userPersonId: input.toPersonId };
    if (input.moveDepartment && newUser?.departmentId) patch.departmentId = newUser.departmentId;
    if (input.name !== undefined) patch.name = input.name.trim();
    if (input.location !== undefined) patch.location = input.location.trim();
    return ctx.repo.update('devices', device.id, patch);
  });
}

/**
 * The asset bought on an approved evaluation: create the device and mark the evaluation bought,
 * linking the two, together.
 */
export async function buyFromEvaluation(
  ctx: DeviceContext,
  evaluationId: string,
  input: RecordInput<'devices'>,
): Promise<Device> {
  return ctx.db.transaction('rw', scope(ctx.db), async () => {
    const evaluation = await ctx.repo.get('purchaseEvaluations', evaluationId);
    if (!evaluation) {
      throw new RepositoryError('not-found', `purchaseEvaluations ${evaluationId} does not exist`, {
        table: 'purchaseEvaluations',
      });
    }
    if (!canMoveEvaluation(evaluation.status, 'bought')) {
      throw new DeviceWriteError('evaluation-status', `evaluation is ${evaluation.status}, not approved`);
    }
    const host = await checkAttachment(ctx, null, input);
    const device = await ctx.repo.create('devices', withHostDepartment(input, host));
    await ctx.repo.update('purchaseEvaluations', evaluationId, {
      status: 'bought',
      boughtDeviceId: device.id,
      decidedOn: evaluation.decidedOn ?? chinaDay(ctx.now()),
    });
    return device;
  });
}

export async function removeDevice(ctx: DeviceContext, id: string): Promise<void> {
  await ctx.repo.remove('devices', id);
}

export async function restoreDevice(ctx: DeviceContext, id: string): Promise<void> {
  await ctx.repo.restore('devices', id);
}

// ── Reads ──────────────────────────────────────────────────────────────────────────────────

/**
 * One device's history for its drawer: its repair cards and handovers by index, and the purchase
 * evaluations (few, with no device index, so read whole). A printer's history holds its
 * computer's handovers too (`hostId`): its responsible person changed.
 */
export async function readDeviceHistory(
  db: NetdeskDb,
  device: { id: string; createdAt: string | null; hostId: string | null },
): Promise<TimelineEntry[]> {
  const { id, hostId } = device;
  const [cards, handovers, evaluations] = await Promise.all([
    cardsOfDevice(db, id),
    db.deviceHandovers
      .where('deviceId')
      .anyOf(hostId ? [id, hostId] : [id])
      .toArray(),
    db.purchaseEvaluations.toArray(),
  ]);
  return buildDeviceTimeline(device, { cards, handovers, evaluations });
}

export interface DeviceFlags {
  warranty: ReturnType<typeof warrantyEndingSoon>;
  repeat: (ReturnType<typeof frequentlyRepaired>[number] & { device: Device })[];
}

/**
 * The dashboard's device alerts at `now`. Only indexed ranges: warranties ending in the next 30
 * days, cards of the last 90 days, and then just the devices those cards flag. The dashboard
 * never reads every device.
 */
export async function readDeviceFlags(db: NetdeskDb, now: Date): Promise<DeviceFlags> {
  const today = chinaDay(now);
  const horizon = addDays(today, WARRANTY_WARNING_DAYS);
  const [ending, cards] = await Promise.all([
    db.devices.where('warrantyEnd').between(today, horizon, true, true).toArray(),
    db.repairCards.where('receivedAt').aboveOrEqual(repeatRepairSince(now)).toArray(),
  ]);
  const repeated = frequentlyRepaired(cards, repeatRepairSince(now));
  const flagged = await db.devices.bulkGet(repeated.map((f) => f.deviceId));
  const byId = new Map(flagged.flatMap((d) => (d ? [[d.id, d] as const] : [])));
  return {
    warranty: warrantyEndingSoon(ending, now),
    repeat: repeated.flatMap((f) => {
      const device = byId.get(f.deviceId);
      return isListed(device) ? [{ ...f, device: device! }] : [];
    }),
  };
}
