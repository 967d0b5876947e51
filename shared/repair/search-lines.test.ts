import { describe, expect, it } from 'vitest';
import {
  foldSearchText,
  lineOf,
  packSearchLine,
  parseSearchLine,
  replaceLine,
  scanChunk,
  searchChunkOf,
  SEARCH_CHUNK_COUNT,
  type SearchableCard,
} from './search-lines';

const card = (id: string, description: string, extra: Partial<SearchableCard> = {}): SearchableCard => ({
  id,
  status: 'received',
  receivedAt: '2026-03-02T08:00:00.000Z',
  slaDueAt: '2026-03-03T08:00:00.000Z',
  departmentId: 'dept-1',
  deviceId: null,
  requesterId: 'p-1',
  cardNo: `WX-2026-A-${id.padStart(4, '0')}`,
  requesterName: '张伟',
  deviceTag: 'PC-0153',
  description,
  ...extra,
});

function hits(chunk: string, query: string): string[] {
  const found: string[] = [];
  scanChunk(chunk, foldSearchText(query), (line) => found.push(parseSearchLine(line).id));
  return found;
}

describe('the packed search copy', () => {
  it("keeps a card's list fields and finds it by a substring of its text, once per card", () => {
    const chunk = [card('1', '开机黑屏，黑屏后重启'), card('2', '打印机卡纸', { slaDueAt: null })]
      .map(packSearchLine)
      .join('\n');
    expect(hits(chunk, '黑屏')).toEqual(['1']);
    expect(hits(chunk, '卡纸')).toEqual(['2']);
    expect(hits(chunk, 'pc-0153')).toEqual(['1', '2']);
    expect(hits(chunk, 'ＷＸ-2026-a-0002')).toEqual(['2']);
    expect(parseSearchLine(lineOf(chunk, '2')!)).toMatchObject({
      id: '2',
      slaDueAt: null,
      departmentId: 'dept-1',
      deviceId: null,
    });
  });

  it('never matches the list fields: ids, statuses and dates', () => {
    const chunk = packSearchLine(card('1', '网络断开', { departmentId: 'finance-7' }));
    expect(hits(chunk, 'finance')).toEqual([]);
    expect(hits(chunk, 'received')).toEqual([]);
    expect(hits(chunk, '08:00')).toEqual([]);
  });

  it('keeps one line per card across adds, edits and removals, and line breaks typed in a description', () => {
    let chunk = '';
    chunk = replaceLine(chunk, '1', packSearchLine(card('1', '第一行\n第二行')));
    chunk = replaceLine(chunk, '2', packSearchLine(card('2', '显示器')));
    chunk = replaceLine(chunk, '3', packSearchLine(card('3', '键盘')));
    chunk = replaceLine(chunk, '2', packSearchLine(card('2', '显示器闪烁')));
    expect(chunk.split('\n')).toHaveLength(3);
    expect(hits(chunk, '第二行')).toEqual(['1']);
    chunk = replaceLine(chunk, '3', null);
    chunk = replaceLine(chunk, '1', null);
    expect(chunk).toBe(packSearchLine(card('2', '显示器闪烁')));
    expect(replaceLine(chunk, '2', null)).toBe('');
  });

  it('spreads cards evenly over the chunks', () => {
    const sizes = new Array<number>(SEARCH_CHUNK_COUNT).fill(0);
    for (let i = 0; i < 25600; i++) sizes[searchChunkOf(crypto.randomUUID())]! += 1;
    expect(Math.max(...sizes)).toBeLessThan(200);
    expect(Math.min(...sizes)).toBeGreaterThan(40);
  });
});
