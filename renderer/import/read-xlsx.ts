// Reading an XLSX workbook into rows of cells for the device and quote imports.
// exceljs is large, so it is loaded only when a workbook is opened. Cell values are reduced to
// what a ledger holds: text, numbers, dates (as YYYY-MM-DD: exceljs gives a date cell as midnight
// UTC, which must not shift a day in the PC's zone), formulas as their last computed result.
import type { CellValue, Workbook } from 'exceljs';
import type { SheetCell, SheetRow } from '../../shared/import/devices';

export interface WorkbookSheet {
  name: string;
  rows: SheetRow[];
}

async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.Workbook();
}

/** One exceljs cell value as a plain cell. */
export function plainCell(value: CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date))
      ? null
      : plainCell(result as CellValue);
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : null;
  if ('error' in value) return null;
  return null;
}

/** Every worksheet that has cells, with its rows as arrays (column A at index 0). */
export async function readXlsxSheets(bytes: Uint8Array): Promise<WorkbookSheet[]> {
  const workbook = await newWorkbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheets: WorkbookSheet[] = [];
  workbook.eachSheet((sheet) => {
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: SheetCell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        // A merged cell repeats its master's value; only the master keeps it.
        cells[col - 1] = cell.isMerged && cell.master !== cell ? null : plainCell(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
    });
    if (rows.length > 0) sheets.push({ name: sheet.name, rows: Array.from(rows, (r) => r ?? []) });
  });
  return sheets;
}
