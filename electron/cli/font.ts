// Fonts for printing from Node (the CLI; the main process can reuse it): load the bundled Noto Sans
// SC TrueType font, cut it down to the characters a form draws, and list the characters it lacks.
// Subsetting first makes jsPDF parse a ~60 KB font instead of 10.5 MB: faster and a smaller PDF.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { distinctCharacters, findMissingGlyphs, fontCodepoints, type PdfFont } from '../../shared/pdf/font';

const require = createRequire(import.meta.url);

/** Noto Sans SC Regular (OFL-1.1) as installed with the app's dependencies. */
export function defaultFontPath(): string {
  return require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
}

export interface PreparedFont {
  font: PdfFont;
  /** Characters of the text the font has no glyph for: they would print as nothing. */
  missing: string[];
  /** Size of the subset font in bytes. */
  subsetBytes: number;
}

/** Subset a TrueType font to exactly the characters of `text` and check what it cannot draw. */
export async function prepareFont(
  fontFile: Uint8Array,
  text: string,
  name = 'NotoSansSC',
): Promise<PreparedFont> {
  const chars = distinctCharacters(text);
  const subset = await subsetFont(
    Buffer.from(fontFile.buffer, fontFile.byteOffset, fontFile.byteLength),
    chars,
    {
      targetFormat: 'truetype',
      // jsPDF draws glyphs one by one without shaping, so the alternates that layout closure would
      // pull in (vertical forms, regional variants) and the layout tables are dead weight: about half.
      noLayoutClosure: true,
      dropTables: ['GSUB', 'GPOS', 'GDEF'],
    },
  );
  const bytes = new Uint8Array(subset.buffer, subset.byteOffset, subset.byteLength);
  // The subset's character map holds exactly the characters the full font could draw.
  const missing = findMissingGlyphs(chars, fontCodepoints(bytes));
  return { font: { name, bytes }, missing, subsetBytes: bytes.byteLength };
}

export async function readFontFile(path = defaultFontPath()): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}
