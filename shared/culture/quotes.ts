// Daily quotes (每日一言) must never repeat. Two quotes are the same when they differ only
// in full/half width, punctuation or spacing; this is the key the ledger indexes and K6 compares.
export function normalizeQuote(text: string): string {
  return (
    text
      .normalize('NFKC') // full-width letters, digits and punctuation to their half-width forms
      .toLowerCase()
      // Punctuation, symbols, spaces, and invisible format characters (zero-width space, soft hyphen)
      // that text pasted from a web page or chat carries.
      .replace(/[\p{P}\p{S}\s\p{Cf}]+/gu, '')
  );
}
