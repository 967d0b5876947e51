// Printing the asset label sheet (资产标签) of the devices on screen through NetDesk's form
// printer. The 'labels' form prints every device of its source, so the source holds exactly the
// devices asked for, each a print-only copy: no secret, no addresses, and for a peripheral the
// responsible person already resolved by the seed's rule (its computer need not be on the sheet
// for the label to name the computer's user).
import { BACKUP_FORMAT, BACKUP_VERSION, type LedgerBackup } from '../../../shared/backup';
import type { DeviceRow } from '../../../shared/devices/device-list';
import type { Person } from '../../../shared/schemas';
import { pdfFileName, printForm, type PrintFormResult } from '../../print/print-form';

export function labelPrintSource(
  rows: readonly DeviceRow[],
  personById: ReadonlyMap<string, Person>,
  now: Date = new Date(),
): LedgerBackup {
  const devices = rows.map(({ device, responsible }) => ({
    ...device,
    secret: '',
    ip: '',
    mac: '',
    userPersonId: responsible.personId,
    attachedToDeviceId: null,
  }));
  const people = [...new Set(rows.map((r) => r.responsible.personId).filter((id): id is string => !!id))]
    .map((id) => personById.get(id))
    .filter((p): p is Person => p !== undefined && p.deletedAt === null);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    tables: { devices, people },
  };
}

/** Print labels for `rows`; `confirmMissing` decides whether to print past characters the font lacks. */
export async function printLabels(
  rows: readonly DeviceRow[],
  personById: ReadonlyMap<string, Person>,
  confirmMissing: (chars: string[]) => Promise<boolean>,
): Promise<PrintFormResult | null> {
  const source = labelPrintSource(rows, personById);
  const fileName = pdfFileName('资产标签', String(rows.length));
  // Exactly the devices on screen, retired ones included when the list shows them.
  const labels = { deviceIds: rows.map((r) => r.device.id) };
  const first = await printForm('labels', source, { fileName, labels });
  if (first.ok) return first;
  if (!(await confirmMissing(first.missing))) return null;
  return printForm('labels', source, { fileName, labels, allowMissing: true });
}
