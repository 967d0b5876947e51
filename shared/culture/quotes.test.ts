import { describe, expect, it } from 'vitest';
import { buildQuoteIndex, checkQuote, normalizeQuote } from './quotes';

const library = (texts: string[]) => buildQuoteIndex(texts.map((text, i) => ({ id: `q${i}`, text })));

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
  it('folds traditional characters, Taiwan and Hong Kong variants, to simplified', () => {
    expect(normalizeQuote('天道酬勤，厚德載物。')).toBe(normalizeQuote('天道酬勤，厚德载物。'));
    expect(normalizeQuote('學習是最好的投資')).toBe(normalizeQuote('学习是最好的投资'));
    // 裡 (Taiwan) and 裏 (Hong Kong) are both 里.
    expect(normalizeQuote('心裡有目標')).toBe(normalizeQuote('心里有目标'));
    expect(normalizeQuote('心裏有目標')).toBe(normalizeQuote('心里有目标'));
  });
  it('keeps different sentences apart', () => {
    expect(normalizeQuote('天道酬勤')).not.toBe(normalizeQuote('地道酬勤'));
  });
});

describe('checking a new quote against the library', () => {
  const index = library(['天道酬勤，厚德载物。', '学习是最好的投资。', '今日事，今日毕。']);

  it('refuses an empty quote or one of punctuation only', () => {
    expect(checkQuote('   ', index).kind).toBe('empty');
    expect(checkQuote('，。！', index).kind).toBe('empty');
  });
  it('refuses a repeat written with other punctuation, width, spaces or in traditional characters', () => {
    for (const text of ['天道酬勤,厚德载物', '天道酬勤 厚德載物！', '學習是最好的投資', '今日事，今日畢。']) {
      const check = checkQuote(text, index);
      expect(check.kind, text).toBe('repeat');
    }
    const check = checkQuote('學習是最好的投資', index);
    expect(check.kind === 'repeat' && check.quote.text).toBe('学习是最好的投资。');
  });
  it('warns of a near-duplicate with one character changed, naming the library quote', () => {
    const check = checkQuote('地道酬勤，厚德载物。', index);
    expect(check.kind).toBe('near');
    expect(check.kind === 'near' && check.quote.text).toBe('天道酬勤，厚德载物。');
  });
  it('accepts a different quote', () => {
    expect(checkQuote('微笑是最好的名片。', index).kind).toBe('ok');
  });
  it('lets a quote being edited keep its own text', () => {
    expect(checkQuote('今日事，今日毕！', index, 'q2').kind).toBe('ok');
  });
  it('refuses a quote too long for the display', () => {
    expect(checkQuote('长'.repeat(201), index).kind).toBe('too-long');
  });
});
