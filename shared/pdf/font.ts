// The font a printable form is drawn with. shared/ reads no files: the caller (CLI, main process,
// renderer) loads a TrueType font, usually Noto Sans SC subset to the form's characters, and passes
// its bytes in. jsPDF drops characters the font lacks without a word, so callers compare the text a
// form will draw against the font's character map first and tell the user what would be lost.

/** A TrueType font (glyf outlines; not OTF/CFF, not .ttc) handed to a form's render(). */
export interface PdfFont {
  /** The family name registered in the PDF, e.g. 'NotoSansSC'. */
  name: string;
  bytes: Uint8Array;
}

/** Characters that are not drawn at all, so a font need not have glyphs for them. */
function isLayoutOnly(codepoint: number): boolean {
  return codepoint < 0x20 || codepoint === 0x7f || (codepoint >= 0x200b && codepoint <= 0x200f);
}

/** Every distinct drawable character of `text`, in first-seen order: the input for font subsetting. */
export function distinctCharacters(text: string): string {
  const seen = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!isLayoutOnly(cp)) seen.add(ch);
  }
  return [...seen].join('');
}

/**
 * The characters of `text` the font cannot draw (each once, in first-seen order).
 * `codepoints` is the font's character map, from fontCodepoints().
 */
export function findMissingGlyphs(text: string, codepoints: ReadonlySet<number>): string[] {
  const missing: string[] = [];
  for (const ch of distinctCharacters(text)) {
    const cp = ch.codePointAt(0) ?? 0;
    // A space is drawn as an advance, but a font without one still prints fine in jsPDF.
    if (cp === 0x20) continue;
    if (!codepoints.has(cp)) missing.push(ch);
  }
  return missing;
}

/** "☑ (U+2611)" — how a missing character is named in a warning, so invisible ones still show. */
export function describeCharacter(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `${ch} (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;
}

export class FontFormatError extends Error {
  override name = 'FontFormatError';
}

/**
 * The Unicode code points a TrueType/OpenType font maps to a glyph, read from its 'cmap' table
 * (subtable formats 4 and 12, the ones fonts for Chinese carry). Reading only the table directory
 * and the cmap keeps this fast even on the 10 MB full Noto Sans SC.
 */
export function fontCodepoints(bytes: Uint8Array): Set<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at);
  const u32 = (at: number) => view.getUint32(at);
  if (bytes.byteLength < 12) throw new FontFormatError('font file is too short');
  const version = u32(0);
  if (version === 0x74746366) throw new FontFormatError('font collections (.ttc) are not supported');
  if (version !== 0x00010000 && version !== 0x4f54544f && version !== 0x74727565) {
    throw new FontFormatError('not a TrueType/OpenType font');
  }
  const tableCount = u16(4);
  let cmapOffset = -1;
  for (let i = 0; i < tableCount; i++) {
    const rec = 12 + i * 16;
    if (u32(rec) === 0x636d6170 /* 'cmap' */) cmapOffset = u32(rec + 8);
  }
  if (cmapOffset < 0) throw new FontFormatError('font has no cmap table');

  // Prefer the full-repertoire subtable (format 12) over the BMP-only one (format 4).
  let format4 = -1;
  let format12 = -1;
  const subtableCount = u16(cmapOffset + 2);
  for (let i = 0; i < subtableCount; i++) {
    const rec = cmapOffset + 4 + i * 8;
    const platform = u16(rec);
    const encoding = u16(rec + 2);
    const at = cmapOffset + u32(rec + 4);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = u16(at);
    if (format === 12) format12 = at;
    else if (format === 4) format4 = at;
  }

  const out = new Set<number>();
  if (format12 >= 0) {
    const groups = u32(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const rec = format12 + 16 + g * 12;
      const start = u32(rec);
      const end = u32(rec + 4);
      const startGlyph = u32(rec + 8);
      // Glyph 0 is .notdef: a character mapped to it prints as nothing.
      for (let cp = start; cp <= end; cp++) if (startGlyph + (cp - start) !== 0) out.add(cp);
    }
    return out;
  }
  if (format4 >= 0) {
    const segCount = u16(format4 + 6) / 2;
    const endCodes = format4 + 14;
    const startCodes = endCodes + segCount * 2 + 2;
    const deltas = startCodes + segCount * 2;
    const rangeOffsets = deltas + segCount * 2;
    for (let s = 0; s < segCount; s++) {
      const end = u16(endCodes + s * 2);
      const start = u16(startCodes + s * 2);
      const delta = u16(deltas + s * 2);
      const rangeOffsetAt = rangeOffsets + s * 2;
      const rangeOffset = u16(rangeOffsetAt);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
        else {
          const glyphAt = rangeOffsetAt + rangeOffset + (cp - start) * 2;
          glyph = glyphAt + 2 <= bytes.byteLength ? u16(glyphAt) : 0;
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) out.add(cp);
      }
    }
    return out;
  }
  throw new FontFormatError('font has no Unicode character map');
}

/**
 * jsPDF's virtual file system and its stream writer take bytes as "binary strings" (one char per
 * byte). fromCharCode.apply over a typed array, not a spread: Chromium spreads 8,192 arguments
 * ~20 times slower (3 ms against 0.15 ms for a card's 47 KB font).
 */
export function bytesToBinaryString(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]));
  }
  return parts.join('');
}
