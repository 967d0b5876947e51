import { describe, expect, it } from 'vitest';
import { normalizeQuote } from './quotes';

describe('daily quote normalisation', () => {
  it('treats width, punctuation and spaces as the same quote', () => {
    const a = normalizeQuote('天道酬勤，厚德载物。');
    expect(normalizeQuote('天道酬勤, 厚德载物.')).toBe(a);
    expect(normalizeQuote(' 天道酬勤 厚德载物！')).toBe(a);
    expect(normalizeQuote('Ｗork hard，ｐlay hard')).toBe(normalizeQuote('work hard, play hard'));
  });
  it('ignores invisible characters that come with text pasted from a web page or chat', () => {
    const a = normalizeQuote('天道酬勤，厚德载物。');
    // Zero-width space, zero-width joiner, soft hyphen, word joiner.
    expect(normalizeQuote('天道\u200B酬勤，厚德\u200D载物\u00AD。\u2060')).toBe(a);
  });
  it('keeps different sentences apart', () => {
    expect(normalizeQuote('天道酬勤')).not.toBe(normalizeQuote('地道酬勤'));
  });
});
