// Per-field sync can deliver a record in parts: a later field may arrive before the change that
// created the record (another PC's journal file is still being written, or was read out of order).
// Such a record has no createdAt yet. Lists, pickers and counters leave it out until it is whole,
// so the supervisor never sees a card without a number or a device without a tag.
//
// isListed is NetDesk's one "live record" rule: arrived whole and not deleted. Lists, pickers,
// counters, lookups by a typed key, the uniqueness check and the printed forms all ask it.

/** True once the change that created the record has arrived (it carries createdAt). */
export function hasArrived(record: { createdAt?: string | null } | null | undefined): boolean {
  return Boolean(record?.createdAt);
}

/** A record a list shows: arrived whole and not deleted. */
export function isListed(
  record: { createdAt?: string | null; deletedAt?: string | null } | null | undefined,
): boolean {
  return hasArrived(record) && !record?.deletedAt;
}

/** The listed records of a list (a missing list is empty). */
export function listedOnly<T extends { createdAt?: string | null; deletedAt?: string | null }>(
  rows: readonly T[] | undefined,
): T[] {
  return (rows ?? []).filter((r) => isListed(r));
}

/** The record when it is listed, else undefined. */
export function ifListed<T extends { createdAt?: string | null; deletedAt?: string | null }>(
  record: T | null | undefined,
): T | undefined {
  return record && isListed(record) ? record : undefined;
}
