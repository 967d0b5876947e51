// What the printed repair card is drawn from, read out of the open ledger. NetDesk's forms take a
// backup-shaped object (the CLI prints from backup files), so for one card this builds the smallest
// such object: the card, its events, the requester, the department, the device and the company
// name. The device goes without its secret (admin passwords): what is never loaded is never printed.
import { BACKUP_FORMAT, BACKUP_VERSION, type LedgerBackup } from '../../shared/backup';
import type { BlankCardsChoice } from '../../shared/pdf/forms/repair-card';
import { parseCardNo } from '../../shared/repair/card-number';
import type { Device, RepairCard } from '../../shared/schemas';
import { ifListed, isListed } from '../../shared/sync/arrival';
import { whereKey } from '../db/keys';
import type { NetdeskDb } from '../db/schema';
import { ledgerSettingRows } from '../db/ledger-settings';

/** A card by its record id, or by its printed number as typed or scanned (case and spaces ignored). */
export async function findCard(db: NetdeskDb, idOrCardNo: string): Promise<RepairCard | undefined> {
  const wanted = idOrCardNo.trim();
  if (!wanted) return undefined;
  const byId = ifListed(await db.repairCards.get(wanted));
  if (byId) return byId;
  // A number read aloud or copied from paper may carry spaces inside ("WX-2026 -A-0001").
  return whereKey(db.repairCards, 'cardNo', wanted.replace(/\s+/g, ''))
    .filter((c) => isListed(c))
    .first();
}

/**
 * The backup-shaped source for printing one card, or null when there is no such card (or it was
 * deleted). `now` stamps the object's exportedAt.
 */
export async function cardPrintSource(
  db: NetdeskDb,
  idOrCardNo: string,
  now: Date = new Date(),
): Promise<LedgerBackup | null> {
  const card = await findCard(db, idOrCardNo);
  if (!card) return null;
  const [events, person, department, device, settings] = await Promise.all([
    db.repairEvents.where('cardId').equals(card.id).toArray(),
    card.requesterId ? db.people.get(card.requesterId) : undefined,
    card.departmentId ? db.departments.get(card.departmentId) : undefined,
    card.deviceId ? db.devices.get(card.deviceId) : undefined,
    ledgerSettingRows(db, 'companyName'),
  ]);
  const liveDevice = ifListed(device);
  const printable: Device | undefined = liveDevice && { ...liveDevice, secret: '' };
  const present = <T>(row: T | undefined): T[] => (row ? [row] : []);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    tables: {
      repairCards: [card],
      repairEvents: events.filter((e) => isListed(e)),
      people: present(ifListed(person)),
      departments: present(ifListed(department)),
      devices: present(printable),
      ledgerSettings: settings,
    },
  };
}

/**
 * What a batch of blank cards is printed from: the company name, and the batch of numbers the
 * data layer reserved for it (reserveBlankCardNumbers: consecutive, never given to another card).
 */
export async function blankCardsPrintSource(
  db: NetdeskDb,
  reserved: readonly string[],
  now: Date = new Date(),
): Promise<{ backup: LedgerBackup; choice: BlankCardsChoice }> {
  const first = reserved[0];
  const parts = first === undefined ? null : parseCardNo(first);
  if (!parts)
    throw new RangeError(`blank cards need reserved numbers like WX-2026-A-0001, got "${first ?? ''}"`);
  // The form numbers the sheets from the first one on: the batch must be the run it will print.
  reserved.forEach((no, i) => {
    const p = parseCardNo(no);
    if (!p || p.year !== parts.year || p.pcCode !== parts.pcCode || p.seq !== parts.seq + i) {
      throw new RangeError(`reserved blank-card numbers are not one run: ${reserved.join(', ')}`);
    }
  });
  const settings = await ledgerSettingRows(db, 'companyName');
  return {
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      tables: { ledgerSettings: settings },
    },
    choice: { count: reserved.length, firstCardNo: first! },
  };
}
