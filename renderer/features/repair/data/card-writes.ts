// Writes of repair cards: walk-up logging, workflow steps, the repair record, the signed scan,
// corrections and deletion. Each runs in one transaction with the repository's writes (which
// nest in it); the derived search copy and counters follow through the write pipeline's hook
// (./derived.ts) inside the same transaction, so a refused input changes nothing.
//
// Times are stored as Date.toISOString() (UTC, 'Z') whatever form they arrive in, so that the
// indexes order them and the list's date range compares them as strings.
import {
  BLANK_CARDS_MAX,
  formatCardNo,
  nextCardNo,
  parseCardNo,
} from '../../../../shared/repair/card-number';
import {
  correctionNote,
  parseCorrectionNote,
  type CorrectionChange,
} from '../../../../shared/repair/corrections';
import { scanRemovedNote } from '../../../../shared/repair/attachment-notes';
import { partsWithOrdered } from '../../../../shared/repair/parts';
import { evaluateSla } from '../../../../shared/repair/sla';
import { applyRepairEvent, type RepairEventType } from '../../../../shared/repair/workflow';
import type { AttachmentMeta, RepairCard, RepairEvent } from '../../../../shared/schemas';
import { isListed } from '../../../../shared/sync/arrival';
import { sameKey } from '../../../../shared/text/fold';
import { whereKey } from '../../../db/keys';
import { validateInput } from '../../../db/repository';
import type { NetdeskDb } from '../../../db/schema';
import { getCardTimeline } from './card-queries';
import { commitScope } from '../../../db/commit';
import { repairDerivedHook } from './derived';
import {
  RepairDataError,
  type CardCorrection,
  type LogRepairCardInput,
  type RepairContext,
  type RepairEventInput,
  type RepairRecordInput,
  type SignedCardInput,
} from './types';
import { chinaDay } from '../../../../shared/time/china';

/** How far ahead of this PC's clock a typed time may be (clocks of two PCs differ a little). */
const FUTURE_TOLERANCE_MS = 60_000;

/** Events that record something beside the work and so may be written at any earlier time. */
const SIDE_EVENTS: ReadonlySet<RepairEventType> = new Set(['note', 'vendor-contact', 'head-signed']);

/**
 * Every table a card write touches (the repository's nest inside a transaction over these): the
 * card and event tables with their hooks' tables, and the directory it reads.
 */
function writeScope(db: NetdeskDb) {
  // The hook is named so that importing this module registers it (./derived.ts does on load).
  return [
    ...new Set([
      ...commitScope(db, ['repairCards', 'repairEvents']),
      ...repairDerivedHook.writes(db),
      db.people,
      db.devices,
      db.departments,
    ]),
  ];
}

/** A typed time as stored, or 'bad-time' when it is not a time or lies in the future. */
function storedTime(value: string, now: Date, field: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) {
    throw new RepairDataError('bad-time', `${field}: "${value}" is not a time`, field, {
      rule: 'not-a-time',
    });
  }
  if (t > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new RepairDataError('bad-time', `${field}: ${value} is in the future`, field, { rule: 'future' });
  }
  return new Date(t).toISOString();
}

function pcLetter(ctx: RepairContext): string {
  const pc = ctx.pcCode.trim().toUpperCase();
  if (!/^[A-Z]$/.test(pc)) {
    throw new RepairDataError(
      'no-pc-code',
      `this PC has no card-number letter (got "${ctx.pcCode}")`,
      'cardNo',
    );
  }
  return pc;
}

/** The China-time year printed in a card number. */
function chinaYear(now: Date): number {
  return Number(chinaDay(now).slice(0, 4));
}

const reservedKey = (year: number, pc: string) => `repair.cardNoReserved.${year}.${pc}`;

/**
 * The next free number of this PC and year: after every number already on a card (deleted
 * ones too, their paper may exist) and every number printed on blank cards. Reads only the
 * cardNo index range of this PC and year.
 */
async function allocateCardNo(db: NetdeskDb, year: number, pc: string): Promise<string> {
  const prefix = `WX-${year}-${pc}-`;
  const used = (await db.repairCards
    .where('cardNo')
    .between(prefix, `${prefix}\uffff`)
    .uniqueKeys()) as string[];
  const reserved = (await db.localMeta.get(reservedKey(year, pc)))?.value;
  const fromCards = parseCardNo(nextCardNo(used, year, pc))!.seq;
  const seq = Math.max(fromCards, typeof reserved === 'number' ? reserved + 1 : 1);
  return formatCardNo({ year, pcCode: pc, seq });
}

/** The number the next walk-up card logged on this PC would get (shown greyed in the form). */
export async function peekNextCardNo(ctx: RepairContext): Promise<string> {
  const pc = pcLetter(ctx);
  return ctx.db.transaction('r', [ctx.db.repairCards, ctx.db.localMeta], () =>
    allocateCardNo(ctx.db, chinaYear(ctx.now()), pc),
  );
}

/**
 * Take `count` numbers for a batch of pre-printed blank cards: they are never given to a
 * walk-up card of this PC, and logging a blank card keeps its number.
 */
export async function reserveBlankCardNumbers(ctx: RepairContext, count: number): Promise<string[]> {
  const pc = pcLetter(ctx);
  const n = Math.floor(count);
  if (n < 1 || n > BLANK_CARDS_MAX)
    throw new RangeError(`a batch of blank cards holds 1–${BLANK_CARDS_MAX} numbers, not ${count}`);
  const year = chinaYear(ctx.now());
  const { db } = ctx;
  return db.transaction('rw', [db.repairCards, db.localMeta], async () => {
    const first = parseCardNo(await allocateCardNo(db, year, pc))!.seq;
    await db.localMeta.put({ key: reservedKey(year, pc), value: first + n - 1 });
    return Array.from({ length: n }, (_, i) => formatCardNo({ year, pcCode: pc, seq: first + i }));
  });
}

/** A pre-printed number as stored: ours upper-cased, another format kept as typed. */
function normalizeCardNo(typed: string): string {
  const trimmed = typed.trim();
  const parts = parseCardNo(trimmed);
  return parts ? formatCardNo(parts) : trimmed;
}

async function liveCard(db: NetdeskDb, cardId: string): Promise<RepairCard> {
  const card = await db.repairCards.get(cardId);
  if (!card || !isListed(card)) {
    throw new RepairDataError('not-found', `repair card ${cardId} does not exist`);
  }
  return card;
}

/** The device a typed or scanned asset tag names (compared as a key: any case or width). */
async function deviceByTag(db: NetdeskDb, tag: string) {
  const typed = tag.trim();
  const found = await whereKey(db.devices, 'assetTag', typed).filter(isListed).first();
  if (!found) {
    throw new RepairDataError('unknown-asset-tag', `no device has asset tag "${typed}"`, 'deviceTag');
  }
  return found;
}

async function liveRecord<T extends { createdAt: string; deletedAt: string | null }>(
  get: Promise<T | undefined>,
  field: string,
  id: string,
): Promise<T> {
  const record = await get;
  // A person or device sync has delivered only in part is not there yet for a new card.
  if (!record || !isListed(record)) {
    throw new RepairDataError('unknown-reference', `${field} ${id} does not exist`, field);
  }
  return record;
}

/** Requester, department and device of an intake form, completed from the directory. */
async function resolveParties(
  db: NetdeskDb,
  input: Pick<
    LogRepairCardInput,
    'requesterId' | 'requesterName' | 'departmentId' | 'deviceId' | 'deviceTag'
  >,
) {
  let requesterName = input.requesterName?.trim() ?? '';
  let departmentId = input.departmentId ?? null;
  const requesterId = input.requesterId ?? null;
  if (requesterId) {
    const person = await liveRecord(db.people.get(requesterId), 'requesterId', requesterId);
    requesterName ||= person.name;
    departmentId ??= person.departmentId;
  }
  if (!requesterName) {
    throw new RepairDataError('requester-required', 'a repair card needs the requester', 'requesterName');
  }
  let deviceId = input.deviceId ?? null;
  let deviceTag = input.deviceTag?.trim() ?? '';
  if (deviceId) {
    const device = await liveRecord(db.devices.get(deviceId), 'deviceId', deviceId);
    if (deviceTag && !sameKey(deviceTag, device.assetTag)) {
      throw new RepairDataError(
        'unknown-asset-tag',
        `asset tag "${deviceTag}" is not the chosen device's (${device.assetTag})`,
        'deviceTag',
      );
    }
    deviceTag = device.assetTag;
    departmentId ??= device.departmentId;
  } else if (deviceTag) {
    const device = await deviceByTag(db, deviceTag);
    deviceId = device.id;
    deviceTag = device.assetTag;
    departmentId ??= device.departmentId;
  }
  if (departmentId) await liveRecord(db.departments.get(departmentId), 'departmentId', departmentId);
  return { requesterId, requesterName, departmentId, deviceId, deviceTag };
}

/**
 * Log a walk-up card: number (allocated, or the pre-printed one kept), requester, department,
 * device, fault; the "received" event by this PC's user; the 24-hour due time. A department
 * head's signature given at intake is also recorded as a "head-signed" event.
 *
 * Throws RepositoryError 'invalid' (field issues: e.g. a description over 2,000 characters)
 * or 'duplicate' (field 'cardNo'), or RepairDataError 'unknown-asset-tag', 'unknown-reference',
 * 'requester-required', 'bad-time', 'no-pc-code'. Nothing is written when it throws.
 */
export async function logRepairCard(ctx: RepairContext, input: LogRepairCardInput): Promise<RepairCard> {
  const { db, repo } = ctx;
  const now = ctx.now();
  const receivedAt = storedTime(input.receivedAt ?? now.toISOString(), now, 'receivedAt');
  const deptHeadSignedAt = input.deptHeadSignedAt
    ? storedTime(input.deptHeadSignedAt, now, 'deptHeadSignedAt')
    : null;
  const typedNo = input.cardNo?.trim() ? normalizeCardNo(input.cardNo) : null;
  const pc = typedNo ? null : pcLetter(ctx);
  const content = {
    cardNo: typedNo ?? formatCardNo({ year: chinaYear(now), pcCode: pc!, seq: 1 }),
    requesterId: input.requesterId ?? null,
    requesterName: input.requesterName ?? '',
    departmentId: input.departmentId ?? null,
    deviceId: input.deviceId ?? null,
    deviceTag: input.deviceTag ?? '',
    faultCategory: input.faultCategory,
    description: input.description,
    receivedAt,
    deptHeadSignedAt,
    status: 'received' as const,
    slaDueAt: evaluateSla(receivedAt, [], new Date(receivedAt)).dueAt,
    fromCheckId: input.fromCheckId ?? null,
  };
  // The form's own mistakes are reported before the database is touched; the requester's name
  // may still come from the directory, so it is checked after the look-up.
  validateInput('repairCards', { ...content, requesterName: content.requesterName.trim() || '…' });

  return db.transaction('rw', writeScope(db), async () => {
    const parties = await resolveParties(db, input);
    const cardNo = typedNo ?? (await allocateCardNo(db, chinaYear(now), pc!));
    const card = await repo.create('repairCards', { ...content, ...parties, cardNo });
    await repo.create('repairEvents', {
      cardId: card.id,
      type: 'received',
      at: receivedAt,
      by: ctx.operator,
    });
    if (deptHeadSignedAt) {
      await repo.create('repairEvents', {
        cardId: card.id,
        type: 'head-signed',
        at: deptHeadSignedAt,
        by: ctx.operator,
      });
    }
    return card;
  });
}

/** The input rules of each event that need no database. */
function checkEventInput(input: RepairEventInput): void {
  if (input.type === 'approved' || input.type === 'approval-denied') {
    if (!input.approverRole || !input.approverName?.trim()) {
      throw new RepairDataError(
        'approver-required',
        'an approval needs the general manager or chairman and their name',
        input.approverRole ? 'approverName' : 'approverRole',
      );
    }
  }
  if (input.type === 'refused' && (!input.refusalCause || !input.reason?.trim())) {
    throw new RepairDataError(
      'refusal-reason-required',
      'a refusal needs its cause and reason',
      input.refusalCause ? 'reason' : 'refusalCause',
    );
  }
  if (input.type === 'vendor-contact' && !input.vendor?.trim()) {
    throw new RepairDataError('vendor-required', 'a vendor contact needs the vendor', 'vendor');
  }
}

/**
 * Record one workflow step on a card: the event by this PC's user, the card's new status and
 * due time (the 24-hour clock over all its events), and for a refusal its cause and reason,
 * for "head-signed" the signature time.
 *
 * Refused (nothing written): 'not-allowed' when the workflow does not allow the step in the
 * card's status (an approval on a card that was never refused); 'bad-time' for a time in the
 * future, before the card was received, or before the card's last step; 'approver-required',
 * 'refusal-reason-required', 'vendor-required'; 'not-found'; RepositoryError 'invalid'.
 */
export async function recordRepairEvent(
  ctx: RepairContext,
  cardId: string,
  input: RepairEventInput,
): Promise<{ card: RepairCard; event: RepairEvent }> {
  const { db, repo } = ctx;
  const now = ctx.now();
  checkEventInput(input);
  const at = storedTime(input.at ?? now.toISOString(), now, 'at');
  const refusal = input.type === 'refused';
  const eventContent = {
    cardId,
    type: input.type,
    at,
    by: ctx.operator,
    note: (refusal ? input.reason : input.note) ?? '',
    approverRole: input.approverRole ?? null,
    approverName: input.approverName ?? '',
    vendor: input.vendor ?? '',
    partName: input.partName ?? '',
  };
  validateInput('repairEvents', eventContent);

  return db.transaction('rw', writeScope(db), async () => {
    const card = await liveCard(db, cardId);
    const step = applyRepairEvent(card.status, input.type);
    if (!step.ok) {
      throw new RepairDataError(
        'not-allowed',
        `"${input.type}" is not allowed on a card in "${card.status}"`,
      );
    }
    const timeline = await getCardTimeline(db, cardId);
    if (input.type !== 'head-signed' && at < card.receivedAt) {
      throw new RepairDataError(
        'bad-time',
        `${at} is before the card was received (${card.receivedAt})`,
        'at',
        { rule: 'before-received', limit: card.receivedAt },
      );
    }
    if (!SIDE_EVENTS.has(input.type)) {
      const lastStep = timeline.filter((e) => !SIDE_EVENTS.has(e.type)).at(-1);
      if (lastStep && at < lastStep.at) {
        throw new RepairDataError('bad-time', `${at} is before the card's last step (${lastStep.at})`, 'at', {
          rule: 'before-last-step',
          limit: lastStep.at,
        });
      }
    }
    const event = await repo.create('repairEvents', eventContent);
    const clock = evaluateSla(
      card.receivedAt,
      [...timeline, event],
      new Date(Math.max(now.getTime(), Date.parse(at))),
    );
    // The part waited for goes into the repair record's parts, once (quantity editable there).
    const parts =
      input.type === 'part-ordered' || input.type === 'part-arrived'
        ? partsWithOrdered(card.parts, input.partName ?? '')
        : null;
    const updated = await repo.update('repairCards', cardId, {
      status: step.status,
      slaDueAt: clock.dueAt,
      ...(parts ? { parts } : {}),
      ...(input.type === 'head-signed' ? { deptHeadSignedAt: at } : {}),
      ...(refusal ? { refusalCause: input.refusalCause!, refusalReason: input.reason!.trim() } : {}),
    });
    return { card: updated, event };
  });
}

/**
 * Save the repair record (diagnosis, work done, parts, result, time spent, suggestion).
 * Fields left undefined keep their value. RepositoryError 'invalid' names the bad field.
 */
export async function saveRepairRecord(
  ctx: RepairContext,
  cardId: string,
  record: RepairRecordInput,
): Promise<RepairCard> {
  const { db, repo } = ctx;
  return db.transaction('rw', writeScope(db), async () => {
    await liveCard(db, cardId);
    return repo.update('repairCards', cardId, {
      diagnosis: record.diagnosis,
      workDone: record.workDone,
      result: record.result,
      minutesSpent: record.minutesSpent,
      suggestion: record.suggestion,
      parts: record.parts,
    });
  });
}

/**
 * Attach the scanned signed card (image or PDF): stored once by SHA-256, its hash added to the
 * card. Attaching the same file again changes nothing.
 */
export async function attachSignedCard(
  ctx: RepairContext,
  cardId: string,
  file: SignedCardInput,
): Promise<{ card: RepairCard; attachment: AttachmentMeta }> {
  const { db, repo } = ctx;
  await liveCard(db, cardId);
  // Hashing cannot run inside an IndexedDB transaction; the file is stored first (content-addressed,
  // so a failed link below leaves only an unreferenced copy, never a broken card).
  const attachment = await repo.putAttachment(file);
  const card = await db.transaction('rw', writeScope(db), async () => {
    const current = await liveCard(db, cardId);
    if (current.attachmentShas.includes(attachment.sha256)) return current;
    return repo.update('repairCards', cardId, {
      attachmentShas: [...current.attachmentShas, attachment.sha256],
    });
  });
  return { card, attachment };
}

/**
 * Take a scan off the card (the wrong file was uploaded). The card's history keeps a note of it:
 * which file, when and by whom. The stored file itself stays (another card may hold the same
 * file, and a backup or the other PC may still name it); only this card's link goes.
 * 'not-found' when the card holds no such scan.
 */
export async function removeSignedCard(
  ctx: RepairContext,
  cardId: string,
  sha256: string,
): Promise<RepairCard> {
  const { db, repo } = ctx;
  return db.transaction('rw', [...writeScope(db), db.attachments], async () => {
    const card = await liveCard(db, cardId);
    if (!card.attachmentShas.includes(sha256)) {
      throw new RepairDataError('not-found', `card ${card.cardNo} holds no scan ${sha256}`);
    }
    const stored = await db.attachments.get(sha256);
    const updated = await repo.update('repairCards', cardId, {
      attachmentShas: card.attachmentShas.filter((s) => s !== sha256),
    });
    await repo.create('repairEvents', {
      cardId,
      type: 'note',
      at: ctx.now().toISOString(),
      by: ctx.operator,
      note: scanRemovedNote({ name: stored?.name ?? sha256.slice(0, 12), sha256 }),
    });
    return updated;
  });
}

/**
 * The requester, device and department fields a correction changes, each looked up only when it
 * changes (correcting the description of an old card never trips over a device retired since).
 * A new requester brings their department unless one is given.
 */
async function correctedParties(
  db: NetdeskDb,
  card: RepairCard,
  correction: CardCorrection,
): Promise<Partial<RepairCard>> {
  const out: Partial<RepairCard> = {};

  let personDepartment: string | null | undefined;
  const requesterId = correction.requesterId === undefined ? card.requesterId : correction.requesterId;
  const typedName = correction.requesterName?.trim();
  if (requesterId !== card.requesterId || (typedName !== undefined && typedName !== card.requesterName)) {
    let name = typedName ?? '';
    personDepartment = null;
    if (requesterId) {
      const person = await liveRecord(db.people.get(requesterId), 'requesterId', requesterId);
      name ||= person.name;
      personDepartment = person.departmentId;
    }
    if (!name) {
      throw new RepairDataError('requester-required', 'a repair card needs the requester', 'requesterName');
    }
    out.requesterId = requesterId;
    out.requesterName = name;
  }

  let deviceDepartment: string | null = null;
  const typedTag = correction.deviceTag?.trim() ?? '';
  if (typedTag && !correction.deviceId) {
    if (!sameKey(typedTag, card.deviceTag)) {
      const device = await deviceByTag(db, typedTag);
      out.deviceId = device.id;
      out.deviceTag = device.assetTag;
      deviceDepartment = device.departmentId;
    }
  } else if (correction.deviceId !== undefined && correction.deviceId !== card.deviceId) {
    const id = correction.deviceId;
    const device = id ? await liveRecord(db.devices.get(id), 'deviceId', id) : null;
    if (device && typedTag && !sameKey(typedTag, device.assetTag)) {
      throw new RepairDataError(
        'unknown-asset-tag',
        `asset tag "${typedTag}" is not the chosen device's (${device.assetTag})`,
        'deviceTag',
      );
    }
    out.deviceId = device?.id ?? null;
    out.deviceTag = device?.assetTag ?? '';
    deviceDepartment = device?.departmentId ?? null;
  }

  if (correction.departmentId !== undefined) {
    const id = correction.departmentId;
    if (id !== card.departmentId) {
      if (id) await liveRecord(db.departments.get(id), 'departmentId', id);
      out.departmentId = id;
    }
  } else if (personDepartment !== undefined) {
    out.departmentId = personDepartment ?? deviceDepartment;
  }
  return out;
}

/** A department's name for the timeline ('' for none). */
async function departmentName(db: NetdeskDb, id: string | null): Promise<string> {
  return id ? ((await db.departments.get(id))?.name ?? '') : '';
}

/** Events a corrected received time may not come after: every step but the receipt itself, the
 * department head's signature (given before the card is handed over) and earlier corrections. */
function boundsReceipt(e: RepairEvent): boolean {
  if (e.type === 'received' || e.type === 'head-signed') return false;
  return !(e.type === 'note' && parseCorrectionNote(e.note) !== null);
}

/**
 * Correct intake fields typed wrongly at the counter: requester, department, device, fault
 * category, description, received time, the department head's signature. A field left undefined
 * keeps its value; null clears it (no device, signature pending). The card is validated whole as
 * at intake (a description over the limit is refused), an unknown asset tag is refused, and a new
 * received time may not fall after any later step of the card.
 *
 * The card's timeline gets a note "更正登记信息" by this PC's user listing each field's old and new
 * value (shared/repair/corrections); the received event, the head-signed event and the due time
 * move with the fields they belong to; the list's search copy and counters follow. Correcting
 * nothing writes nothing.
 *
 * Refused (nothing written): RepositoryError 'invalid'; RepairDataError 'unknown-asset-tag',
 * 'unknown-reference', 'requester-required', 'bad-time' (a time in the future),
 * 'received-after-step', 'not-found'.
 */
export async function correctRepairCard(
  ctx: RepairContext,
  cardId: string,
  correction: CardCorrection,
): Promise<RepairCard> {
  const { db, repo } = ctx;
  const now = ctx.now();
  const receivedAt =
    correction.receivedAt === undefined ? undefined : storedTime(correction.receivedAt, now, 'receivedAt');
  const deptHeadSignedAt =
    correction.deptHeadSignedAt === undefined || correction.deptHeadSignedAt === null
      ? correction.deptHeadSignedAt
      : storedTime(correction.deptHeadSignedAt, now, 'deptHeadSignedAt');
  return db.transaction('rw', writeScope(db), async () => {
    const card = await liveCard(db, cardId);

    const parties = await correctedParties(db, card, correction);
    const patch: Partial<RepairCard> = {
      ...parties,
      faultCategory: correction.faultCategory,
      description: correction.description,
      deptHeadSignedAt,
    };

    const timeline = await getCardTimeline(db, cardId);
    if (receivedAt !== undefined && receivedAt !== card.receivedAt) {
      const firstStep = timeline.find(boundsReceipt);
      if (firstStep && firstStep.at < receivedAt) {
        throw new RepairDataError(
          'received-after-step',
          `received ${receivedAt} would be after the card's step "${firstStep.type}" (${firstStep.at})`,
          'receivedAt',
        );
      }
      for (const e of timeline.filter((e) => e.type === 'received')) {
        await repo.update('repairEvents', e.id, { at: receivedAt });
      }
      patch.receivedAt = receivedAt;
      patch.slaDueAt = evaluateSla(
        receivedAt,
        timeline,
        new Date(Math.max(now.getTime(), Date.parse(receivedAt))),
      ).dueAt;
    }

    const updated = await repo.update('repairCards', cardId, patch);

    // The head-signed step follows the signature time: added, moved or taken back.
    if (updated.deptHeadSignedAt !== card.deptHeadSignedAt) {
      const signed = timeline.filter((e) => e.type === 'head-signed');
      if (updated.deptHeadSignedAt === null) {
        for (const e of signed) await repo.remove('repairEvents', e.id);
      } else if (signed.length > 0) {
        await repo.update('repairEvents', signed.at(-1)!.id, { at: updated.deptHeadSignedAt });
      } else {
        await repo.create('repairEvents', {
          cardId,
          type: 'head-signed',
          at: updated.deptHeadSignedAt,
          by: ctx.operator,
        });
      }
    }

    const changes: CorrectionChange[] = [];
    const note = (field: CorrectionChange['field'], from: string, to: string) => {
      if (from !== to) changes.push({ field, from, to });
    };
    note('requester', card.requesterName, updated.requesterName);
    note(
      'department',
      await departmentName(db, card.departmentId),
      await departmentName(db, updated.departmentId),
    );
    note('device', card.deviceTag, updated.deviceTag);
    note('faultCategory', card.faultCategory, updated.faultCategory);
    note('description', card.description, updated.description);
    note('receivedAt', card.receivedAt, updated.receivedAt);
    note('deptHeadSignedAt', card.deptHeadSignedAt ?? '', updated.deptHeadSignedAt ?? '');
    if (changes.length > 0) {
      await repo.create('repairEvents', {
        cardId,
        type: 'note',
        at: now.toISOString(),
        by: ctx.operator,
        note: correctionNote(changes),
      });
    }
    return updated;
  });
}

/**
 * Delete a card logged by mistake: a tombstone (restoreRepairCard undoes it), so the deletion
 * reaches the other PCs by sync. Its number stays used: no walk-up card gets it again.
 */
export async function removeRepairCard(ctx: RepairContext, cardId: string): Promise<RepairCard> {
  const { db, repo } = ctx;
  return db.transaction('rw', writeScope(db), async () => {
    await liveCard(db, cardId);
    const removed = await repo.remove('repairCards', cardId);
    return removed;
  });
}

/** Undo removeRepairCard. RepositoryError 'duplicate' when its number was logged again meanwhile. */
export async function restoreRepairCard(ctx: RepairContext, cardId: string): Promise<RepairCard> {
  const { db, repo } = ctx;
  return db.transaction('rw', writeScope(db), async () => {
    const restored = await repo.restore('repairCards', cardId);
    return restored;
  });
}
