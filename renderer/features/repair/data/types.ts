// Inputs, context and errors of the repair-card data layer (see index.ts for the whole API).
import type { FaultCategory, RefusalCause } from '../../../../shared/repair/status-groups';
import type { RepairEventType } from '../../../../shared/repair/workflow';
import type { AttachmentMeta } from '../../../../shared/schemas';
import type { Repository } from '../../../db/repository';
import type { NetdeskDb } from '../../../db/schema';

/** What every write needs: the ledger, its repository, this PC's letter and its user, a clock. */
export interface RepairContext {
  db: NetdeskDb;
  /** Created on the same `db` (and, in tests, the same clock). */
  repo: Repository;
  /** This PC's card-number letter from settings: 'A'…'Z'. */
  pcCode: string;
  /** The person using this PC (settings): written as `by` on every event. */
  operator: string;
  now: () => Date;
}

/** A walk-up card as the intake form supplies it. */
export interface LogRepairCardInput {
  /** A person of the directory; fills requesterName and departmentId when those are missing. */
  requesterId?: string | null;
  /** Required unless requesterId is given (then taken from the directory). */
  requesterName?: string;
  departmentId?: string | null;
  deviceId?: string | null;
  /** An asset tag typed or scanned; resolved to the device ('unknown-asset-tag' when none has it). */
  deviceTag?: string;
  faultCategory: FaultCategory;
  description: string;
  /** ISO time; defaults to now. A card received earlier may be logged later, never in the future. */
  receivedAt?: string;
  /** ISO time the department head signed; omitted or null = "signature pending". */
  deptHeadSignedAt?: string | null;
  /** The number printed on a pre-printed blank card: kept as is (upper-cased when it is WX-…). */
  cardNo?: string;
  /** The routine check whose problem item the card is opened from. */
  fromCheckId?: string | null;
}

/** One step of the workflow, as a screen's action button supplies it. */
export interface RepairEventInput {
  type: Exclude<RepairEventType, 'received'>;
  /** ISO time; defaults to now. Not before the card was received, not more than a minute ahead. */
  at?: string;
  note?: string;
  /** 'approved' and 'approval-denied': who decided (both required). */
  approverRole?: 'general-manager' | 'chairman' | null;
  approverName?: string;
  /** 'vendor-contact': the vendor (required); `note` holds what was said. */
  vendor?: string;
  /** 'part-ordered' / 'part-arrived': which part. */
  partName?: string;
  /** 'refused': the cause (required) … */
  refusalCause?: RefusalCause | null;
  /** … and the reason (required), written to the card and as the event's note. */
  reason?: string;
}

/** The repair record (维修记录) of a card. */
export interface RepairRecordInput {
  diagnosis?: string;
  workDone?: string;
  result?: string;
  minutesSpent?: number | null;
  suggestion?: string;
  parts?: { name: string; quantity: number; cost?: number }[];
}

/** A scanned signed card: image or PDF bytes. */
export interface SignedCardInput {
  bytes: Uint8Array;
  name: string;
  mime: AttachmentMeta['mime'];
}

/**
 * Intake fields that may be corrected after logging (typing mistakes at the counter). Undefined
 * keeps a field; null clears it. A device is given by id (a picker) or by a typed or scanned tag.
 */
export interface CardCorrection {
  requesterId?: string | null;
  requesterName?: string;
  departmentId?: string | null;
  deviceId?: string | null;
  deviceTag?: string;
  faultCategory?: FaultCategory;
  description?: string;
  receivedAt?: string;
  deptHeadSignedAt?: string | null;
}

export type RepairDataErrorCode =
  /** No device carries the typed or scanned asset tag. */
  | 'unknown-asset-tag'
  /** requesterId / deviceId / departmentId points at no live record. */
  | 'unknown-reference'
  /** The workflow does not allow this event in the card's status (e.g. approval without refusal). */
  | 'not-allowed'
  /** A time in the future, before the card was received, or before the card's last step. */
  | 'bad-time'
  /** A corrected received time after a later step of the card (started, repaired …). */
  | 'received-after-step'
  /** Approval or denial without the approver's role and name. */
  | 'approver-required'
  /** Refusal without its cause and reason. */
  | 'refusal-reason-required'
  /** Vendor contact without the vendor. */
  | 'vendor-required'
  /** No requester name and no requester to take it from. */
  | 'requester-required'
  /** This PC has no card-number letter in settings. */
  | 'no-pc-code'
  /** No live card with that id. */
  | 'not-found';

/**
 * Which time rule a 'bad-time' broke, so the message names it: a time in the future, one before
 * the card was received, one before the card's last step (`limit` is that other time, ISO).
 */
export type TimeRule =
  | { rule: 'not-a-time' }
  | { rule: 'future' }
  | { rule: 'before-received'; limit: string }
  | { rule: 'before-last-step'; limit: string };

/** A broken workflow rule. `field` names the form field to mark, when there is one. */
export class RepairDataError extends Error {
  override readonly name = 'RepairDataError';
  constructor(
    readonly code: RepairDataErrorCode,
    message: string,
    readonly field?: string,
    readonly time?: TimeRule,
  ) {
    super(message);
  }
}
