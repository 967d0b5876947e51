// What every CSV import of NetDesk shares: decoding the bytes Excel saved (UTF-8 with or without a
// BOM, or GBK from an older Chinese Excel), splitting the text into rows of cells, and comparing
// header names and keys the way people write them (full or half width, any case, stray spaces).
// The people import (people-csv.ts) and the device import (devices.ts) both read through here:
// one decoding, one refusal of broken characters.
import Papa from 'papaparse';

export type CsvEncoding = 'utf-8' | 'gbk' | 'utf-16';

/**
 * The bytes of an imported text file as text, or where they break. `line` is the 1-based line of
 * the first broken character (a CSV row is a line, unless a quoted cell spans lines).
 */
export type DecodedImport =
  { ok: true; text: string; encoding: CsvEncoding } | { ok: false; encoding: CsvEncoding; line: number };

/**
 * What a decoder leaves of bytes it cannot read: U+FFFD, and private-use characters (what the
 * GBK decoder makes of bytes GBK does not define). NUL is no character of a text file.
 */
const BROKEN = /[\ufffd\ue000-\uf8ff]/;

/**
 * The one way every import (people, devices, and any list read from a file) reads a file's
 * bytes. A byte-order mark says UTF-8 or UTF-16 (Excel's "Unicode text"); otherwise UTF-8 is tried
 * strictly, then the same bytes cut short inside their last character (a UTF-8 file cut by a
 * copy, not a GBK one), and anything else is GBK, the encoding older Chinese Excel saves "CSV" in.
 * Text with a character the decoder could not read is refused with its line: a name with U+FFFD
 * in it must never reach the ledger.
 */
export function decodeImportBytes(bytes: Uint8Array): DecodedImport {
  const { text, encoding } = decodeAs(bytes);
  const nul = text.indexOf('\u0000');
  const found = text.search(BROKEN);
  const bad = nul < 0 ? found : found < 0 ? nul : Math.min(nul, found);
  if (bad < 0) return { ok: true, text, encoding };
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < bad; i = text.indexOf('\n', i + 1)) line++;
  return { ok: false, encoding, line };
}

function decodeAs(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return {
      text: stripBom(new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes)),
      encoding: 'utf-16',
    };
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return { text: stripBom(strict.decode(bytes)), encoding: 'utf-8' };
  } catch {
    // Cut inside its last character: UTF-8 all the same, the broken end reported below.
    for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
      try {
        strict.decode(bytes.subarray(0, bytes.length - cut));
        if (bytes[bytes.length - cut]! >= 0xc0)
          return {
            text: stripBom(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)),
            encoding: 'utf-8',
          };
      } catch {
        // Not this cut.
      }
    }
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
