// Per-field sync can deliver a record in parts: a later field may arrive before the change that
// created the record (another PC's journal file is still being written, or was read out of order).
// Such a record has no createdAt yet. Lists, pickers and counters leave it out until it is whole,
// so the supervisor never sees a card without a number or a device without a tag.

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
