import { describe, expect, it } from 'vitest';
import { formatSlaMargin, slaMarginMs } from './sla-margin';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('formatSlaMargin', () => {
  it('says the time left and the time overdue in Chinese', () => {
    expect(formatSlaMargin(3 * HOUR + 20 * MIN, 'zh-CN')).toBe('剩 3 小时 20 分');
    expect(formatSlaMargin(-2 * HOUR, 'zh-CN')).toBe('超时 2 小时');
    expect(formatSlaMargin(59 * 1000, 'zh-CN')).toBe('剩 0 分');
    expect(formatSlaMargin(-(26 * HOUR + 5 * MIN), 'zh-CN')).toBe('超时 1 天 2 小时');
    expect(formatSlaMargin(48 * HOUR, 'zh-CN')).toBe('剩 2 天');
  });

  it('says the same in English', () => {
    expect(formatSlaMargin(3 * HOUR + 20 * MIN, 'en')).toBe('3 h 20 min left');
    expect(formatSlaMargin(-45 * MIN, 'en')).toBe('45 min overdue');
    expect(formatSlaMargin(-(50 * HOUR), 'en')).toBe('2 d 2 h overdue');
  });

  it('measures the margin from the stored due time', () => {
    const now = new Date('2026-03-02T08:00:00.000Z');
    expect(slaMarginMs('2026-03-02T09:30:00.000Z', now)).toBe(90 * MIN);
    expect(slaMarginMs(null, now)).toBeNull();
  });
});
