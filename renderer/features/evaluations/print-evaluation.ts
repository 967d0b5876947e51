// Printing a work request (工作申请单) through NetDesk's form printer (renderer/print): the
// request, its requester and department, the device it replaces and the one bought on it, and
// the company name, as the smallest backup-shaped object the 'evaluation' form draws from.
// Devices go without their secret (admin passwords): what is never loaded is never printed.
import { BACKUP_FORMAT, BACKUP_VERSION, type LedgerBackup } from '../../../shared/backup';
import type { Device, PurchaseEvaluation } from '../../../shared/schemas';
import { ifListed } from '../../../shared/sync/arrival';
import type { NetdeskDb } from '../../db/schema';
import { pdfFileName, printForm, type PrintFormResult } from '../../print/print-form';

export async function evaluationPrintSource(
  db: NetdeskDb,
  evaluation: PurchaseEvaluation,
  now: Date = new Date(),
): Promise<LedgerBackup> {
  const deviceIds = [evaluation.replacesDeviceId, evaluation.boughtDeviceId].filter(
    (id): id is string => !!id,
  );
  const [person, department, devices, settings] = await Promise.all([
    evaluation.requesterId ? db.people.get(evaluation.requesterId) : undefined,
    evaluation.departmentId ? db.departments.get(evaluation.departmentId) : undefined,
    db.devices.bulkGet(deviceIds),
    db.ledgerSettings.where('key').equals('companyName').toArray(),
  ]);
  const printable = devices
    .map((d) => ifListed(d))
    .filter((d): d is Device => d !== undefined)
    .map((d) => ({ ...d, secret: '' }));
  const present = <T>(row: T | undefined): T[] => (row ? [row] : []);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    tables: {
      purchaseEvaluations: [evaluation],
      people: present(ifListed(person)),
      departments: present(ifListed(department)),
      devices: printable,
      ledgerSettings: settings.filter((s) => s.deletedAt === null),
    },
  };
}

/**
 * Print `evaluation` as 工作申请单-<date>-<item>.pdf. `confirmMissing` is asked when the font
 * lacks characters of the request; false stops (null is returned).
 */
export async function printEvaluation(
  db: NetdeskDb,
  evaluation: PurchaseEvaluation,
  confirmMissing: (chars: string[]) => Promise<boolean>,
): Promise<PrintFormResult | null> {
  const source = await evaluationPrintSource(db, evaluation);
  const fileName = pdfFileName('工作申请单', evaluation.requestedOn, evaluation.item.slice(0, 30));
  const first = await printForm('evaluation', source, { id: evaluation.id, fileName });
  if (first.ok) return first;
  if (!(await confirmMissing(first.missing))) return null;
  return printForm('evaluation', source, { id: evaluation.id, fileName, allowMissing: true });
}
