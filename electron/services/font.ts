// The Chinese font for printing, on the Node side: the `pdf:font` service the renderer asks before
// it draws a form, and the CLI's `netdesk pdf`. Both cut the bundled Noto Sans SC (10.5 MB) down to
// the characters a form draws, so jsPDF parses a ~30 KB font instead of the whole one, and both
// report the characters the font lacks, which jsPDF would otherwise drop without a word.
//
// HarfBuzz (WebAssembly, the engine inside the `subset-font` package) does the cutting. The
// package copies the whole font into HarfBuzz and parses it again for every call (~45 ms); here
// the font is loaded once and its parsed face kept, so a card's subset takes a few milliseconds.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import {
  describeCharacter,
  distinctCharacters,
  findMissingGlyphs,
  FontFormatError,
  fontCodepoints,
  type PdfFont,
} from '../../shared/pdf/font';
import type { IpcParsedRequest, IpcResponses } from '../../shared/ipc';

const require = createRequire(import.meta.url);

/** Noto Sans SC Regular (OFL-1.1): beside the installed app (electron-builder's extraResources), else from the dependencies. */
export function defaultFontPath(resourcesPath: string | undefined = process.resourcesPath): string {
  const shipped = resourcesPath ? join(resourcesPath, 'fonts', 'NotoSansSC_400Regular.ttf') : undefined;
  if (shipped && existsSync(shipped)) return shipped;
  return require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
}

export async function readFontFile(path = defaultFontPath()): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}

// ── HarfBuzz ─────────────────────────────────────────────────────────────────────────────
/** The part of HarfBuzz's subsetting C API that NetDesk calls (see hb-subset.h). */
interface HarfBuzz {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_set(input: number, kind: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

// Writable, as subset-font passes it: HarfBuzz then never needs a second 10 MB copy to sanitize.
const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE = 0x200;
const tag = (name: string) => [...name].reduce((n, ch) => (n << 8) + ch.charCodeAt(0), 0) >>> 0;
// jsPDF draws glyph by glyph without shaping: the layout tables, and the alternates that layout
// closure would pull in (vertical forms, regional variants), are dead weight, about half the subset.
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF'].map(tag);

let harfBuzzModule: Promise<WebAssembly.Module> | undefined;

/** HarfBuzz's subsetting build, as shipped with `subset-font` (compiled once per process). */
function harfBuzzWasm(): Promise<WebAssembly.Module> {
  harfBuzzModule ??= (async () => {
    // Resolved through subset-font, which depends on harfbuzzjs: wherever npm placed it.
    const fromSubsetFont = createRequire(require.resolve('subset-font'));
    const bytes = await readFile(fromSubsetFont.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    return WebAssembly.compile(bytes);
  })();
  harfBuzzModule.catch(() => (harfBuzzModule = undefined));
  return harfBuzzModule;
}

/** A font loaded into HarfBuzz once, cut to any set of characters on request. */
export interface FontSubsetter {
  /** Every code point the full font can draw. */
  readonly codepoints: ReadonlySet<number>;
  /** A TrueType font holding exactly the glyphs of the characters of `text` the font has. */
  subset(text: string): Uint8Array;
  /** Give HarfBuzz's copy of the font back (a subsetter is unusable afterwards). */
  dispose(): void;
}

/**
 * Load a TrueType font into its own HarfBuzz instance. Throws FontFormatError for a file that is
 * not a TrueType font with glyf outlines (jsPDF cannot embed CFF/OTF fonts or collections).
 */
export async function openFontSubsetter(fontFile: Uint8Array): Promise<FontSubsetter> {
  const codepoints = fontCodepoints(fontFile);
  if (new DataView(fontFile.buffer, fontFile.byteOffset, 4).getUint32(0) === 0x4f54544f /* 'OTTO' */) {
    throw new FontFormatError(
      'OpenType CFF fonts (.otf) are not supported: a TrueType (.ttf) font is needed',
    );
  }
  const instance = await WebAssembly.instantiate(await harfBuzzWasm());
  const hb = instance.exports as unknown as HarfBuzz & { _initialize?: () => void };
  hb._initialize?.();

  const fontPtr = hb.malloc(fontFile.byteLength);
  if (fontPtr === 0) throw new Error('HarfBuzz could not allocate memory for the font');
  new Uint8Array(hb.memory.buffer).set(fontFile, fontPtr);
  const blob = hb.hb_blob_create(fontPtr, fontFile.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  let disposed = false;

  return {
    codepoints,
    subset(text) {
      if (disposed) throw new Error('font subsetter already disposed');
      const input = hb.hb_subset_input_create_or_fail();
      if (input === 0) throw new Error('HarfBuzz could not start a subset');
      let result = 0;
      try {
        hb.hb_subset_input_set_flags(
          input,
          hb.hb_subset_input_get_flags(input) |
            HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE |
            HB_SUBSET_FLAGS_NO_HINTING,
        );
        const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (const t of DROPPED_TABLES) hb.hb_set_add(drop, t);
        const unicodes = hb.hb_subset_input_unicode_set(input);
        for (const ch of distinctCharacters(text)) hb.hb_set_add(unicodes, ch.codePointAt(0) ?? 0);
        result = hb.hb_subset_or_fail(face, input);
      } finally {
        hb.hb_subset_input_destroy(input);
      }
      if (result === 0) throw new FontFormatError('HarfBuzz could not subset the font');
      const out = hb.hb_face_reference_blob(result);
      try {
        const at = hb.hb_blob_get_data(out, 0);
        const length = hb.hb_blob_get_length(out);
        if (length === 0) throw new FontFormatError('the subset font came out empty');
        // Copied out: the WebAssembly memory is reused (and may move) on the next call.
        return new Uint8Array(hb.memory.buffer).slice(at, at + length);
      } finally {
        hb.hb_blob_destroy(out);
        hb.hb_face_destroy(result);
      }
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      hb.hb_face_destroy(face);
      hb.free(fontPtr);
    },
  };
}

// ── One-shot use (the CLI) ───────────────────────────────────────────────────────────────
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
  const subsetter = await openFontSubsetter(fontFile);
  try {
    const bytes = subsetter.subset(text);
    const missing = findMissingGlyphs(text, subsetter.codepoints);
    return { font: { name, bytes }, missing, subsetBytes: bytes.byteLength };
  } finally {
    subsetter.dispose();
  }
}

// ── The pdf:font service ─────────────────────────────────────────────────────────────────
export interface FontServiceOptions {
  /** Reads the full font; by default the bundled Noto Sans SC. Called once, on first use. */
  loadFont?: () => Promise<Uint8Array>;
}

export type FontService = (req: IpcParsedRequest<'pdf:font'>) => Promise<IpcResponses['pdf:font']>;

/** Answers kept for the same characters asked again (another window, a reload, the same card). */
const SUBSET_CACHE_ENTRIES = 16;

/**
 * The `pdf:font` service: the subset font for the text a form will draw, and the characters the
 * font lacks, named with their code points (`☑ (U+2611)`) so the renderer can show them before
 * printing. The full font is read and parsed on the first request and kept for the next ones, and
 * the last answers are kept by character set: asked for the same characters again (in any order,
 * any number of times), the service answers without cutting the font again.
 */
export function createFontService(options: FontServiceOptions = {}): FontService {
  const loadFont = options.loadFont ?? (() => readFontFile());
  let subsetter: Promise<FontSubsetter> | undefined;
  const answers = new Map<string, IpcResponses['pdf:font']>();
  const ready = () => {
    subsetter ??= loadFont().then(openFontSubsetter);
    // A failed load (file missing, disk error) is tried again on the next request.
    subsetter.catch(() => (subsetter = undefined));
    return subsetter;
  };
  return async ({ text }) => {
    const key = [...distinctCharacters(text)].sort().join('');
    const kept = answers.get(key);
    if (kept) {
      // Most recently used last, so the oldest is the first key.
      answers.delete(key);
      answers.set(key, kept);
      return kept;
    }
    const font = await ready();
    // ASCII always comes along: card numbers, asset tags and dates print without another trip.
    const bytes = font.subset(text + PRINTABLE_ASCII);
    const missing = findMissingGlyphs(text, font.codepoints).map(describeCharacter);
    const answer = { bytes, missing };
    answers.set(key, answer);
    if (answers.size > SUBSET_CACHE_ENTRIES) answers.delete(answers.keys().next().value!);
    return answer;
  };
}

const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
