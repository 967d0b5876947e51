// @vitest-environment jsdom
// The one "now" of the screens: a time-left text or a round turning due moves with the clock
// without a reload, at the pace the screen asks for, and stops when the screen is gone.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from './test-support';
import { useNow } from './use-now';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Clock({ everyMs }: { everyMs?: number }) {
  return <span data-testid="now">{useNow(everyMs).toISOString()}</span>;
}

const shown = () => document.querySelector('[data-testid="now"]')!.textContent;

describe('useNow', () => {
  it('moves on every interval asked for, and not in between', () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T01:00:00Z') });
    render(<Clock everyMs={30_000} />);
    expect(shown()).toBe('2026-12-07T01:00:00.000Z');
    act(() => {
      vi.advanceTimersByTime(29_000);
    });
    expect(shown()).toBe('2026-12-07T01:00:00.000Z');
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(shown()).toBe('2026-12-07T01:00:30.000Z');
  });

  it('moves every minute when no interval is asked for, and stops with its screen', () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T01:00:00Z') });
    render(<Clock />);
    act(() => {
      vi.advanceTimersByTime(30_000);
    });
    expect(shown()).toBe('2026-12-07T01:00:00.000Z');
    act(() => {
      vi.advanceTimersByTime(30_000);
    });
    expect(shown()).toBe('2026-12-07T01:01:00.000Z');
    cleanup();
    expect(vi.getTimerCount()).toBe(0);
  });
});
