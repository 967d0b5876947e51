// How NetDesk compares what people type with what is stored. Two folds, each with one job:
//
//   foldKey  — identity of a key a person types or scans: asset tags, card numbers, employee
//              numbers, department names. Width (a Chinese input method's full-width 'ＰＣ－０１'),
//              case and outer spaces do not make another key. Every lookup by such a key
//              AND the uniqueness check of the ledger use it, so a tag that opens a device on
//              Enter is the tag Save resolves, and 'PC-01' and 'pc-01' cannot both exist.
//   foldText — substring matching in searches (names, descriptions, any field): the same width
//              fold, lower case.
//
// Width is folded by a plain replace of the full-width block, not String.normalize('NFKC'): the
// folds run over every device's and card's text when a list or search copy is built, where NFKC
// costs ~5 µs a string, and only the width of letters, digits and signs matters here.
//
// Stored values are never rewritten: the folds are for comparing only.

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

function narrow(value: string): string {
  return value.replace(FULL_WIDTH, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** The key a typed or stored identifier stands for: half width, outer spaces trimmed, upper case. */
export function foldKey(value: string): string {
  return narrow(value).trim().toUpperCase();
}

/** Whether two identifiers are the same key (see foldKey). */
export function sameKey(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && foldKey(a) === foldKey(b);
}

/**
 * Text folded for substring matching: full-width to ASCII, ideographic space to a space, lower
 * case, outer spaces trimmed.
 */
export function foldText(value: string): string {
  return narrow(value).toLowerCase().trim();
}

/**
 * The spellings of a key as it may sit in an index: as typed, folded (upper case), and folded in
 * full width. An index lookup asks for these case-insensitively and keeps the records whose value
 * folds to the same key (sameKey); a stored value mixing widths is the one spelling it misses.
 */
export function keySpellings(typed: string): string[] {
  const key = foldKey(typed);
  if (!key) return [];
  const wide = key.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return [...new Set([typed.trim(), key, wide])];
}
