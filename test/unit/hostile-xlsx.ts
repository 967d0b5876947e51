// Hostile XLSX workbooks built in memory for the import tests (never checked in: one inflates to
// 200 MB). Each is a real zip with the parts Excel writes; the sheet XML streams into the zip in
// pieces, so building a million rows does not hold them all as one string.
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
  '</Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '</Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
  '</Relationships>';
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
const SST_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** A workbook whose sheet XML and shared strings XML come in pieces. */
export function workbook(
  sheet: Iterable<string>,
  sharedStrings: Iterable<string> = ['<si><t>x</t></si>'],
): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const whole = (name: string, text: string) => {
    const f = new ZipPassThrough(name);
    zip.add(f);
    f.push(strToU8(text), true);
  };
  const streamed = (name: string, head: string, body: Iterable<string>, tail: string) => {
    const f = new ZipDeflate(name, { level: 1 });
    zip.add(f);
    f.push(strToU8(head));
    let batch = '';
    for (const piece of body) {
      batch += piece;
      if (batch.length > 1 << 20) {
        f.push(strToU8(batch));
        batch = '';
      }
    }
    f.push(strToU8(batch + tail), true);
  };
  whole('[Content_Types].xml', CONTENT_TYPES);
  whole('_rels/.rels', ROOT_RELS);
  whole('xl/workbook.xml', WORKBOOK);
  whole('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  streamed('xl/worksheets/sheet1.xml', SHEET_HEAD, sheet, SHEET_TAIL);
  streamed('xl/sharedStrings.xml', SST_HEAD, sharedStrings, '</sst>');
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** `count` rows of one numeric cell: a million of them is what took 29 s and 1.7 GB. */
export function* manyRows(count: number): Generator<string> {
  for (let r = 1; r <= count; r++) yield `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
}

/** One shared string of `mb` megabytes of one letter: 200 MB deflates to about 200 KB. */
export function* hugeSharedString(mb: number): Generator<string> {
  yield '<si><t>';
  const block = 'A'.repeat(1 << 20);
  for (let i = 0; i < mb; i++) yield block;
  yield '</t></si>';
}

/** A header row and `rows` data rows of inline strings, `columns` wide. */
export function* inlineRows(
  rows: number,
  columns: number,
  cell = (r: number, c: number) => `R${r}C${c}`,
): Generator<string> {
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 1; c <= columns; c++)
      row += `<c r="${columnName(c)}${r}" t="inlineStr"><is><t>${cell(r, c)}</t></is></c>`;
    yield `${row}</row>`;
  }
}

export function columnName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The same zip with the size its directory declares for `part` replaced by `size` (a lying zip). */
export function declareSize(zip: Uint8Array, part: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const name = strToU8(part);
  const nameAt = (at: number, nameLen: number, offset: number) =>
    nameLen === name.length && name.every((b, i) => out[at + offset + i] === b);
  for (let at = 0; at + 46 < out.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x02014b50 && nameAt(at, view.getUint16(at + 28, true), 46))
      view.setUint32(at + 24, size, true);
  }
  return out;
}
