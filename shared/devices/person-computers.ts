// Who has which computer (电脑编号 of a person), derived from the device register: a person's
// computers are the computers whose user is that person. A handover changes the computer's user
// (device-writes.ts), so the new user shows the computer at once and the old one no longer does;
// there is nothing to copy and nothing to go stale. Every screen that shows a person's computer
// (people list and form, the global search, the requester picker, the 通讯录 PDF) reads it here.
//
// The person record's own `computerTag` is NOT this: it keeps the text as an imported directory
// wrote it (people CSV "电脑编号"), for matching a person to a device at import time and for the
// record of what the file said. It is never shown as the person's computer, because it was a
// copy that nobody updated when a computer changed hands, which is how it went stale.
import type { Device } from '../schemas';
import { isListed } from '../sync/arrival';

/** What the rule needs of a device. */
export type ComputerRecord = Pick<Device, 'id' | 'type' | 'assetTag' | 'userPersonId' | 'status'> & {
  createdAt?: string | null;
  deletedAt?: string | null;
};

const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Each person's computers, by person id, ordered by asset tag. A retired computer is no one's
 * computer any more, even if its last user is still written on it; deleted ones and ones sync
 * delivered only in part are left out.
 */
export function computersByPerson<D extends ComputerRecord>(devices: Iterable<D>): Map<string, D[]> {
  const byPerson = new Map<string, D[]>();
  for (const d of devices) {
    if (d.type !== 'computer' || !d.userPersonId || d.status === 'retired' || !isListed(d)) continue;
    const list = byPerson.get(d.userPersonId);
    if (list) list.push(d);
    else byPerson.set(d.userPersonId, [d]);
  }
  for (const list of byPerson.values()) list.sort((a, b) => collator.compare(a.assetTag, b.assetTag));
  return byPerson;
}

/** The asset tags of a person's computers, as one line ('' when none): "PC-0101、PC-0102". */
export function computerTagsText(
  byPerson: ReadonlyMap<string, readonly Pick<Device, 'assetTag'>[]>,
  personId: string,
): string {
  return (byPerson.get(personId) ?? []).map((d) => d.assetTag).join('、');
}

/**
 * The name a computer takes when it changes hands: a name that says whose it is ("卢敏琪的电脑")
 * says the new user's instead; any other name is kept. Offered in the handover dialog, never forced.
 */
export function nameForNewUser(
  name: string,
  fromName: string | undefined,
  toName: string | undefined,
): string {
  if (!fromName || !toName || !name.includes(fromName)) return name;
  return name.split(fromName).join(toName);
}
