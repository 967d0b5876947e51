// A workbook is measured before exceljs sees it: declared sizes first, then the XML scanned in
// pieces. The hostile ones are built here (test/unit/hostile-xlsx.ts), refused by the limit they
// pass, quickly and without holding the inflated text.
import { describe, expect, it } from 'vitest';
import {
  columnName,
  declareSize,
  hugeSharedString,
  inlineRows,
  manyRows,
  workbook,
} from '../../test/unit/hostile-xlsx';
import { checkXlsx, XLSX_LIMITS } from './xlsx-check';

/** Heap growth while `run` runs, sampled on each progress report. */
function heapDuring<T>(run: (sample: () => void) => T): { result: T; grewMb: number } {
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const result = run(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  });
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { result, grewMb: (peak - before) / 1048576 };
}

describe('checkXlsx', () => {
  it('lets a device ledger within the limits through', () => {
    const check = checkXlsx(workbook(inlineRows(300, 21)));
    expect(check).toEqual({ ok: true, sheets: 1, rows: 300 });
  });

  it('refuses a million-row sheet by its declared size, and stops a lying one at the row limit', () => {
    const file = workbook(manyRows(1_000_000));
    let started = performance.now();
    expect(checkXlsx(file)).toEqual({
      ok: false,
      limit: 'sheetBytes',
      max: XLSX_LIMITS.sheetBytes,
      part: 'xl/worksheets/sheet1.xml',
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    // The zip claims the sheet is small: it is inflated in pieces, and the scan stops at the
    // first row past the limit.
    const lying = declareSize(file, 'xl/worksheets/sheet1.xml', 1000);
    started = performance.now();
    const { result, grewMb } = heapDuring((sample) => checkXlsx(lying, { onProgress: sample }));
    expect(result).toEqual({
      ok: false,
      limit: 'rows',
      max: XLSX_LIMITS.rows,
      part: 'xl/worksheets/sheet1.xml',
      row: XLSX_LIMITS.rows + 1,
    });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(grewMb).toBeLessThan(64);
  }, 120_000);

  it('refuses one shared string that inflates to 200 MB before inflating it', () => {
    const file = workbook(inlineRows(2, 2), hugeSharedString(200));
    expect(file.length).toBeLessThan(1 << 20);
    const { result, grewMb } = heapDuring((sample) => checkXlsx(file, { onProgress: sample }));
    expect(result).toEqual({
      ok: false,
      limit: 'sharedStringsBytes',
      max: XLSX_LIMITS.sharedStringsBytes,
      part: 'xl/sharedStrings.xml',
    });
    expect(grewMb).toBeLessThan(16);
  }, 120_000);

  it('refuses the same string when the zip lies about its size, while inflating it', () => {
    const file = declareSize(workbook(inlineRows(2, 2), hugeSharedString(40)), 'xl/sharedStrings.xml', 1000);
    const { result, grewMb } = heapDuring((sample) => checkXlsx(file, { onProgress: sample }));
    expect(result).toMatchObject({ ok: false, part: 'xl/sharedStrings.xml' });
    expect(['cellChars', 'sharedStringsBytes']).toContain((result as { limit: string }).limit);
    expect(grewMb).toBeLessThan(64);
  }, 120_000);

  it('refuses too many columns, a cell longer than Excel allows, and bytes that are no zip', () => {
    expect(checkXlsx(workbook(inlineRows(3, XLSX_LIMITS.columns + 1)))).toMatchObject({
      ok: false,
      limit: 'columns',
      row: 1,
    });
    expect(columnName(XLSX_LIMITS.columns + 1)).toBe('CW');
    const long = workbook(inlineRows(3, 2, (r, c) => (r === 2 && c === 2 ? '长'.repeat(40_000) : 'x')));
    expect(checkXlsx(long)).toMatchObject({ ok: false, limit: 'cellChars', row: 2 });
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(checkXlsx(broken)).toMatchObject({ ok: false, limit: 'unreadable' });
  });
});
