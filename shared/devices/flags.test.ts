import { describe, expect, it } from 'vitest';
import { chinaDay } from '../time/china';
import { frequentlyRepaired, repeatRepairSince, warrantyEndingSoon } from './flags';
import { device } from './test-records';

// 2026-03-10 00:30 in Shanghai is still 9 March in UTC: days must be Shanghai days.
const now = new Date('2026-03-09T16:30:00Z');

describe('warranty flag', () => {
  it('counts Shanghai calendar days', () => {
    expect(chinaDay(now)).toBe('2026-03-10');
  });

  it('flags warranties ending today up to 30 days ahead, soonest first, not retired or ended ones', () => {
    const devices = [
      device('a', { assetTag: 'A', type: 'computer', warrantyEnd: '2026-04-09' }), // 30 days
      device('b', { assetTag: 'B', type: 'computer', warrantyEnd: '2026-04-10' }), // 31 days
      device('c', { assetTag: 'C', type: 'server', warrantyEnd: '2026-03-10' }), // today
      device('d', { assetTag: 'D', type: 'computer', warrantyEnd: '2026-03-09' }), // ended yesterday
      device('e', { assetTag: 'E', type: 'computer', warrantyEnd: '2026-03-20', status: 'retired' }),
      device('f', { assetTag: 'F', type: 'computer' }),
    ];
    expect(warrantyEndingSoon(devices, now).map((f) => [f.device.assetTag, f.daysLeft])).toEqual([
      ['C', 0],
      ['A', 30],
    ]);
  });

  it('does not flag a device sync delivered only in part', () => {
    const whole = device('a', { assetTag: 'A', type: 'computer', warrantyEnd: '2026-03-20' });
    const { createdAt: _createdAt, ...half } = device('h', {
      assetTag: 'H',
      type: 'computer',
      warrantyEnd: '2026-03-20',
    });
    expect(warrantyEndingSoon([whole, half as typeof whole], now).map((f) => f.device.assetTag)).toEqual([
      'A',
    ]);
  });
});

describe('repeat repair flag', () => {
  it('flags devices with three or more cards received in the last 90 days', () => {
    const since = repeatRepairSince(now);
    const card = (deviceId: string | null, receivedAt: string, deletedAt: string | null = null) => ({
      deviceId,
      receivedAt,
      deletedAt,
    });
    const cards = [
      card('pc1', '2026-03-01T01:00:00.000Z'),
      card('pc1', '2026-02-01T01:00:00.000Z'),
      card('pc1', '2025-12-10T17:00:00.000Z'), // inside: 89 days before
      card('pc2', '2026-03-01T01:00:00.000Z'),
      card('pc2', '2026-02-01T01:00:00.000Z'),
      card('pc2', '2025-12-01T01:00:00.000Z'), // outside: 98 days before
      card('pc3', '2026-03-01T01:00:00.000Z'),
      card('pc3', '2026-03-02T01:00:00.000Z'),
      card('pc3', '2026-03-03T01:00:00.000Z', '2026-03-04T00:00:00.000Z'), // deleted
      card(null, '2026-03-01T01:00:00.000Z'),
      card(null, '2026-03-02T01:00:00.000Z'),
      card(null, '2026-03-03T01:00:00.000Z'),
    ];
    expect(frequentlyRepaired(cards, since)).toEqual([
      { deviceId: 'pc1', cards: 3, lastReceivedAt: '2026-03-01T01:00:00.000Z' },
    ]);
  });
});
