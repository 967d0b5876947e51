import { describe, expect, it } from 'vitest';
import { planQuoteImport, quoteLinesOf } from './quote-import';
import { buildQuoteIndex } from './quotes';

const index = buildQuoteIndex([{ id: 'q1', text: '学习是最好的投资。' }]);

describe('importing a list of quotes', () => {
  it('reads one quote a line, skipping blank lines but keeping line numbers', () => {
    const lines = quoteLinesOf('第一句。\r\n\r\n  第二句。  \n', 'lines');
    expect(lines).toEqual([
      { line: 1, text: '第一句。' },
      { line: 3, text: '第二句。' },
    ]);
  });
  it('reads the quote column of a CSV by its header, else the first column', () => {
    expect(quoteLinesOf('序号,内容\n1,"团结协作，共筑美好家园。"\n2,微笑是最好的名片。', 'csv')).toEqual([
      { line: 2, text: '团结协作，共筑美好家园。' },
      { line: 3, text: '微笑是最好的名片。' },
    ]);
    expect(quoteLinesOf('今日事今日毕\n行动是良药', 'csv').map((l) => l.text)).toEqual([
      '今日事今日毕',
      '行动是良药',
    ]);
  });
  it('refuses repeats of the library and of earlier lines, with the reason, and keeps the rest', () => {
    const plan = planQuoteImport(
      quoteLinesOf(
        '微笑是最好的名片。\n學習是最好的投資\n微笑是最好的名片!\n沟通从倾听开始。\n学习是最好的投机。',
        'lines',
      ),
      index,
    );
    expect(plan.accepted).toEqual(['微笑是最好的名片。', '沟通从倾听开始。', '学习是最好的投机。']);
    expect(plan.refused.map((l) => [l.line, l.verdict.kind])).toEqual([
      [2, 'repeat-of-library'],
      [3, 'repeat-in-file'],
    ]);
    expect(plan.refused[1]!.verdict).toEqual({ kind: 'repeat-in-file', line: 1 });
    // One character off a library quote: saved, with a warning in the preview.
    expect(plan.lines[4]!.verdict).toEqual({ kind: 'near', quoteText: '学习是最好的投资。' });
  });
});
