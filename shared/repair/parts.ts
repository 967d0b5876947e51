// The repair record's parts list (更换配件) follows the parts the card waited for: a part ordered
// or arrived (订配件 / 配件到货) is listed once, quantity 1, for the supervisor to correct in the
// record; a part already listed (by name, any case or spacing) is left as it is.
import type { RepairCard } from '../schemas';

type Part = RepairCard['parts'][number];

/** At most this many parts on a card (the ledger schema's limit). */
const PARTS_MAX = 50;

const partKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** `parts` with `partName` added (quantity 1, no cost yet) unless it is listed already; null when unchanged. */
export function partsWithOrdered(parts: readonly Part[], partName: string): Part[] | null {
  const name = partName.trim();
  if (!name || parts.length >= PARTS_MAX) return null;
  if (parts.some((p) => partKey(p.name) === partKey(name))) return null;
  return [...parts, { name, quantity: 1, cost: 0 }];
}
