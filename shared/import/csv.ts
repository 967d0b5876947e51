// What every CSV import of NetDesk shares: decoding the bytes Excel saved (UTF-8 with or without a
// BOM, or GBK from an older Chinese Excel), splitting the text into rows of cells, and comparing
// header names and keys the way people write them (full or half width, any case, stray spaces).
// The people import (people-csv.ts) and the device import (devices.ts) both read through here.
import Papa from 'papaparse';

export type CsvEncoding = 'utf-8' | 'gbk';

/**
 * Decode the bytes of a CSV file. UTF-8 is tried first and strictly (a GBK file is almost never
 * valid UTF-8); anything else is read as GBK, the encoding older Chinese Excel saves "CSV" in.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: stripBom(text), encoding: 'utf-8' };
  } catch {
    return { text: stripBom(new TextDecoder('gbk').decode(bytes)), encoding: 'gbk' };
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The rows of a CSV text as arrays of cells, blank lines kept so line numbers match the file. */
export function csvRows(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  return parsed.data.filter((r): r is string[] => Array.isArray(r));
}

/** Full-width to half-width, lower case, no spaces, dots, underscores or slashes. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s._\-/()（）:：*]/g, '');
}

/** Employee numbers, asset tags and department names compare as keys (shared/text/fold.ts). */
export { foldKey as normalizeKey } from '../text/fold';
