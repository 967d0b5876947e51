import { describe, expect, it } from 'vitest';
import { excelSerialToDate, parseSheetDate } from './dates';

describe('dates from spreadsheets', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026 年 3 月 5 号', '2026-03-05'],
    ['２０２６／３／５', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['2026-03-05 14:30:00', '2026-03-05'],
    ['46086', '2026-03-05'],
  ])('reads %s', (input, expected) => {
    expect(parseSheetDate(input)).toBe(expected);
  });

  it('reads Excel serial numbers, including across the 1900 leap-year bug', () => {
    expect(excelSerialToDate(46086)).toBe('2026-03-05');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(parseSheetDate(45658)).toBe('2025-01-01');
  });

  it('refuses impossible days and words instead of guessing', () => {
    expect(parseSheetDate('2026-02-30')).toBeNull();
    expect(parseSheetDate('2026年13月1日')).toBeNull();
    expect(parseSheetDate('下周一')).toBeNull();
    expect(parseSheetDate('')).toBeNull();
    expect(parseSheetDate(undefined)).toBeNull();
  });
});
