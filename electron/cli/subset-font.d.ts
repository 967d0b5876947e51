// Types for the npm package subset-font (HarfBuzz subsetting in WebAssembly), which ships none.
declare module 'subset-font' {
  interface SubsetFontOptions {
    /** 'truetype' is an alias of 'sfnt': the TrueType output jsPDF needs. */
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    preserveNameIds?: number[];
    keepFeatures?: string[];
    noLayoutClosure?: boolean;
    glyphNames?: boolean;
    noHinting?: boolean;
    dropTables?: string[];
  }
  function subsetFont(font: Buffer | Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>;
  export default subsetFont;
}
