import { describe, expect, it } from 'vitest';
import { REPAIR_STATUSES } from '../schemas/records';
import { allowedRepairEvents, applyRepairEvent, expectedRepairEvent, replayRepairEvents } from './workflow';
import { formatCardNo, nextCardNo, parseCardNo } from './card-number';

describe('repair workflow', () => {
  it('walks the path of a card: received → in repair → parts → repaired → signed off → closed', () => {
    const r = replayRepairEvents(
      ['received', 'started', 'part-ordered', 'part-arrived', 'repaired', 'signed-off', 'closed'].map(
        (type) => ({
          type: type as never,
        }),
      ),
    );
    expect(r).toEqual({ ok: true, status: 'closed' });
  });

  it('refuses an approval without a refusal', () => {
    expect(applyRepairEvent('in-repair', 'approved')).toMatchObject({ ok: false, reason: 'not-allowed' });
  });

  it('takes a refused card back into repair once approved, or keeps it refused', () => {
    expect(applyRepairEvent('refused', 'approved')).toEqual({ ok: true, status: 'in-repair' });
    expect(applyRepairEvent('refused', 'approval-denied')).toEqual({ ok: true, status: 'refused' });
    expect(applyRepairEvent('refused', 'repaired').ok).toBe(false);
  });

  it('allows notes and vendor contacts on open cards only', () => {
    expect(applyRepairEvent('waiting-parts', 'vendor-contact')).toEqual({
      ok: true,
      status: 'waiting-parts',
    });
    expect(applyRepairEvent('closed', 'note').ok).toBe(false);
    expect(allowedRepairEvents('closed')).toEqual([]);
  });

  it('cannot sign off before the repair is done', () => {
    expect(applyRepairEvent('in-repair', 'signed-off').ok).toBe(false);
    expect(allowedRepairEvents('repaired')).toContain('signed-off');
  });

  it('reports the first event that may not happen', () => {
    expect(replayRepairEvents([{ type: 'received' }, { type: 'signed-off' }])).toMatchObject({
      ok: false,
      index: 1,
    });
  });
});

describe('the step the workflow expects next', () => {
  const expected: Record<(typeof REPAIR_STATUSES)[number], string | null> = {
    received: 'started',
    'in-repair': 'repaired',
    'waiting-parts': 'part-arrived',
    repaired: 'signed-off',
    'suggestion-given': 'signed-off',
    'signed-off': 'closed',
    refused: null,
    closed: null,
  };

  it.each(REPAIR_STATUSES.map((s) => [s, expected[s]] as const))('on a card %s is %s', (status, step) => {
    expect(expectedRepairEvent(status)).toBe(step);
    // Whatever is expected is also allowed: the highlighted button always works.
    if (step) expect(allowedRepairEvents(status)).toContain(step);
  });

  it('after 配件到货 is 修好, not another 订配件', () => {
    const history = ['received', 'started', 'part-ordered', 'part-arrived'].map((type) => ({
      type: type as never,
    }));
    const r = replayRepairEvents(history);
    expect(r).toEqual({ ok: true, status: 'in-repair' });
    expect(expectedRepairEvent('in-repair', history)).toBe('repaired');
  });

  it('on a refused card waits for the leaders, then is closing the case once they said no', () => {
    const refused = [{ type: 'received' as const }, { type: 'refused' as const }];
    expect(expectedRepairEvent('refused', refused)).toBeNull();
    expect(expectedRepairEvent('refused', [...refused, { type: 'approval-denied' as const }])).toBe('closed');
  });
});

describe('card numbers', () => {
  it('are readable and per PC', () => {
    expect(formatCardNo({ year: 2026, pcCode: 'A', seq: 1 })).toBe('WX-2026-A-0001');
    expect(parseCardNo('wx-2026-b-0042')).toEqual({ year: 2026, pcCode: 'B', seq: 42 });
    expect(parseCardNo('2026-0042')).toBeNull();
  });

  it('continue after the highest number of this PC and year, never colliding with another PC', () => {
    const used = ['WX-2026-A-0007', 'WX-2026-B-0100', 'WX-2025-A-0900', 'WX-2026-A-0003'];
    expect(nextCardNo(used, 2026, 'A')).toBe('WX-2026-A-0008');
    expect(nextCardNo(used, 2026, 'C')).toBe('WX-2026-C-0001');
    expect(nextCardNo(used, 2027, 'A')).toBe('WX-2027-A-0001');
  });
});
