import { describe, expect, it } from 'vitest';
import { readLedgerSetting } from './ledger-settings';

const row = (value: unknown, updatedAt: string, deletedAt: string | null = null) => ({
  key: 'companyName',
  value,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt,
  deletedAt,
});

describe('readLedgerSetting', () => {
  it('gives the newest live record when two PCs each created one for the key', () => {
    const rows = [row('甲公司', '2026-03-01T00:00:00.000Z'), row('乙公司', '2026-03-02T00:00:00.000Z')];
    expect(readLedgerSetting(rows, 'companyName')).toBe('乙公司');
    expect(readLedgerSetting([...rows].reverse(), 'companyName')).toBe('乙公司');
  });

  it('skips deleted records and values the key does not accept', () => {
    const rows = [
      row('旧名', '2026-03-01T00:00:00.000Z'),
      row('已删', '2026-03-03T00:00:00.000Z', '2026-03-04T00:00:00.000Z'),
      row(42, '2026-03-05T00:00:00.000Z'),
    ];
    expect(readLedgerSetting(rows, 'companyName')).toBe('旧名');
    expect(readLedgerSetting([], 'companyRestDays')).toEqual([]);
  });
});
