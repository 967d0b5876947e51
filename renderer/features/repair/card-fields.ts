// The intake fields of a repair card as the walk-up form and the correction form both validate
// them: one zod schema, so a correction is held to exactly the rules of logging (the description's
// limit is the ledger schema's own, a typed time must be a whole date and time, a signature needs
// its time). The data layer checks the rest (unknown tag, times against the card's steps).
import { z } from 'zod';
import { FAULT_CATEGORIES, repairCardSchema, type Device } from '../../../shared/schemas';
import { isListed } from '../../../shared/sync/arrival';
import { sameKey } from '../../../shared/text/fold';
import { zodIssueMessage } from '../../i18n/errors';
import { fromChinaInputValue } from './repair-format';

/** A datetime-local value that holds a whole date and time. */
export const typedTime = z
  .string()
  .refine((v) => fromChinaInputValue(v) !== null, { message: 'repair.errors.badTimeTyped' });

/** Requester, device, fault and times of a card, as typed (times in local datetime-local form). */
export const cardFieldsSchema = z.object({
  requesterId: z.string().nullable(),
  deviceId: z.string().nullable(),
  deviceTag: z.string().trim().max(40),
  faultCategory: z.enum(FAULT_CATEGORIES),
  description: repairCardSchema.shape.description,
  receivedAt: typedTime,
  headSigned: z.boolean(),
  headSignedAt: z.string(),
});

export type CardFieldValues = z.output<typeof cardFieldsSchema>;

/**
 * The longest text a field's schema accepts, for the box's counter and its limit: the box stops
 * where the ledger would refuse (a default or an optional wrapper looked through).
 */
export function textLimit(schema: z.ZodType): number | undefined {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
    inner = inner.unwrap() as z.ZodType;
  }
  return inner instanceof z.ZodString ? (inner.maxLength ?? undefined) : undefined;
}

/** The fault description's limit (2,000 characters), from the ledger's own schema. */
export const DESCRIPTION_MAX = textLimit(cardFieldsSchema.shape.description)!;

/** A signature marked as given needs the time it was given. */
export function checkHeadSignature(
  v: Pick<CardFieldValues, 'headSigned' | 'headSignedAt'>,
  ctx: z.RefinementCtx,
): void {
  if (v.headSigned && fromChinaInputValue(v.headSignedAt) === null) {
    ctx.addIssue({ code: 'custom', path: ['headSignedAt'], message: 'repair.errors.badTimeTyped' });
  }
}

/** The card forms' error map: the common one (custom issues carry a dictionary key as message). */
export const cardIssueMessage = zodIssueMessage;

/** The data layer's field names as the card forms name their fields. */
export const FORM_FIELD_OF: Record<string, keyof CardFieldValues | 'cardNo'> = {
  requesterId: 'requesterId',
  requesterName: 'requesterId',
  deviceId: 'deviceId',
  deviceTag: 'deviceTag',
  faultCategory: 'faultCategory',
  description: 'description',
  receivedAt: 'receivedAt',
  deptHeadSignedAt: 'headSignedAt',
  cardNo: 'cardNo',
};

/** The listed device whose asset tag is `typed` as a key (any case or width), as Save resolves it. */
export function listedDeviceWithTag(devices: readonly Device[], typed: string): Device | undefined {
  return typed.trim() ? devices.find((d) => isListed(d) && sameKey(d.assetTag, typed)) : undefined;
}

/**
 * The device a saved card names: the chosen one, or the typed tag when it was not resolved (or was
 * changed after choosing), for the data layer to resolve (it refuses an unknown tag).
 */
export function cardDevice(
  values: Pick<CardFieldValues, 'deviceId' | 'deviceTag'>,
  byId: ReadonlyMap<string, Device>,
): { deviceTag: string } | { deviceId: string | null } {
  const chosen = values.deviceId ? byId.get(values.deviceId) : undefined;
  const typedTag = values.deviceTag.trim();
  const byTag = typedTag && (!chosen || !sameKey(chosen.assetTag, typedTag));
  return byTag ? { deviceTag: typedTag } : { deviceId: chosen?.id ?? null };
}
