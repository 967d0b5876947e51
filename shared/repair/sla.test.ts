import { describe, expect, it } from 'vitest';
import { evaluateSla, type ClockEvent } from './sla';

const H = 3600 * 1000;
const t0 = Date.parse('2026-03-02T01:00:00.000Z'); // 09:00 Asia/Shanghai
const at = (hours: number) => new Date(t0 + hours * H).toISOString();
const ev = (type: ClockEvent['type'], hours: number): ClockEvent => ({ type, at: at(hours) });
const received = at(0);

describe('24-hour clock of a repair card', () => {
  it('runs from receipt and is due 24 h later', () => {
    const r = evaluateSla(received, [ev('received', 0)], new Date(t0 + 5 * H));
    expect(r.state).toBe('running');
    expect(r.dueAt).toBe(at(24));
    expect(r.marginMs).toBe(19 * H);
  });

  it('is met when repaired exactly at 24 h, late one second after', () => {
    expect(evaluateSla(received, [ev('repaired', 24)], new Date(t0 + 30 * H)).state).toBe('met');
    const late = evaluateSla(
      received,
      [{ type: 'repaired', at: new Date(t0 + 24 * H + 1000).toISOString() }],
      new Date(t0 + 30 * H),
    );
    expect(late.state).toBe('late');
    expect(late.marginMs).toBe(-1000);
  });

  it('counts a repair suggestion like a repair', () => {
    expect(evaluateSla(received, [ev('suggestion-given', 3)], new Date(t0 + 48 * H)).state).toBe('met');
  });

  it('shows an open card past due as overdue', () => {
    const r = evaluateSla(received, [ev('started', 1)], new Date(t0 + 26 * H));
    expect(r.state).toBe('overdue');
    expect(r.marginMs).toBe(-2 * H);
  });

  it('pauses while waiting for parts and is due 24 h after the part arrives', () => {
    const events = [ev('started', 1), ev('part-ordered', 2)];
    expect(evaluateSla(received, events, new Date(t0 + 100 * H)).state).toBe('paused');
    const arrived = [...events, ev('part-arrived', 72)];
    const r = evaluateSla(received, arrived, new Date(t0 + 80 * H));
    expect(r.state).toBe('running');
    expect(r.dueAt).toBe(at(96));
    expect(evaluateSla(received, [...arrived, ev('repaired', 95)], new Date(t0 + 200 * H)).state).toBe('met');
    expect(evaluateSla(received, [...arrived, ev('repaired', 97)], new Date(t0 + 200 * H)).state).toBe(
      'late',
    );
  });

  it('restarts 24 h from arrival even when the part arrives before the first deadline', () => {
    const r = evaluateSla(received, [ev('part-ordered', 1), ev('part-arrived', 5)], new Date(t0 + 6 * H));
    expect(r.dueAt).toBe(at(29));
  });

  it('uses the last arrival when there are several parts waits', () => {
    const events = [
      ev('part-ordered', 1),
      ev('part-arrived', 10),
      ev('part-ordered', 20),
      ev('part-arrived', 50),
    ];
    expect(evaluateSla(received, events, new Date(t0 + 60 * H)).dueAt).toBe(at(74));
    // a repair between the two waits is met against the first arrival's deadline
    expect(
      evaluateSla(
        received,
        [ev('part-ordered', 1), ev('part-arrived', 10), ev('repaired', 33)],
        new Date(t0 + 60 * H),
      ).state,
    ).toBe('met');
  });

  it('stays paused until every part ordered has arrived', () => {
    const events = [ev('part-ordered', 1), ev('part-ordered', 2), ev('part-arrived', 10)];
    expect(evaluateSla(received, events, new Date(t0 + 40 * H)).state).toBe('paused');
    expect(evaluateSla(received, [...events, ev('part-arrived', 30)], new Date(t0 + 40 * H)).dueAt).toBe(
      at(54),
    );
  });

  it('has no clock while refused, and 24 h from an approval days later', () => {
    const refused = [ev('refused', 2)];
    expect(evaluateSla(received, refused, new Date(t0 + 200 * H)).state).toBe('refused');
    const approved = [...refused, ev('approved', 98)];
    const r = evaluateSla(received, approved, new Date(t0 + 100 * H));
    expect(r.state).toBe('running');
    expect(r.dueAt).toBe(at(122));
    expect(evaluateSla(received, [...approved, ev('repaired', 121)], new Date(t0 + 200 * H)).state).toBe(
      'met',
    );
  });

  it('stays refused when approval is denied', () => {
    expect(
      evaluateSla(received, [ev('refused', 2), ev('approval-denied', 30)], new Date(t0 + 200 * H)).state,
    ).toBe('refused');
  });

  it('ignores events after the moment asked about, so an old report sees the card as it was', () => {
    const events = [ev('repaired', 30)];
    expect(evaluateSla(received, events, new Date(t0 + 20 * H)).state).toBe('running');
    expect(evaluateSla(received, events, new Date(t0 + 31 * H)).state).toBe('late');
  });

  it('does not depend on the order events are given in', () => {
    const a = [ev('part-ordered', 1), ev('part-arrived', 10), ev('repaired', 20)];
    expect(evaluateSla(received, [...a].reverse(), new Date(t0 + 60 * H))).toEqual(
      evaluateSla(received, a, new Date(t0 + 60 * H)),
    );
  });
});

describe('events stamped with the same instant', () => {
  const received = '2026-12-01T01:00:00.000Z';
  const t = '2026-12-01T03:00:00.000Z';
  const now = new Date('2026-12-05T00:00:00Z');

  it('give the same answer whatever order they were stored in', () => {
    const a = evaluateSla(
      received,
      [
        { type: 'repaired', at: t },
        { type: 'refused', at: t },
      ],
      now,
    );
    const b = evaluateSla(
      received,
      [
        { type: 'refused', at: t },
        { type: 'repaired', at: t },
      ],
      now,
    );
    expect(a).toEqual(b);
    // A refusal decided at that instant comes before any work: the card waits for approval.
    expect(a.state).toBe('refused');
  });

  it('take a part order before its arrival', () => {
    const arrivedFirst = evaluateSla(
      received,
      [
        { type: 'part-arrived', at: t },
        { type: 'part-ordered', at: t },
      ],
      now,
    );
    expect(arrivedFirst.state).toBe('overdue');
    expect(arrivedFirst.dueAt).toBe('2026-12-02T03:00:00.000Z');
  });
});
