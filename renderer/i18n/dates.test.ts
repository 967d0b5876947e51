import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDay, formatTime, fromLocalValue, toLocalValue } from './dates';

afterEach(() => void dayjs.locale('en'));

describe('one date format on screen', () => {
  const at = new Date(2026, 11, 7, 12, 39, 5).toISOString();

  it('writes a time as 2026-12-07 12:39 (24-hour, local), the same in Chinese and English', () => {
    dayjs.locale('zh-cn');
    const zh = formatTime(at);
    dayjs.locale('en');
    expect(formatTime(at)).toBe(zh);
    expect(zh).toBe('2026-12-07 12:39');
    expect(formatTime(new Date(2026, 0, 2, 21, 5).toISOString())).toBe('2026-01-02 21:05');
  });

  it('writes a day as 2026-12-07, from a stored day or a time', () => {
    expect(formatDay('2026-12-07')).toBe('2026-12-07');
    expect(formatDay(at)).toBe('2026-12-07');
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
