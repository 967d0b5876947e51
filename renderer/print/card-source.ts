// What the printed repair card is drawn from, read out of the open ledger. NetDesk's forms take a
// backup-shaped object (the CLI prints from backup files), so for one card this builds the smallest
// such object: the card, its events, the requester, the department, the device and the company
// name. The device goes without its secret (admin passwords): what is never loaded is never printed.
import { BACKUP_FORMAT, BACKUP_VERSION, type LedgerBackup } from '../../shared/backup';
import type { BlankCardsChoice } from '../../shared/pdf/forms/repair-card';
import { nextCardNo } from '../../shared/repair/card-number';
import type { Device, RepairCard } from '../../shared/schemas';
import type { NetdeskDb } from '../db/schema';

const alive = <T extends { deletedAt: string | null }>(row: T | undefined): T | undefined =>
  row && row.deletedAt === null ? row : undefined;

/** A card by its record id, or by its printed number as typed or scanned (case and spaces ignored). */
export async function findCard(db: NetdeskDb, idOrCardNo: string): Promise<RepairCard | undefined> {
  const wanted = idOrCardNo.trim();
  if (!wanted) return undefined;
  const byId = alive(await db.repairCards.get(wanted));
  if (byId) return byId;
  const cardNo = wanted.toUpperCase().replace(/\s+/g, '');
  const matches = await db.repairCards.where('cardNo').equals(cardNo).toArray();
  return matches.find((c) => c.deletedAt === null);
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
    db.ledgerSettings.where('key').equals('companyName').toArray(),
  ]);
  const liveDevice = alive(device);
  const printable: Device | undefined = liveDevice && { ...liveDevice, secret: '' };
  const present = <T>(row: T | undefined): T[] => (row ? [row] : []);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    tables: {
      repairCards: [card],
      repairEvents: events.filter((e) => e.deletedAt === null),
      people: present(alive(person)),
      departments: present(alive(department)),
      devices: present(printable),
      ledgerSettings: settings.filter((s) => s.deletedAt === null),
    },
  };
}

/**
 * What a batch of blank cards is printed from: the company name, and the batch choice with its
 * first number fixed to the next one after every number this PC has used that year (cards logged
 * and blank cards already logged back), read from the index without loading whole cards.
 */
export async function blankCardsPrintSource(
  db: NetdeskDb,
  batch: { count: number; pcCode: string; year: number },
  now: Date = new Date(),
): Promise<{ backup: LedgerBackup; choice: BlankCardsChoice }> {
  const prefix = `WX-${batch.year}-${batch.pcCode}-`;
  const [used, settings] = await Promise.all([
    db.repairCards.where('cardNo').startsWith(prefix).uniqueKeys(),
    db.ledgerSettings.where('key').equals('companyName').toArray(),
  ]);
  const firstCardNo = nextCardNo(used.map(String), batch.year, batch.pcCode);
  return {
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      tables: { ledgerSettings: settings.filter((s) => s.deletedAt === null) },
    },
    choice: { count: batch.count, firstCardNo },
  };
}
