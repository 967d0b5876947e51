// Dates as they arrive from the supervisor's spreadsheets: ISO, slashes or dots, Chinese
// (2026年3月5日), or an Excel serial day number (45721). Returns 'YYYY-MM-DD' or null, never a
// guess: an impossible day (2026-02-30) is refused rather than rolled into March.
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30); // Excel's day 0, after its 1900 leap-year bug

function ymd(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Convert an Excel serial day (1900 date system) to 'YYYY-MM-DD'. */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 120000) return null;
  const t = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * 86400000);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Full-width digits and separators (２０２６／３／５) folded to ASCII. */
function toHalfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

export function parseSheetDate(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? null
      : ymd(value.getFullYear(), value.getMonth() + 1, value.getDate());
  }
  if (typeof value === 'number') return excelSerialToDate(value);
  if (typeof value !== 'string') return null;
  const s = toHalfWidth(value).trim();
  if (s === '') return null;
  let m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{4,6}(\.\d+)?$/.test(s)) return excelSerialToDate(Number(s));
  return null;
}
