import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  HLC_MAX_COUNTER,
  HLC_MAX_DRIFT_MS,
  Hlc,
  HlcError,
  compareHlc,
  formatHlc,
  isAheadOfClock,
  isHlc,
  parseHlc,
} from './hlc';

const T0 = Date.parse('2026-03-02T08:00:00Z');

/** A clock the test moves by hand. */
function manualClock(start = T0) {
  let t = start;
  return { now: () => t, set: (ms: number) => (t = ms), add: (ms: number) => (t += ms) };
}

describe('stamp format', () => {
  it('round-trips through parse and format', () => {
    const stamp = formatHlc({ wallMs: T0, counter: 37, nodeId: 'a1b2c3' });
    expect(stamp).toBe(`00${T0}-0011-a1b2c3`);
    expect(parseHlc(stamp)).toEqual({ wallMs: T0, counter: 37, nodeId: 'a1b2c3' });
    expect(isHlc(stamp)).toBe(true);
  });

  it('keeps node ids that contain dashes', () => {
    const stamp = formatHlc({ wallMs: 5, counter: 0, nodeId: 'pc-a-01' });
    expect(parseHlc(stamp).nodeId).toBe('pc-a-01');
  });

  it('sorts as strings in the same order as (time, counter, node)', () => {
    const parts = fc.record({
      wallMs: fc.integer({ min: 0, max: 4e12 }),
      counter: fc.integer({ min: 0, max: HLC_MAX_COUNTER }),
      nodeId: fc.constantFrom('a', 'b', 'node1'),
    });
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const byParts =
          Math.sign(a.wallMs - b.wallMs) ||
          Math.sign(a.counter - b.counter) ||
          (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0);
        expect(compareHlc(formatHlc(a), formatHlc(b))).toBe(byParts);
      }),
    );
  });

  it('refuses malformed stamps and node ids with a typed error', () => {
    for (const bad of ['', '123-0000-a', `${'1'.repeat(15)}-00-a`, `${'1'.repeat(15)}-0000-`, 'x']) {
      expect(() => parseHlc(bad)).toThrow(HlcError);
      expect(isHlc(bad)).toBe(false);
    }
    expect(() => new Hlc('has space', () => T0)).toThrow(expect.objectContaining({ code: 'bad-node-id' }));
    expect(() => formatHlc({ wallMs: -1, counter: 0, nodeId: 'a' })).toThrow(HlcError);
  });
});

describe('Hlc.tick', () => {
  it('uses the wall clock and counts within one millisecond', () => {
    const clock = manualClock();
    const hlc = new Hlc('pca', clock.now);
    const a = hlc.tick();
    const b = hlc.tick();
    expect(parseHlc(a)).toEqual({ wallMs: T0, counter: 0, nodeId: 'pca' });
    expect(parseHlc(b)).toEqual({ wallMs: T0, counter: 1, nodeId: 'pca' });
    clock.add(1);
    expect(parseHlc(hlc.tick())).toEqual({ wallMs: T0 + 1, counter: 0, nodeId: 'pca' });
  });

  it('never goes backwards when the PC clock is set back', () => {
    const clock = manualClock();
    const hlc = new Hlc('pca', clock.now);
    const before = hlc.tick();
    clock.add(-3_600_000);
    const after = hlc.tick();
    expect(compareHlc(after, before)).toBe(1);
    expect(parseHlc(after).wallMs).toBe(T0);
  });

  it('continues after a restart from the last stamp it issued', () => {
    const clock = manualClock();
    const first = new Hlc('pca', clock.now);
    first.tick();
    const last = first.tick();
    const restarted = new Hlc('pca', clock.now, last);
    expect(restarted.last).toBe(last);
    expect(compareHlc(restarted.tick(), last)).toBe(1);
  });

  it('borrows the next millisecond when the counter is full', () => {
    const last = formatHlc({ wallMs: T0, counter: HLC_MAX_COUNTER, nodeId: 'pca' });
    const hlc = new Hlc('pca', () => T0, last);
    expect(parseHlc(hlc.tick())).toEqual({ wallMs: T0 + 1, counter: 0, nodeId: 'pca' });
  });

  it('is strictly increasing under any sequence of clock moves and receives', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('move' as const), ms: fc.integer({ min: -5000, max: 5000 }) }),
      fc.record({ kind: fc.constant('tick' as const) }),
      fc.record({
        kind: fc.constant('receive' as const),
        offset: fc.integer({ min: -10_000, max: 10_000 }),
        counter: fc.integer({ min: 0, max: 50 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const clock = manualClock();
        const hlc = new Hlc('local', clock.now);
        let prev = '';
        for (const s of steps) {
          if (s.kind === 'move') {
            clock.add(s.ms);
            continue;
          }
          let next: string;
          if (s.kind === 'tick') {
            next = hlc.tick();
          } else {
            const remote = formatHlc({
              wallMs: clock.now() + s.offset,
              counter: s.counter,
              nodeId: 'remote',
            });
            next = hlc.receive(remote);
            expect(compareHlc(next, remote)).toBe(1);
          }
          expect(next > prev).toBe(true);
          prev = next;
        }
      }),
    );
  });
});

describe('Hlc.receive', () => {
  it('moves past a remote stamp that is slightly ahead, so the next local change wins', () => {
    const clock = manualClock();
    const hlc = new Hlc('pca', clock.now);
    const remote = formatHlc({ wallMs: T0 + 60_000, counter: 3, nodeId: 'pcb' });
    const received = hlc.receive(remote);
    expect(parseHlc(received)).toEqual({ wallMs: T0 + 60_000, counter: 4, nodeId: 'pca' });
    expect(compareHlc(hlc.tick(), remote)).toBe(1);
  });

  it('keeps local time when the remote stamp is older', () => {
    const clock = manualClock();
    const hlc = new Hlc('pca', clock.now);
    const received = hlc.receive(formatHlc({ wallMs: T0 - 1000, counter: 9, nodeId: 'pcb' }));
    expect(parseHlc(received)).toEqual({ wallMs: T0, counter: 0, nodeId: 'pca' });
  });

  it('refuses a stamp more than an hour ahead and leaves the clock untouched', () => {
    const clock = manualClock();
    const hlc = new Hlc('pca', clock.now);
    const mine = hlc.tick();
    const wrongClock = formatHlc({ wallMs: T0 + HLC_MAX_DRIFT_MS + 1, counter: 0, nodeId: 'pcb' });
    expect(() => hlc.receive(wrongClock)).toThrow(
      expect.objectContaining({ code: 'clock-drift', value: wrongClock }),
    );
    expect(hlc.last).toBe(mine);
    // Exactly one hour ahead is still accepted.
    const edge = formatHlc({ wallMs: T0 + HLC_MAX_DRIFT_MS, counter: 0, nodeId: 'pcb' });
    expect(() => hlc.receive(edge)).not.toThrow();
  });

  it('reports stamps ahead of the clock without a clock instance', () => {
    const ahead = formatHlc({ wallMs: T0 + HLC_MAX_DRIFT_MS + 1, counter: 0, nodeId: 'pcb' });
    expect(isAheadOfClock(ahead, T0)).toBe(true);
    expect(isAheadOfClock(ahead, T0 + 1)).toBe(false);
  });
});
