// Printing the asset label sheet (资产标签) of the devices on screen through NetDesk's form
// printer. The 'labels' form prints every device of its source, so the source holds exactly the
// devices asked for, each a print-only copy: no secret, no addresses, and for a peripheral the
// responsible person already resolved by the seed's rule (its computer need not be on the sheet
// for the label to name the computer's user). The sheet (columns × rows, cut lines, positions
// already used on the first page) is the one chosen in the labels dialog (label-sheet.ts).
import { BACKUP_FORMAT, BACKUP_VERSION, type LedgerBackup } from '../../../shared/backup';
import type { DeviceRow } from '../../../shared/devices/device-list';
import type { LabelSheetChoice } from '../../../shared/pdf/forms/labels';
import type { Person } from '../../../shared/schemas';
import { pdfFileName, printForm, type PrintFormOptions, type PrintFormResult } from '../../print/print-form';
import type { LabelSheet } from './label-sheet';

/** A sheet as printed this time: the remembered grid, and the positions already used on page 1. */
export interface LabelPrintChoice extends LabelSheet {
  skip: number;
}

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

/** What the labels form is asked for: exactly these devices, in this order, on this sheet. */
export function labelSheetChoice(rows: readonly DeviceRow[], choice: LabelPrintChoice): LabelSheetChoice {
  return {
    // Retired devices included when the list shows them.
    deviceIds: rows.map((r) => r.device.id),
    cols: choice.cols,
    rows: choice.rows,
    ...(choice.outline ? { outline: true } : {}),
    ...(choice.skip > 0 ? { skip: choice.skip } : {}),
  };
}

/**
 * Print labels for `rows` on the chosen sheet; `confirmMissing` decides whether to print past
 * characters the font lacks. `through` replaces the page's services (tests).
 */
export async function printLabels(
  rows: readonly DeviceRow[],
  personById: ReadonlyMap<string, Person>,
  choice: LabelPrintChoice,
  confirmMissing: (chars: string[]) => Promise<boolean>,
  through: Pick<PrintFormOptions, 'api' | 'mode' | 'openWindow'> = {},
): Promise<PrintFormResult | null> {
  const source = labelPrintSource(rows, personById);
  const fileName = pdfFileName('资产标签', `${choice.cols}x${choice.rows}`, String(rows.length));
  const labels = labelSheetChoice(rows, choice);
  const first = await printForm('labels', source, { ...through, fileName, labels });
  if (first.ok) return first;
  if (!(await confirmMissing(first.missing))) return null;
  return printForm('labels', source, { ...through, fileName, labels, allowMissing: true });
}
