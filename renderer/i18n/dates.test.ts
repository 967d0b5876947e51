import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDay, formatTime, fromLocalValue, toLocalValue } from './dates';

afterEach(() => void dayjs.locale('en'));

describe('one date format on screen', () => {
  // 12:39:05 on 7 December in China.
  const at = '2026-12-07T04:39:05.000Z';

  it('writes a time as 2026-12-07 12:39 (24-hour, China time), the same in Chinese and English', () => {
    dayjs.locale('zh-cn');
    const zh = formatTime(at);
    dayjs.locale('en');
    expect(formatTime(at)).toBe(zh);
    expect(zh).toBe('2026-12-07 12:39');
    // 21:05 UTC is 05:05 the next morning in China.
    expect(formatTime('2026-01-01T21:05:00Z')).toBe('2026-01-02 05:05');
  });

  it('writes a day as 2026-12-07, from a stored day or a time (its China day)', () => {
    expect(formatDay('2026-12-07')).toBe('2026-12-07');
    expect(formatDay(at)).toBe('2026-12-07');
    expect(formatDay('2026-12-07T16:30:00Z')).toBe('2026-12-08');
    expect(formatDay(null)).toBe('');
  });

  it('keeps what it cannot read as it is, and nothing as nothing', () => {
    expect(formatTime('not a time')).toBe('not a time');
    expect(formatTime(undefined)).toBe('');
  });

  it("round-trips a time field's local value through the picker", () => {
    expect(toLocalValue(fromLocalValue('2026-12-07T12:39'))).toBe('2026-12-07T12:39');
    expect(fromLocalValue('')).toBeNull();
    expect(toLocalValue(null)).toBe('');
  });
});
