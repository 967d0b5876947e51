// The months a card's received time is read for: as its text sorts among the months' windows.
import { describe, expect, it } from 'vitest';
import { kpiReadWindow, monthsReadingCard } from './read-window';

describe("a month's read window", () => {
  it('reaches 15 hours past the China month on each side', () => {
    expect(kpiReadWindow('2026-11').cardsReceived).toEqual({
      from: '2026-10-31T01:00:00.000Z',
      to: '2026-12-01T07:00:00.000Z',
    });
  });

  it('names every month whose window holds a received time, by its text', () => {
    expect(monthsReadingCard('2026-11-15T02:00:00.000Z')).toEqual(['2026-11']);
    // Late on 30 November UTC: November's, and read for December too (its window starts 15 hours early).
    expect(monthsReadingCard('2026-11-30T20:00:00.000Z')).toEqual(['2026-11', '2026-12']);
    // Written with its offset, the text sorts where its characters put it.
    expect(monthsReadingCard('2026-12-01T00:30:00+08:00')).toEqual(['2026-11', '2026-12']);
    expect(monthsReadingCard('2026-01-01T03:00:00.000Z')).toEqual(['2025-12', '2026-01']);
  });

  it('cannot name the months of a text that does not start with one', () => {
    expect(monthsReadingCard('')).toBeNull();
    expect(monthsReadingCard('2026-13-01T00:00:00Z')).toBeNull();
    expect(monthsReadingCard('昨天下午')).toBeNull();
  });
});
