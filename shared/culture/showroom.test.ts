import { describe, expect, it } from 'vitest';
import { chineseDate, showroomQuote } from './showroom';

const quotes = [
  { id: 'q1', text: '天道酬勤。', source: '古语' },
  { id: 'q2', text: '安全无小事。' },
  { id: 'q3', text: '微笑是最好的名片。' },
];
// Friday 4 Dec, Monday 7 Dec and Tuesday 8 Dec 2026 scheduled.
const schedule = [
  { id: 'e1', date: '2026-12-04', quoteId: 'q1' },
  { id: 'e2', date: '2026-12-07', quoteId: 'q2' },
  { id: 'e3', date: '2026-12-08', quoteId: 'q3' },
];

describe('the showroom quote', () => {
  it('shows the quote scheduled for today, and the next day’s once the day turns', () => {
    expect(showroomQuote(schedule, quotes, '2026-12-07')).toEqual({
      text: '安全无小事。',
      source: '',
      date: '2026-12-07',
    });
    expect(showroomQuote(schedule, quotes, '2026-12-08')?.text).toBe('微笑是最好的名片。');
  });

  it('keeps Friday’s quote over the weekend', () => {
    expect(showroomQuote(schedule, quotes, '2026-12-05')).toEqual({
      text: '天道酬勤。',
      source: '古语',
      date: '2026-12-04',
    });
    expect(showroomQuote(schedule, quotes, '2026-12-06')?.date).toBe('2026-12-04');
  });

  it('shows nothing before the first scheduled day, and skips a day whose quote is gone', () => {
    expect(showroomQuote(schedule, quotes, '2026-12-03')).toBeNull();
    expect(showroomQuote(schedule, quotes.slice(0, 1), '2026-12-07')?.text).toBe('天道酬勤。');
  });
});

describe('the showroom date', () => {
  it('reads as a Chinese date with its weekday', () => {
    expect(chineseDate('2026-12-07')).toBe('2026年12月7日 星期一');
    expect(chineseDate('2027-01-03')).toBe('2027年1月3日 星期日');
    expect(chineseDate('2028-02-29')).toBe('2028年2月29日 星期二');
  });
});
