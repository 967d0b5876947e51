import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import {
  describeCharacter,
  distinctCharacters,
  findMissingGlyphs,
  fontCodepoints,
  FontFormatError,
} from './font';

const fontPath = createRequire(import.meta.url).resolve(
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
);
const fullFont = new Uint8Array(readFileSync(fontPath));

describe('fontCodepoints', () => {
  it('reads the character map of the full Noto Sans SC', () => {
    const cmap = fontCodepoints(fullFont);
    for (const ch of '通讯录维修申请卡部门负责人签字A1：（）')
      expect(cmap.has(ch.codePointAt(0)!)).toBe(true);
    expect(cmap.size).toBeGreaterThan(20000);
  });

  it('reads a subset font: exactly the characters kept', async () => {
    const subset = new Uint8Array(
      await subsetFont(Buffer.from(fullFont), '通讯录AB', { targetFormat: 'truetype' }),
    );
    const cmap = fontCodepoints(subset);
    expect(['通', '讯', '录', 'A', 'B'].every((c) => cmap.has(c.codePointAt(0)!))).toBe(true);
    expect(cmap.has('维'.codePointAt(0)!)).toBe(false);
  });

  it('refuses what is not a TrueType font', () => {
    expect(() => fontCodepoints(new TextEncoder().encode('%PDF-1.7 not a font'))).toThrow(FontFormatError);
  });
});

describe('findMissingGlyphs', () => {
  const cmap = fontCodepoints(fullFont);

  it('names the characters the font cannot draw, each once', () => {
    // ☑ and the emoji are not in Noto Sans SC: jsPDF would drop them without a word.
    expect(findMissingGlyphs('已检查 ☑ 正常 ☑ 👍', cmap)).toEqual(['☑', '👍']);
  });

  it('finds nothing missing in ordinary Chinese form text', () => {
    expect(
      findMissingGlyphs('部门负责人签字：________ 日期：____年__月__日\n第 1 页 / 共 2 页', cmap),
    ).toEqual([]);
  });

  it('describes a character with its code point so an invisible one can still be named', () => {
    expect(describeCharacter('☑')).toBe('☑ (U+2611)');
    expect(distinctCharacters('通通\n讯 讯')).toBe('通讯 ');
  });
});
