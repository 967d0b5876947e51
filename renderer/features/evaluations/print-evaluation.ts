// Printing a work request (工作申请单) through NetDesk's form printer (renderer/print): the
// request, its requester and department, the device it replaces and the one bought on it, what
// the responsible-person rule reads for them (a printer's computer and that computer's user),
// and the company name, as the smallest backup-shaped object the 'evaluation' form draws from.
// Devices go without their secret (admin passwords): what is never loaded is never printed.
import { BACKUP_FORMAT, BACKUP_VERSION, type LedgerBackup } from '../../../shared/backup';
import { hostIdOf, responsiblePerson } from '../../../shared/devices/responsible';
import { ifListed } from '../../../shared/sync/arrival';
import type { Device, Person, PurchaseEvaluation } from '../../../shared/schemas';
import type { NetdeskDb } from '../../db/schema';
import { pdfFileName, printForm, type PrintFormResult } from '../../print/print-form';
import { ledgerSettingRows } from '../../db/ledger-settings';

export async function evaluationPrintSource(
  db: NetdeskDb,
  evaluation: PurchaseEvaluation,
  now: Date = new Date(),
): Promise<LedgerBackup> {
  const deviceIds = [evaluation.replacesDeviceId, evaluation.boughtDeviceId].filter(
    (id): id is string => !!id,
  );
  const [department, devices, settings] = await Promise.all([
    evaluation.departmentId ? db.departments.get(evaluation.departmentId) : undefined,
    db.devices.bulkGet(deviceIds),
    ledgerSettingRows(db, 'companyName'),
  ]);
  const printed = devices.map((d) => ifListed(d)).filter((d): d is Device => d !== undefined);
  const hostIds = printed.map(hostIdOf).filter((id): id is string => id !== null);
  const hosts = (await db.devices.bulkGet(hostIds)).filter((d): d is Device => ifListed(d) !== undefined);
  const byId = new Map([...printed, ...hosts].map((d) => [d.id, d]));
  const personIds = new Set([
    evaluation.requesterId,
    ...printed.map((d) => responsiblePerson(d, (id) => byId.get(id)).personId),
  ]);
  personIds.delete(null);
  const people = (await db.people.bulkGet([...personIds] as string[])).filter(
    (p): p is Person => ifListed(p) !== undefined,
  );
  const printable = [...byId.values()].map((d) => ({ ...d, secret: '' }));
  const present = <T>(row: T | undefined): T[] => (row ? [row] : []);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    tables: {
      purchaseEvaluations: [evaluation],
      people,
      departments: present(ifListed(department)),
      devices: printable,
      ledgerSettings: settings,
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
